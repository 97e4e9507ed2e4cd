"""The daily e-mail digest: each officer's overdue and due follow-ups and the hand-overs waiting on them.

Sent on working days only (the calendar knows Chinese holidays and make-up working days),
once per person per day, in the person's own language, and only to people with something
in it.  ``manage.py enqueue_daily_tasks`` enqueues one task per person each morning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from yunzhao.accounts.models import INTERNAL_ROLES, User
from yunzhao.core import audit
from yunzhao.core.calendar import is_working_day
from yunzhao.core.models import AuditEntry
from yunzhao.crm.models import Activity
from yunzhao.crm.queries import follow_ups_for
from yunzhao.pipeline.models import Handover, HandoverStatus
from yunzhao.pipeline.queries import pending_handovers_for

SENT_ACTION = "digest.sent"


@dataclass(frozen=True)
class Digest:
    user: User
    day: dt.date
    overdue: list[Activity]
    due_today: list[Activity]
    to_answer: list[Handover]
    waiting: list[Handover]

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due_today or self.to_answer or self.waiting)


def digest_for(user: User, *, day: dt.date) -> Digest:
    """What ``user`` should know on the morning of ``day``."""
    follow_ups = follow_ups_for(user, today=day)
    waiting = (
        Handover.objects.filter(status=HandoverStatus.PENDING, requested_by=user)
        .select_related("project", "to_department")
        .order_by("deadline", "pk")
    )
    return Digest(
        user=user,
        day=day,
        overdue=list(follow_ups.overdue),
        due_today=list(follow_ups.due_today),
        to_answer=list(pending_handovers_for(user).order_by("deadline", "pk")),
        waiting=list(waiting),
    )


def recipients() -> QuerySet[User]:
    """Staff who may get a digest: active, internal, with an address."""
    return User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).exclude(email="").order_by("pk")


def send_daily_digest(*, user_pk: int, day: dt.date) -> bool:
    """Send ``day``'s digest to the user ``user_pk``; False when there is none to send.

    Nothing is sent on a day off, to an account that left, when there is nothing in it, or
    when that day's digest already went out (the audit log remembers it).
    """
    user = recipients().select_related("department").filter(pk=user_pk).first()
    if user is None or not is_working_day(day):
        return False
    with transaction.atomic():
        already = AuditEntry.objects.filter(
            action=SENT_ACTION, target_id=str(user.pk), data__day=day.isoformat()
        ).exists()
        if already:
            return False
        digest = digest_for(user, day=day)
        if digest.is_empty:
            return False
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            context = {"digest": digest, "site_url": settings.SITE_URL.rstrip("/")}
            subject = render_to_string("crm/email/daily_digest_subject.txt", context).strip()
            body = render_to_string("crm/email/daily_digest_body.txt", context)
        audit.record(
            actor=None,
            action=SENT_ACTION,
            target=user,
            data={
                "day": day.isoformat(),
                "overdue": len(digest.overdue),
                "due_today": len(digest.due_today),
                "to_answer": len(digest.to_answer),
                "waiting": len(digest.waiting),
            },
        )
        # Sent inside the transaction: if the mail server refuses, the day is not marked sent.
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=False)
    return True
