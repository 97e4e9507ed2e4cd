"""Meet us online: officers publish slots, investors book one (one booking per slot), either side cancels."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from yunzhao.accounts.models import User
from yunzhao.consulting.models import Booking, MeetingSlot, Topic
from yunzhao.consulting.questions import _enqueue
from yunzhao.core import audit
from yunzhao.core.pagecache import content_changed
from yunzhao.core.video import meeting_url


class SlotTakenError(Exception):
    """The slot is booked already, withdrawn, or in the past."""


@dataclass(frozen=True)
class Booker:
    name: str
    email: str
    language: str
    company: str = ""
    agenda: str = ""


def live_bookings() -> QuerySet[Booking]:
    return Booking.objects.filter(cancelled_at__isnull=True)


def free_slots(now: dt.datetime | None = None) -> QuerySet[MeetingSlot]:
    """Published future slots nobody has booked, soonest first."""
    now = now or timezone.now()
    return (
        MeetingSlot.objects.filter(is_published=True, withdrawn_at__isnull=True, starts_at__gt=now)
        .annotate(taken=Exists(live_bookings().filter(slot=OuterRef("pk"))))
        .filter(taken=False)
        .select_related("topic")
        .order_by("starts_at", "pk")
    )


def publish_slot(
    *,
    by: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    languages: list[str],
    topic: Topic | None = None,
) -> MeetingSlot:
    if ends_at <= starts_at:
        raise ValueError("a slot ends after it starts")
    with transaction.atomic():
        department = by.department
        if department is None:
            raise ValueError("only staff of a department publish slots")
        slot = MeetingSlot.objects.create(
            officer=by, department=department, topic=topic, starts_at=starts_at, ends_at=ends_at, languages=languages
        )
        audit.record(actor=by, action="consulting.slot.published", target=slot, data={"languages": languages})
        content_changed()
    return slot


def book_slot(*, slot: MeetingSlot, booker: Booker, now: dt.datetime | None = None) -> Booking:
    """Book ``slot`` for ``booker``: the slot's row is locked, so of two bookings at once one is refused."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            slot = MeetingSlot.objects.select_for_update().get(pk=slot.pk)
            if not slot.is_published or slot.withdrawn_at is not None or slot.starts_at <= now:
                raise SlotTakenError
            if live_bookings().filter(slot=slot).exists():
                raise SlotTakenError
            booking = Booking.objects.create(
                slot=slot,
                token=secrets.token_urlsafe(32),
                name=booker.name,
                email=booker.email.strip(),
                company=booker.company,
                agenda=booker.agenda,
                language=booker.language,
                video_url=meeting_url("yunzhao-meet"),
                booked_at=now,
            )
            audit.record(actor=None, action="consulting.slot.booked", target=slot, data={"booking": booking.pk})
            _enqueue("send_booking_emails", booking.pk, "booked")
            content_changed()
    except IntegrityError as error:  # the partial unique index, should two transactions slip past the lock
        raise SlotTakenError from error
    return booking


def cancel_booking(*, booking: Booking, by: User | None = None, now: dt.datetime | None = None) -> Booking:
    """Either side cancels (``by`` the officer, or ``None`` for the investor): the slot is free again."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
        if booking.cancelled_at is not None:
            return booking
        booking.cancelled_at = now
        booking.cancelled_by_staff = by is not None
        booking.save(update_fields=["cancelled_at", "cancelled_by_staff"])
        audit.record(actor=by, action="consulting.booking.cancelled", target=booking.slot, data={"booking": booking.pk})
        _enqueue("send_booking_emails", booking.pk, "cancelled")
        content_changed()
    return booking


def withdraw_slot(*, slot: MeetingSlot, by: User, now: dt.datetime | None = None) -> MeetingSlot:
    """The officer takes a slot back; a booking on it is cancelled and both sides are told."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = MeetingSlot.objects.select_for_update().get(pk=slot.pk)
        for booking in live_bookings().filter(slot=slot):
            cancel_booking(booking=booking, by=by, now=now)
        slot.withdrawn_at = now
        slot.save(update_fields=["withdrawn_at"])
        audit.record(actor=by, action="consulting.slot.withdrawn", target=slot)
        content_changed()
    return slot
