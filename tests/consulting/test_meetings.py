"""Meet us online: a slot is booked once, both sides get an invitation with the video link, cancelling frees it."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from tests.consulting.factories import BookingFactory, MeetingSlotFactory
from tests.factories import UserFactory
from yunzhao.accounts.models import Role
from yunzhao.consulting import meetings
from yunzhao.consulting.models import Booking

pytestmark = pytest.mark.django_db


def booker(n: int = 1, language: str = "ja") -> meetings.Booker:
    return meetings.Booker(
        name=f"Booker {n}", email=f"b{n}@example.jp", language=language, company="ACME", agenda="用地"
    )


def test_booking_sends_both_sides_an_invitation_whose_location_is_the_video_link(run_tasks, settings):
    settings.YUNZHAO = {**settings.YUNZHAO, "VIDEO_PROVIDER_URL": "https://video.zone.example/"}
    officer = UserFactory(role=Role.OFFICER, full_name="林悦", preferred_language="zh-hans")
    slot = MeetingSlotFactory(officer=officer)
    booking = run_tasks(meetings.book_slot, slot=slot, booker=booker())
    assert booking.video_url.startswith("https://video.zone.example/yunzhao-meet-")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["b1@example.jp", officer.email])
    for message in mail.outbox:
        (name, content, mimetype) = message.attachments[0]
        assert (name, mimetype) == (f"meeting-{booking.pk}.ics", "text/calendar; charset=utf-8")
        event = Calendar.from_ical(content).walk("VEVENT")[0]
        assert str(event["location"]) == booking.video_url
        assert str(event["url"]) == booking.video_url
        assert event["dtstart"].dt == slot.starts_at.astimezone(dt.UTC)
        assert event["dtend"].dt == slot.ends_at.astimezone(dt.UTC)
        assert str(event["summary"]) == "Booker 1 · 林悦"
    assert meetings.free_slots().count() == 0


def test_a_second_booking_of_the_same_slot_is_refused():
    slot = MeetingSlotFactory()
    meetings.book_slot(slot=slot, booker=booker(1))
    with pytest.raises(meetings.SlotTakenError):
        meetings.book_slot(slot=slot, booker=booker(2))
    assert Booking.objects.filter(slot=slot).count() == 1


def test_the_database_itself_keeps_one_live_booking_per_slot():
    booking = BookingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(slot=booking.slot)


def test_past_and_withdrawn_slots_cannot_be_booked(officer):
    past = MeetingSlotFactory(starts_at=timezone.now() - dt.timedelta(hours=2))
    withdrawn = meetings.withdraw_slot(slot=MeetingSlotFactory(), by=officer)
    for slot in (past, withdrawn):
        with pytest.raises(meetings.SlotTakenError):
            meetings.book_slot(slot=slot, booker=booker())


def test_cancelling_by_either_side_frees_the_slot_and_tells_both(run_tasks, officer):
    slot = MeetingSlotFactory()
    booking = meetings.book_slot(slot=slot, booker=booker(1))
    run_tasks(meetings.cancel_booking, booking=booking)
    assert list(meetings.free_slots()) == [slot]
    # The investor reads Japanese; the officer, Chinese.
    expected = []
    for language in ("ja", "zh-hans"):
        with translation.override(language):
            expected.append(gettext("Video meeting cancelled"))
    assert sorted(m.subject.split(" · ")[0] for m in mail.outbox) == sorted(expected)
    for message in mail.outbox:  # each calendar is told to remove the meeting it was sent
        (name, content, mimetype) = message.attachments[0]
        calendar = Calendar.from_ical(content)
        assert (name, mimetype.split(";")[0]) == (f"meeting-{booking.pk}.ics", "text/calendar")
        assert calendar["method"] == "CANCEL"
        [event] = calendar.walk("VEVENT")
        assert (event["status"], event["uid"].split("@")[0]) == ("CANCELLED", f"meeting-{booking.pk}")
    again = meetings.book_slot(slot=slot, booker=booker(2))
    meetings.cancel_booking(booking=again, by=officer)
    again.refresh_from_db()
    assert again.cancelled_by_staff is True
    assert meetings.free_slots().count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_bookings_at_the_same_moment_one_wins_one_is_refused():
    slot = MeetingSlotFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(n: int) -> None:
        barrier.wait()
        try:
            meetings.book_slot(slot=slot, booker=booker(n))
            outcomes.append("booked")
        except meetings.SlotTakenError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", "refused"]
    assert Booking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 1
