"""Enquiries to booths on a clock: sending and the acknowledgement, answering stops the clock, the
thread both ways, the organiser's response-time figures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, ParticipantFactory, ProductFactory
from yunzhao.core.models import AuditEntry, CalendarDay
from yunzhao.matchmaking import enquiries
from yunzhao.matchmaking.models import EnquiryStatus

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=BEIJING)


FRIDAY_4PM = at("2026-09-25", 16)


@pytest.fixture
def fair():
    return FairFactory(reply_hours=4, slug="ciftis")


@pytest.fixture
def booth(fair):
    booth = BoothFactory(fair=fair, name_en="Huaguang Energy Storage", name_zh_hans="华光储能")
    booth.accounts.add(ExhibitorFactory(email="sales@huaguang.example", preferred_language="zh-hans"))
    return booth


@pytest.fixture
def visitor(fair):
    return ParticipantFactory(fair=fair, name="Aiko Tanaka", organisation="Tanaka Trading", language="en")


@pytest.fixture
def send(booth, visitor, django_capture_on_commit_callbacks):
    def send(now=FRIDAY_4PM, **kwargs):
        values = {"participant": visitor, "booth": booth, "subject": "Price for 200 cabinets", "text": "Hello"}
        with django_capture_on_commit_callbacks(execute=True):
            return enquiries.send_enquiry(now=now, **{**values, **kwargs})

    return send


def test_an_enquiry_gets_a_reference_and_is_due_after_four_office_hours_across_the_weekend(send):
    enquiry = send()
    assert enquiry.reference == f"FE-2026-{enquiry.pk:06d}"
    assert enquiry.status == EnquiryStatus.OPEN
    assert enquiry.due_at == at("2026-09-28", 11)
    assert enquiry.messages.get().body == "Hello"
    assert AuditEntry.objects.filter(action="fair.enquiry.sent", target_id=str(enquiry.pk)).exists()


def test_a_public_holiday_moves_the_due_time(send):
    CalendarDay.objects.create(date=dt.date(2026, 9, 28), is_working_day=False, name="假日")
    assert send().due_at == at("2026-09-29", 11)


def test_the_visitor_is_acknowledged_in_their_language_with_the_due_time_and_a_link(send, visitor):
    enquiry = send()
    to_visitor = [m for m in mail.outbox if m.to == [visitor.email]]
    assert len(to_visitor) == 1
    message = to_visitor[0]
    assert enquiry.reference in message.subject
    assert "We received your enquiry" in message.subject
    assert "Thank you for your enquiry to Huaguang Energy Storage" in message.body
    assert "answer by" in message.body
    # In the visitor's zone (Japan): Monday 11:00 in Beijing is 12:00 in Tokyo.
    assert "Asia/Tokyo time, UTC+0900" in message.body
    assert "Sept. 28, 2026, noon" in message.body
    assert f"/en/fairs/ciftis/enquiries/{enquiry.reference}/" in message.body


def test_a_chinese_visitor_gets_it_in_chinese(send, fair):
    visitor = ParticipantFactory(fair=fair, language="zh-hans", name="王芳")
    send(participant=visitor)
    message = next(m for m in mail.outbox if m.to == [visitor.email])
    assert "我们已收到您的询盘" in message.subject or "/zh-hans/fairs/ciftis/enquiries/" in message.body
    assert "/zh-hans/fairs/ciftis/enquiries/" in message.body


def test_the_exhibitor_accounts_are_told_with_a_link_to_their_inbox(send):
    enquiry = send()
    message = next(m for m in mail.outbox if m.to == ["sales@huaguang.example"])
    assert enquiry.reference in message.subject
    assert "Hello" in message.body
    assert f"/zh-hans/fairs/ciftis/exhibitor/enquiries/{enquiry.reference}/" in message.body


def test_an_enquiry_may_name_one_of_the_booths_products_only(send, booth):
    product = ProductFactory(booth=booth)
    assert send(product=product).product == product
    with pytest.raises(enquiries.EnquiryError):
        send(product=ProductFactory())


def test_the_exhibitors_answer_stops_the_clock(send, booth, visitor, django_capture_on_commit_callbacks):
    enquiry = send()
    exhibitor = booth.accounts.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enquiries.reply(enquiry=enquiry, by=exhibitor, text="USD 9,800 each.", now=at("2026-09-28", 10))
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.ANSWERED
    assert enquiry.first_answered_at == at("2026-09-28", 10)
    assert not enquiries.is_overdue(enquiry, now=at("2026-09-30", 10))
    [message] = mail.outbox
    assert message.to == [visitor.email]
    assert "USD 9,800 each." in message.body
    assert "answered your enquiry" in message.subject
    entry = AuditEntry.objects.get(action="fair.enquiry.answered")
    assert entry.data["in_time"] is True

    # Later answers and follow-ups do not move the first answer.
    with django_capture_on_commit_callbacks(execute=True):
        enquiries.follow_up(enquiry=enquiry, by=visitor.user, text="And for 500?", now=at("2026-09-28", 12))
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.OPEN
    assert any(m.to == ["sales@huaguang.example"] and "And for 500?" in m.body for m in mail.outbox)
    enquiries.reply(enquiry=enquiry, by=exhibitor, text="USD 9,500.", now=at("2026-09-29", 12))
    enquiry.refresh_from_db()
    assert enquiry.first_answered_at == at("2026-09-28", 10)
    assert [m.from_exhibitor for m in enquiry.messages.all()] == [False, True, False, True]


def test_unanswered_past_the_due_time_is_overdue(send):
    enquiry = send()
    assert not enquiries.is_overdue(enquiry, now=at("2026-09-28", 10, 59))
    assert enquiries.is_overdue(enquiry, now=at("2026-09-28", 11, 1))


def test_only_the_booths_accounts_answer_and_only_the_visitor_follows_up(send, fair):
    enquiry = send()
    stranger = ExhibitorFactory()
    BoothFactory(fair=fair).accounts.add(stranger)
    with pytest.raises(enquiries.NotAllowedError):
        enquiries.reply(enquiry=enquiry, by=stranger, text="Buy ours instead")
    other = ParticipantFactory(fair=fair)
    with pytest.raises(enquiries.NotAllowedError):
        enquiries.follow_up(enquiry=enquiry, by=other.user, text="Me too")
    with pytest.raises(enquiries.NotAllowedError):
        enquiries.close(enquiry=enquiry, by=other.user)


def test_a_closed_enquiry_takes_no_more_messages(send, visitor, booth):
    enquiry = send()
    enquiry = enquiries.close(enquiry=enquiry, by=visitor.user)
    with pytest.raises(enquiries.EnquiryClosedError):
        enquiries.reply(enquiry=enquiry, by=booth.accounts.get(), text="Too late")
    assert not enquiries.is_overdue(enquiry, now=at("2026-10-30", 10))


def test_an_exhibitor_does_not_enquire_at_their_own_booth(send, fair, booth):
    own = ParticipantFactory(fair=fair, role="exhibitor", booth=booth)
    with pytest.raises(enquiries.EnquiryError):
        send(participant=own)


def test_the_inbox_lists_open_enquiries_first_by_due_time(send, booth):
    late = send(now=at("2026-09-22", 10))
    early = send(now=at("2026-09-21", 10))
    answered = send(now=at("2026-09-20", 10))
    enquiries.reply(enquiry=answered, by=booth.accounts.get(), text="Yes", now=at("2026-09-21", 9))
    assert enquiries.inbox([booth]) == [early, late, answered]


# --- Response-time figures ----------------------------------------------------------------------


def test_response_figures_per_exhibitor_and_in_total(fair, booth, visitor):
    quiet = BoothFactory(fair=fair, number="Z99")
    slow = BoothFactory(fair=fair, number="B01")
    slow_account = ExhibitorFactory()
    slow.accounts.add(slow_account)
    exhibitor = booth.accounts.get()

    def enquiry_to(target, sent):
        return enquiries.send_enquiry(participant=visitor, booth=target, subject="Q", text="?", now=sent)

    # Booth: answered after 2 office hours (in time) and after 5 across the weekend (late, due Mon 11:00).
    first = enquiry_to(booth, at("2026-09-21", 10))
    enquiries.reply(enquiry=first, by=exhibitor, text="A", now=at("2026-09-21", 12))
    second = enquiry_to(booth, FRIDAY_4PM)
    enquiries.reply(enquiry=second, by=exhibitor, text="A", now=at("2026-09-28", 12))
    # Slow booth: one never answered, overdue; one closed unanswered (not overdue).
    enquiry_to(slow, at("2026-09-21", 10))
    closed = enquiry_to(slow, at("2026-09-21", 11))
    enquiries.close(enquiry=closed, by=visitor.user)

    rows, total = enquiries.response_figures(fair, now=at("2026-09-30", 10))
    by_number = {row.booth.number: row for row in rows}
    row = by_number[booth.number]
    assert (row.received, row.answered, row.answered_in_time, row.overdue_now) == (2, 2, 1, 0)
    assert row.median_hours == pytest.approx(3.5)  # 2 and 5 office hours
    assert row.share_in_time == pytest.approx(0.5)
    slow_row = by_number["B01"]
    assert (slow_row.received, slow_row.answered, slow_row.overdue_now, slow_row.median_hours) == (2, 0, 1, None)
    assert (by_number[quiet.number].received, by_number[quiet.number].median_hours) == (0, None)
    assert (total.received, total.answered, total.answered_in_time, total.overdue_now) == (4, 2, 1, 1)

    assert enquiries.sort_figures(rows, "overdue", descending=True)[0].booth.number == "B01"
    assert [r.booth.number for r in enquiries.sort_figures(rows, "median")] == [booth.number, "B01", "Z99"]
    assert enquiries.sort_figures(rows, "median", descending=True)[0].booth.number == booth.number


def test_figures_read_the_database_a_fixed_number_of_times(fair, booth, visitor, count_queries):
    for day in (21, 22, 23):
        enquiries.send_enquiry(participant=visitor, booth=booth, subject="Q", text="?", now=at(f"2026-09-{day}", 10))
    with count_queries() as counted:
        enquiries.response_figures(fair, now=at("2026-09-30", 10))
    assert counted.count <= 3
