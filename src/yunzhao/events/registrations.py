"""Registering for an event, the waiting list, approval, cancellation and check-in.

Every change to an event's registrations first locks the event's row, so registrations of one
event are decided one at a time: the capacity is never exceeded, nobody is stored twice (a
second registration with the same e-mail address returns the first), and the waiting list is
the order in which registrations were stored.  On SQLite, whose writers are serialised anyway,
the lock is a no-op; on PostgreSQL it is ``SELECT … FOR UPDATE``.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from yunzhao.core import audit
from yunzhao.events.models import LIVE_STATUSES, Event, Registration, RegistrationStatus


class RegistrationClosedError(Exception):
    """The event does not take registrations (not published, closed or over)."""


@dataclass
class Registrant:
    """What a person gives when registering."""

    name: str
    email: str
    language: str
    organisation: str = ""
    title: str = ""
    phone: str = ""
    country: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    consented: bool = True


def email_key(email: str) -> str:
    return email.strip().lower()


def _locked(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def seats_left(event: Event) -> int | None:
    """Free seats, or None without a capacity."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event))


def waiting_position(registration: Registration) -> int:
    """The registration's place on its event's waiting list (1 is next), 0 when it is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return 0
    return Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITING, pk__lte=registration.pk
    ).count()


def register(*, event: Event, registrant: Registrant, user: Any = None) -> tuple[Registration, bool]:
    """Register ``registrant`` for ``event``: confirmed while seats are left, else on the waiting
    list; awaiting approval when the event asks for it.  Returns (registration, created): the
    same address registering again gets its live registration back, not a second one.
    """
    key = email_key(registrant.email)
    try:
        with transaction.atomic():
            locked = _locked(event.pk)
            existing = locked.registrations.filter(email_key=key, status__in=LIVE_STATUSES).first()
            if existing is not None:
                return existing, False
            if not locked.accepts_registrations():
                raise RegistrationClosedError
            if locked.needs_approval:
                status = RegistrationStatus.PENDING
            elif seats_left(locked) == 0:
                status = RegistrationStatus.WAITING
            else:
                status = RegistrationStatus.CONFIRMED
            registration = Registration.objects.create(
                event=locked,
                status=status,
                name=registrant.name.strip(),
                email=registrant.email.strip(),
                email_key=key,
                language=registrant.language,
                organisation=registrant.organisation.strip(),
                title=registrant.title.strip(),
                phone=registrant.phone.strip(),
                country=registrant.country.strip().upper(),
                answers=registrant.answers,
                consent_at=timezone.now() if registrant.consented else None,
                code=secrets.token_urlsafe(16),
                user=user if getattr(user, "is_authenticated", False) else None,
            )
            audit.record(
                actor=user,
                action="event.registration.created",
                target=registration,
                data={"event": locked.pk, "status": status},
            )
            _notify(registration, "received")
            return registration, True
    except IntegrityError:
        # Two requests for one address raced past the check (only possible where the event lock
        # is not a real lock): the unique constraint kept one; return it.
        existing = Registration.objects.filter(event=event, email_key=key, status__in=LIVE_STATUSES).first()
        if existing is None:
            raise
        return existing, False


def _notify(registration: Registration, what: str) -> None:
    """E-mail the registrant about ``what`` happened, once this transaction has committed."""
    from yunzhao.events.tasks import send_registration_email

    pk = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(pk, what))


def fill_from_waiting_list(event: Event, *, by: Any = None) -> list[Registration]:
    """Confirm waiting registrations, first come first served, while seats are free.  Call with
    the event locked (inside the transaction that freed the seats)."""
    free = seats_left(event)
    waiting = event.registrations.filter(status=RegistrationStatus.WAITING).order_by("pk")
    promoted = list(waiting if free is None else waiting[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        audit.record(actor=by, action="event.registration.promoted", target=registration, data={"event": event.pk})
        _notify(registration, "promoted")
    return promoted


def cancel(*, registration: Registration, by: Any = None) -> Registration:
    """The registrant (through their link) or staff cancel; a freed seat goes to the waiting list."""
    with transaction.atomic():
        event = _locked(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in LIVE_STATUSES:
            return registration
        was = registration.status
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        audit.record(actor=by, action="event.registration.cancelled", target=registration, data={"was": was})
        _notify(registration, "cancelled")
        if was == RegistrationStatus.CONFIRMED:
            fill_from_waiting_list(event, by=by)
    return registration


def approve(*, registration: Registration, by: Any) -> Registration:
    """Staff accept a registration awaiting approval: confirmed if a seat is free, else waiting."""
    with transaction.atomic():
        event = _locked(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.PENDING:
            return registration
        registration.status = RegistrationStatus.WAITING if seats_left(event) == 0 else RegistrationStatus.CONFIRMED
        registration.decided_at, registration.decided_by = timezone.now(), by
        registration.save(update_fields=["status", "decided_at", "decided_by"])
        audit.record(
            actor=by, action="event.registration.approved", target=registration, data={"status": registration.status}
        )
        _notify(registration, "approved" if registration.status == RegistrationStatus.CONFIRMED else "waiting")
    return registration


def decline(*, registration: Registration, by: Any, reason: str) -> Registration:
    """Staff turn a registration down, with a reason the registrant receives."""
    if not reason.strip():
        raise ValueError("a reason is required")
    with transaction.atomic():
        event = _locked(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in LIVE_STATUSES:
            return registration
        was = registration.status
        registration.status = RegistrationStatus.DECLINED
        registration.decided_at, registration.decided_by = timezone.now(), by
        registration.decline_reason = reason.strip()
        registration.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
        audit.record(actor=by, action="event.registration.declined", target=registration, data={"reason": reason})
        _notify(registration, "declined")
        if was == RegistrationStatus.CONFIRMED:
            fill_from_waiting_list(event, by=by)
    return registration


def change_capacity(*, event: Event, capacity: int | None, by: Any) -> list[Registration]:
    """Set a new capacity; more seats move the waiting list up.  Fewer seats than people already
    confirmed is refused: nobody loses a confirmed seat."""
    with transaction.atomic():
        locked = _locked(event.pk)
        if capacity is not None and capacity < confirmed_count(locked):
            raise ValueError("fewer seats than confirmed registrations")
        before = locked.capacity
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
        audit.record(
            actor=by,
            action="event.capacity.changed",
            target=locked,
            before={"capacity": before},
            after={"capacity": capacity},
        )
        return fill_from_waiting_list(locked, by=by)


# --- Check-in --------------------------------------------------------------------------------


class CheckIn(enum.Enum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    NOT_CONFIRMED = "not_confirmed"
    OTHER_EVENT = "other_event"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CheckInResult:
    outcome: CheckIn
    registration: Registration | None = None


def code_from(text: str) -> str:
    """The registration code in what a scanner read or a person typed: the code itself, or the
    registration link that carries it."""
    text = text.strip()
    if "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return text


def check_in(*, event: Event, code: str, by: Any) -> CheckInResult:
    """Check the holder of ``code`` in at ``event``'s door: one indexed read and, the first time,
    one conditional update (two doors scanning the same badge check it in once)."""
    registration = Registration.objects.filter(code=code_from(code)).first() if code.strip() else None
    if registration is None:
        return CheckInResult(CheckIn.UNKNOWN)
    if registration.event_id != event.pk:
        return CheckInResult(CheckIn.OTHER_EVENT, registration)
    if registration.status != RegistrationStatus.CONFIRMED:
        return CheckInResult(CheckIn.NOT_CONFIRMED, registration)
    if registration.checked_in_at is not None:
        return CheckInResult(CheckIn.ALREADY, registration)
    now = timezone.now()
    with transaction.atomic():
        updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
            checked_in_at=now, checked_in_by=by
        )
        if not updated:
            registration.refresh_from_db()
            return CheckInResult(CheckIn.ALREADY, registration)
        registration.checked_in_at, registration.checked_in_by = now, by
        audit.record(actor=by, action="event.registration.checked_in", target=registration, data={"event": event.pk})
    return CheckInResult(CheckIn.CHECKED_IN, registration)


@dataclass(frozen=True)
class RegistrationCounts:
    confirmed: int
    waiting: int
    pending: int
    cancelled: int
    declined: int
    checked_in: int

    @property
    def registered(self) -> int:
        """Everyone who registered and did not withdraw or get declined."""
        return self.confirmed + self.waiting + self.pending


def counts(event: Event) -> RegistrationCounts:
    """The event's registrations by status, in one query."""
    figures = event.registrations.aggregate(
        **{status.value: Count("pk", filter=Q(status=status)) for status in RegistrationStatus},
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    return RegistrationCounts(
        confirmed=figures["confirmed"],
        waiting=figures["waiting"],
        pending=figures["pending"],
        cancelled=figures["cancelled"],
        declined=figures["declined"],
        checked_in=figures["checked_in"],
    )
