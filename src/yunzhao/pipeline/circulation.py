"""Circulation (项目流转): handing a project to another department, district or the platform company.

The receiver accepts or rejects before a deadline (working days); the project's department and
officer change only on acceptance; a project has at most one pending hand-over; an unanswered
hand-over past its deadline is escalated to the leaders.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yunzhao.accounts.models import Department, Role, User
from yunzhao.core import audit
from yunzhao.core.calendar import add_working_days
from yunzhao.pipeline.models import Handover, HandoverStatus, Project

DEFAULT_DEADLINE_WORKING_DAYS = 3


class HandoverError(ValueError):
    """The hand-over cannot be made or answered; the message says why in the user's language."""


def deadline_working_days() -> int:
    return int(settings.YUNZHAO.get("HANDOVER_WORKING_DAYS", DEFAULT_DEADLINE_WORKING_DAYS))


def hand_over(
    *,
    project: Project,
    to_department: Department,
    by: Any,
    note: str = "",
    to_owner: User | None = None,
    working_days: int | None = None,
) -> Handover:
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if to_department.pk == project.department_id:
            raise HandoverError(_("The project is already with this department."))
        if not to_department.is_active:
            raise HandoverError(_("This department no longer takes projects."))
        if to_owner is not None and to_owner.department_id != to_department.pk:
            raise HandoverError(_("The receiving officer must belong to the receiving department."))
        if project.handovers.filter(status=HandoverStatus.PENDING).exists():
            raise HandoverError(_("This project already has a hand-over waiting for an answer."))
        now = timezone.now()
        try:
            with transaction.atomic():
                handover = Handover.objects.create(
                    project=project,
                    from_department_id=project.department_id,
                    from_owner_id=project.owner_id,
                    to_department=to_department,
                    to_owner=to_owner,
                    note=note.strip(),
                    requested_by=by,
                    requested_at=now,
                    deadline=add_working_days(now, working_days or deadline_working_days()),
                )
        except IntegrityError as error:  # a concurrent request won the race for the one pending slot
            raise HandoverError(_("This project already has a hand-over waiting for an answer.")) from error
        audit.record(
            actor=by,
            action="project.handover.requested",
            target=project,
            data={
                "handover": handover.pk,
                "to_department": to_department.pk,
                "to_owner": to_owner.pk if to_owner else None,
                "deadline": handover.deadline,
                "note": handover.note,
            },
        )
    return handover


def _pending(handover: Handover) -> Handover:
    locked = Handover.objects.select_for_update().select_related("project").get(pk=handover.pk)
    if locked.status != HandoverStatus.PENDING:
        raise HandoverError(_("This hand-over has already been answered."))
    return locked


def accept_handover(*, handover: Handover, by: Any, owner: User | None = None) -> Handover:
    """The receiver takes the project: its department (and officer) change now."""
    with transaction.atomic():
        Project.objects.select_for_update().get(pk=handover.project_id)
        handover = _pending(handover)
        owner = owner or handover.to_owner
        if owner is not None and owner.department_id != handover.to_department_id:
            raise HandoverError(_("The receiving officer must belong to the receiving department."))
        project = handover.project
        before = audit.snapshot(project, ["department", "owner"])
        project.department_id = handover.to_department_id
        project.owner = owner
        project.version += 1
        project.save(update_fields=["department", "owner", "version", "updated_at"])
        handover.status = HandoverStatus.ACCEPTED
        handover.decided_by = by
        handover.decided_at = timezone.now()
        handover.to_owner = owner
        handover.save(update_fields=["status", "decided_by", "decided_at", "to_owner"])
        audit.record(
            actor=by,
            action="project.handover.accepted",
            target=project,
            before=before,
            after=audit.snapshot(project, ["department", "owner"]),
            data={"handover": handover.pk},
        )
    return handover


def reject_handover(*, handover: Handover, by: Any, reason: str) -> Handover:
    """The receiver declines, saying why; the project stays where it was."""
    reason = reason.strip()
    if not reason:
        raise HandoverError(_("Say why you reject the hand-over."))
    return _close(handover=handover, by=by, status=HandoverStatus.REJECTED, reason=reason, action="rejected")


def cancel_handover(*, handover: Handover, by: Any, reason: str = "") -> Handover:
    """The sender withdraws a hand-over that is still waiting."""
    return _close(handover=handover, by=by, status=HandoverStatus.CANCELLED, reason=reason.strip(), action="cancelled")


def _close(*, handover: Handover, by: Any, status: str, reason: str, action: str) -> Handover:
    with transaction.atomic():
        Project.objects.select_for_update().get(pk=handover.project_id)
        handover = _pending(handover)
        handover.status = status
        handover.decided_by = by
        handover.decided_at = timezone.now()
        handover.reason = reason
        handover.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        audit.record(
            actor=by,
            action=f"project.handover.{action}",
            target=handover.project,
            data={"handover": handover.pk, "reason": reason},
        )
    return handover


def escalate_overdue_handovers(*, now: dt.datetime | None = None) -> list[Handover]:
    """Mark every pending hand-over past its deadline as escalated and tell the leaders by e-mail.

    Each hand-over is escalated once; running this again sends nothing new.
    """
    now = now or timezone.now()
    with transaction.atomic():
        overdue = list(
            Handover.objects.select_for_update()
            .filter(status=HandoverStatus.PENDING, deadline__lt=now, escalated_at__isnull=True)
            .select_related("project", "from_department", "to_department")
            .order_by("deadline", "pk")
        )
        for handover in overdue:
            handover.escalated_at = now
            handover.save(update_fields=["escalated_at"])
            audit.record(
                actor=None,
                action="project.handover.escalated",
                target=handover.project,
                data={"handover": handover.pk, "deadline": handover.deadline},
            )
        if overdue:
            leaders = list(User.objects.filter(role=Role.LEADER, is_active=True).order_by("pk"))
            transaction.on_commit(lambda: _mail_leaders(leaders, overdue))
    return overdue


def _mail_leaders(leaders: list[User], handovers: list[Handover]) -> None:
    messages = []
    for leader in leaders:
        with translation.override(leader.preferred_language):
            context = {"leader": leader, "handovers": handovers, "site_url": settings.SITE_URL.rstrip("/")}
            subject = render_to_string("pipeline/email/escalation_subject.txt", context).strip()
            body = render_to_string("pipeline/email/escalation_body.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [leader.email]))
    send_mass_mail(messages, fail_silently=False)
