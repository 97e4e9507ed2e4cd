"""Registering, the waiting list, approval, cancellation and check-in, as the people at an event meet them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from tests.factories import EventFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.events import registrations
from yunzhao.events.models import Registration, RegistrationStatus
from yunzhao.events.registrations import CheckIn, Registrant, RegistrationClosedError

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a registration enqueues after its commit (the e-mails) as the worker would."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(**kwargs)
        from django_tasks_db.models import DBTaskResult

        from yunzhao.events.tasks import send_registration_email

        for task in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
            args = task.args_kwargs["args"]
            send_registration_email.call(*args)
            task.delete()
        return result

    return run


def person(n: int, language: str = "en") -> Registrant:
    return Registrant(name=f"Person {n}", email=f"person{n}@example.com", language=language, organisation="ACME")


def test_registrations_beyond_capacity_wait_in_arrival_order():
    event = EventFactory(capacity=2)
    stored = [registrations.register(event=event, registrant=person(n))[0] for n in range(5)]
    assert [r.status for r in stored] == ["confirmed", "confirmed", "waiting", "waiting", "waiting"]
    assert registrations.counts(event).confirmed == 2


def test_the_same_address_registering_again_gets_its_registration_back():
    event = EventFactory(capacity=10)
    first, created = registrations.register(event=event, registrant=person(1))
    again, created_again = registrations.register(
        event=event, registrant=Registrant(name="P", email="PERSON1@example.com ", language="ja")
    )
    assert created
    assert not created_again
    assert again.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_seat_goes_to_the_first_on_the_waiting_list_and_tells_them(run_on_commit):
    event = EventFactory(capacity=1)
    first = run_on_commit(registrations.register, event=event, registrant=person(1))[0]
    second = run_on_commit(registrations.register, event=event, registrant=person(2, "ja"))[0]
    third = run_on_commit(registrations.register, event=event, registrant=person(3, "ar"))[0]
    mail.outbox.clear()

    run_on_commit(registrations.cancel, registration=first)

    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    assert second.promoted_at is not None
    assert third.status == RegistrationStatus.WAITING
    to_second = [message for message in mail.outbox if message.to == ["person2@example.com"]]
    assert len(to_second) == 1
    assert "登録" in to_second[0].subject or "参加" in to_second[0].subject  # Japanese: the language they registered in
    assert {name for name, _content, _type in to_second[0].attachments} == {f"event-{event.pk}.ics", "check-in.png"}
    assert AuditEntry.objects.filter(action="event.registration.promoted", target_id=str(second.pk)).exists()


def test_confirmation_carries_the_event_as_icalendar_and_a_qr_code(run_on_commit):
    event = EventFactory(capacity=5, venue_en="Shougang Park", city="北京")
    registration = run_on_commit(registrations.register, event=event, registrant=person(1))[0]
    message = mail.outbox[-1]
    assert message.to == ["person1@example.com"]
    assert event.title_en in message.subject
    assert registration.code in message.body or f"/registration/{registration.code}/" in message.body
    ics = next(content for name, content, _type in message.attachments if name.endswith(".ics"))
    calendar = Calendar.from_ical(ics)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title_en
    assert entry.decoded("DTSTART") == event.starts_at.astimezone(dt.UTC).replace(microsecond=0)
    png = next(content for name, content, _type in message.attachments if name.endswith(".png"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_waiting_registrants_are_told_their_place_in_their_language(run_on_commit, settings):
    event = EventFactory(capacity=0)
    run_on_commit(registrations.register, event=event, registrant=person(1, "ar"))
    message = mail.outbox[-1]
    assert not message.attachments
    assert "1" in message.body
    assert any("\u0600" <= char <= "\u06ff" for char in message.subject)  # Arabic


def test_registration_needing_approval_waits_for_staff_then_takes_a_seat_or_waits():
    event = EventFactory(capacity=1, needs_approval=True)
    officer = UserFactory(role=Role.OFFICER, department=event.department)
    a = registrations.register(event=event, registrant=person(1))[0]
    b = registrations.register(event=event, registrant=person(2))[0]
    assert a.status == b.status == RegistrationStatus.PENDING
    assert registrations.approve(registration=a, by=officer).status == RegistrationStatus.CONFIRMED
    assert registrations.approve(registration=b, by=officer).status == RegistrationStatus.WAITING
    declined = registrations.decline(registration=a, by=officer, reason="名额已满")
    assert declined.status == RegistrationStatus.DECLINED
    assert declined.decline_reason == "名额已满"
    b.refresh_from_db()
    assert b.status == RegistrationStatus.CONFIRMED
    with pytest.raises(ValueError, match="reason"):
        registrations.decline(registration=b, by=officer, reason="  ")


def test_closed_unpublished_or_finished_events_take_no_registrations():
    for event in (
        EventFactory(registration_open=False),
        EventFactory(status="draft"),
        EventFactory(registration_closes_at=timezone.now() - dt.timedelta(minutes=1)),
    ):
        with pytest.raises(RegistrationClosedError):
            registrations.register(event=event, registrant=person(1))
    assert not Registration.objects.exists()


def test_more_seats_move_the_waiting_list_up_and_fewer_than_confirmed_are_refused():
    event = EventFactory(capacity=1)
    officer = UserFactory(role=Role.OFFICER, department=event.department)
    for n in range(4):
        registrations.register(event=event, registrant=person(n))
    promoted = registrations.change_capacity(event=event, capacity=3, by=officer)
    assert [r.email for r in promoted] == ["person1@example.com", "person2@example.com"]
    with pytest.raises(ValueError, match="fewer seats"):
        registrations.change_capacity(event=event, capacity=2, by=officer)


def test_check_in_answers_once_per_person_and_refuses_what_is_not_a_seat():
    event = EventFactory(capacity=1)
    other_event = EventFactory()
    officer = UserFactory(role=Role.OFFICER, department=event.department)
    seat = registrations.register(event=event, registrant=person(1))[0]
    waiting = registrations.register(event=event, registrant=person(2))[0]
    elsewhere = registrations.register(event=other_event, registrant=person(3))[0]

    first = registrations.check_in(event=event, code=seat.code, by=officer)
    assert first.outcome == CheckIn.CHECKED_IN
    assert first.registration.checked_in_by == officer
    link = f"https://yunzhao.example/en/events/registration/{seat.code}/"
    assert registrations.check_in(event=event, code=link, by=officer).outcome == CheckIn.ALREADY
    assert registrations.check_in(event=event, code=waiting.code, by=officer).outcome == CheckIn.NOT_CONFIRMED
    assert registrations.check_in(event=event, code=elsewhere.code, by=officer).outcome == CheckIn.OTHER_EVENT
    assert registrations.check_in(event=event, code="not-a-code", by=officer).outcome == CheckIn.UNKNOWN
    assert registrations.counts(event).checked_in == 1
