"""Setting an event up: the event itself, its programme, members and registration questions."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from yunzhao.core import audit
from yunzhao.core.video import meeting_url
from yunzhao.events.models import Event, Member, ProgrammeItem, Question

#: What the audit log keeps of an event's changes.
AUDITED = (
    "kind",
    "title_zh_hans",
    "title_en",
    "status",
    "starts_at",
    "ends_at",
    "city",
    "country",
    "registration_open",
    "capacity",
    "needs_approval",
    "video_url",
    "department_id",
    "owner_id",
)


def create_event(*, by: Any, create_video_room: bool = False, **values: Any) -> Event:
    with transaction.atomic():
        event = Event(**values)
        if create_video_room and not event.video_url:
            event.video_url = meeting_url("yunzhao-event")
        event.full_clean()
        event.save()
        audit.record(actor=by, action="event.created", target=event, after=audit.snapshot(event, AUDITED))
    return event


def update_event(*, event: Event, by: Any, create_video_room: bool = False, **values: Any) -> Event:
    """Change ``event``; more seats than before move its waiting list up."""
    from yunzhao.events.registrations import fill_from_waiting_list

    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        before = audit.snapshot(locked, AUDITED)
        for name, value in values.items():
            setattr(locked, name, value)
        if create_video_room and not locked.video_url:
            locked.video_url = meeting_url("yunzhao-event")
        locked.full_clean()
        locked.save()
        audit.record(
            actor=by, action="event.changed", target=locked, before=before, after=audit.snapshot(locked, AUDITED)
        )
        fill_from_waiting_list(locked, by=by)
    return locked


def add_item(*, event: Event, by: Any, **values: Any) -> ProgrammeItem:
    with transaction.atomic():
        item = ProgrammeItem(event=event, **values)
        item.full_clean()
        item.save()
        audit.record(actor=by, action="event.item.added", target=event, data={"item": item.pk, "title": item.title})
    return item


def update_item(*, item: ProgrammeItem, by: Any, **values: Any) -> ProgrammeItem:
    with transaction.atomic():
        for name, value in values.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        audit.record(actor=by, action="event.item.changed", target=item.event, data={"item": item.pk})
    return item


def add_member(*, event: Event, by: Any, **values: Any) -> Member:
    with transaction.atomic():
        member = Member(event=event, **values)
        member.full_clean()
        member.save()
        audit.record(
            actor=by, action="event.member.added", target=event, data={"member": member.pk, "name": member.name}
        )
    return member


def add_question(*, event: Event, by: Any, **values: Any) -> Question:
    with transaction.atomic():
        question = Question(event=event, **values)
        question.full_clean()
        question.save()
        audit.record(actor=by, action="event.question.added", target=event, data={"question": question.pk})
    return question
