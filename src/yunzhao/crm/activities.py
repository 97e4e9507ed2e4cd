"""Domain functions for activities — calls, e-mails, meetings, visits, negotiation rounds — and their follow-ups.

Every write validates the whole activity (the project belongs to the enterprise, the
enterprise's contacts only, our participants are staff, a follow-up has a date not before
the activity), saves it and writes the audit record in one transaction.  Activities are
not indexed for search: their notes are working notes, found through the enterprise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yunzhao.accounts.models import User
from yunzhao.core import audit
from yunzhao.crm.models import Activity, Contact, Enterprise
from yunzhao.pipeline.models import Project

#: What a person may change on a recorded activity (the enterprise stays).
EDITABLE_FIELDS = (
    "kind",
    "project",
    "occurred_at",
    "subject",
    "notes",
    "participants",
    "contacts",
    "next_step",
    "follow_up_on",
    "follow_up_owner",
)
_CONCRETE_AUDITED = (
    "kind",
    "enterprise",
    "project",
    "occurred_at",
    "subject",
    "notes",
    "next_step",
    "follow_up_on",
    "follow_up_owner",
    "follow_up_done_at",
)


def record_activity(
    *,
    by: User,
    enterprise: Enterprise,
    kind: str,
    occurred_at: dt.datetime,
    subject: str,
    project: Project | None = None,
    notes: str = "",
    participants: Iterable[User] = (),
    contacts: Iterable[Contact] = (),
    next_step: str = "",
    follow_up_on: dt.date | None = None,
    follow_up_owner: User | None = None,
) -> Activity:
    """Record what happened with ``enterprise``; a follow-up without an owner is the recorder's."""
    participants, contacts = list(participants), list(contacts)
    with transaction.atomic():
        activity = Activity(
            kind=kind,
            enterprise=enterprise,
            project=project,
            occurred_at=occurred_at,
            subject=subject,
            notes=notes,
            next_step=next_step,
            follow_up_on=follow_up_on,
            follow_up_owner=(follow_up_owner or by) if follow_up_on is not None else follow_up_owner,
            created_by=by,
        )
        _validate(activity, participants, contacts)
        activity.save()
        activity.participants.set(participants)
        activity.contacts.set(contacts)
        audit.record(
            actor=by, action="activity.recorded", target=activity, after=_snapshot(activity, participants, contacts)
        )
    return activity


def update_activity(*, activity: Activity, by: User, **changes: Any) -> Activity:
    """Apply ``changes`` (names from :data:`EDITABLE_FIELDS`) and record only what actually changed.

    A follow-up given a date without an owner becomes ``by``'s; a follow-up moved to another
    date is open again; a follow-up whose date is removed loses its owner too.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise TypeError(f"update_activity() cannot change {', '.join(unknown)}")
    with transaction.atomic():
        activity = Activity.objects.select_for_update(of=("self",)).select_related("project").get(pk=activity.pk)
        current_participants = list(activity.participants.all())
        current_contacts = list(activity.contacts.all())
        before = _snapshot(activity, current_participants, current_contacts)
        participants = list(changes.pop("participants", current_participants))
        contacts = list(changes.pop("contacts", current_contacts))
        for name, value in changes.items():
            setattr(activity, name, value)
        if activity.follow_up_on is None:
            activity.follow_up_owner = None
            activity.follow_up_done_at = None
        else:
            if activity.follow_up_owner_id is None:
                activity.follow_up_owner = by
            if activity.follow_up_on.isoformat() != before["follow_up_on"]:
                activity.follow_up_done_at = None
        _validate(activity, participants, contacts)
        after = _snapshot(activity, participants, contacts)
        changed = [name for name in after if before[name] != after[name]]
        if changed:
            columns = [name for name in changed if name not in {"participants", "contacts"}]
            if columns:
                activity.save(update_fields=columns)
            if "participants" in changed:
                activity.participants.set(participants)
            if "contacts" in changed:
                activity.contacts.set(contacts)
            audit.record(
                actor=by,
                action="activity.updated",
                target=activity,
                before={name: before[name] for name in changed},
                after={name: after[name] for name in changed},
            )
    return activity


def complete_follow_up(*, activity: Activity, by: User) -> Activity:
    """Mark the activity's follow-up as done now."""
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        if activity.follow_up_on is None:
            raise ValidationError(_("This activity has no follow-up."), code="no_follow_up")
        if activity.follow_up_done_at is not None:
            raise ValidationError(_("This follow-up is already done."), code="follow_up_done")
        activity.follow_up_done_at = timezone.now()
        activity.save(update_fields=["follow_up_done_at"])
        audit.record(
            actor=by,
            action="activity.follow_up.completed",
            target=activity,
            before={"follow_up_done_at": None},
            after=audit.snapshot(activity, ["follow_up_done_at"]),
        )
    return activity


def _validate(activity: Activity, participants: list[User], contacts: list[Contact]) -> None:
    """Every problem with ``activity`` and its participants at once, keyed by field."""
    errors: dict[str, list[ValidationError]] = {}
    try:
        activity.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if any(contact.enterprise_id != activity.enterprise_id for contact in contacts):
        message = _("Only people of this enterprise can be its participants.")
        errors.setdefault("contacts", []).append(ValidationError(message, code="other_enterprise"))
    if any(not user.is_internal for user in participants):
        message = _("Only staff of the agency can be our participants.")
        errors.setdefault("participants", []).append(ValidationError(message, code="not_staff"))
    owner = activity.follow_up_owner
    if owner is not None and not owner.is_internal:
        message = _("Only staff of the agency can follow up.")
        errors.setdefault("follow_up_owner", []).append(ValidationError(message, code="not_staff"))
    if errors:
        raise ValidationError(errors)


def _snapshot(activity: Activity, participants: Iterable[User], contacts: Iterable[Contact]) -> dict[str, Any]:
    return {
        **audit.snapshot(activity, _CONCRETE_AUDITED),
        "participants": sorted(user.pk for user in participants),
        "contacts": sorted(contact.pk for contact in contacts),
    }
