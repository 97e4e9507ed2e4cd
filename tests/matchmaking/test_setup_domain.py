"""Setting up a fair: slots from day ranges, tables, booths and exhibitor accounts, rules."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, HallFactory, TableFactory
from yunzhao.accounts.models import Role as AccountRole
from yunzhao.accounts.models import User
from yunzhao.core.models import AuditEntry
from yunzhao.matchmaking import setup
from yunzhao.matchmaking.access import is_organiser
from yunzhao.matchmaking.models import Booth, Fair, Hall, Slot, Table

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = dt.date(2030, 9, 2)
SESSIONS = [
    setup.TimeRange(start=dt.time(9, 0), end=dt.time(12, 0)),
    setup.TimeRange(start=dt.time(14, 0), end=dt.time(17, 30)),
]


@pytest.fixture
def fair():
    return FairFactory(starts_on=DAY, ends_on=DAY + dt.timedelta(days=1))


def local_times(fair: Fair, day: dt.date) -> list[str]:
    return [
        f"{slot.starts_at.astimezone(SHANGHAI):%H:%M}-{slot.ends_at.astimezone(SHANGHAI):%H:%M}"
        for slot in Slot.objects.filter(fair=fair).order_by("starts_at")
        if slot.starts_at.astimezone(SHANGHAI).date() == day
    ]


def test_generate_slots_cuts_each_session_into_meetings_and_breaks_in_the_zones_time(fair, officer):
    made = setup.generate_slots(fair=fair, days=[DAY], ranges=SESSIONS, slot_minutes=25, break_minutes=5, by=officer)

    assert made == setup.SlotsMade(created=13, skipped=0)
    assert local_times(fair, DAY) == [
        "09:00-09:25",
        "09:30-09:55",
        "10:00-10:25",
        "10:30-10:55",
        "11:00-11:25",
        "11:30-11:55",
        "14:00-14:25",
        "14:30-14:55",
        "15:00-15:25",
        "15:30-15:55",
        "16:00-16:25",
        "16:30-16:55",
        "17:00-17:25",
    ]
    first = Slot.objects.filter(fair=fair).order_by("starts_at").first()
    assert first is not None
    assert first.starts_at == dt.datetime(2030, 9, 2, 1, 0, tzinfo=dt.UTC)  # 09:00 in Shanghai
    assert AuditEntry.objects.filter(action="matchmaking.slots.generated").count() == 1


def test_generate_slots_again_creates_no_duplicates_and_fills_only_new_days(fair, officer):
    setup.generate_slots(fair=fair, days=[DAY], ranges=SESSIONS, slot_minutes=25, break_minutes=5, by=officer)

    again = setup.generate_slots(
        fair=fair, days=[DAY, DAY + dt.timedelta(days=1)], ranges=SESSIONS, slot_minutes=25, break_minutes=5, by=officer
    )

    assert again == setup.SlotsMade(created=13, skipped=13)
    assert Slot.objects.filter(fair=fair).count() == 26


def test_generate_slots_skips_slots_that_would_overlap_existing_ones(fair, officer):
    setup.generate_slots(fair=fair, days=[DAY], ranges=[SESSIONS[0]], slot_minutes=25, break_minutes=5, by=officer)

    made = setup.generate_slots(
        fair=fair, days=[DAY], ranges=[SESSIONS[0]], slot_minutes=40, break_minutes=0, by=officer
    )

    assert made == setup.SlotsMade(created=0, skipped=4)
    assert Slot.objects.filter(fair=fair).count() == 6


def test_generate_slots_refuses_days_outside_the_fair(fair, officer):
    with pytest.raises(ValidationError) as error:
        setup.generate_slots(
            fair=fair, days=[DAY - dt.timedelta(days=1)], ranges=SESSIONS, slot_minutes=25, break_minutes=5, by=officer
        )

    assert "days" in error.value.message_dict
    assert Slot.objects.count() == 0


def test_create_tables_names_them_with_the_prefix_and_skips_existing_names(fair, officer):
    TableFactory(fair=fair, name="A2", position=0)

    created = setup.create_tables(fair=fair, count=4, prefix="A", by=officer)

    assert [table.name for table in created] == ["A1", "A3", "A4"]
    assert list(Table.objects.filter(fair=fair).values_list("name", "position")) == [
        ("A2", 0),
        ("A1", 1),
        ("A3", 2),
        ("A4", 3),
    ]


def test_sixty_tables(fair, officer):
    setup.create_tables(fair=fair, count=60, prefix="A", by=officer)

    names = list(Table.objects.filter(fair=fair).values_list("name", flat=True))
    assert len(names) == 60
    assert (names[0], names[-1]) == ("A1", "A60")


def test_booth_number_clash_says_which_booth_holds_it(fair, officer):
    hall = HallFactory(fair=fair)
    BoothFactory(fair=fair, hall=hall, number="A12", name_zh_hans="华光储能", name_en="Huaguang Storage")

    with translation.override("en"), pytest.raises(ValidationError) as error:
        setup.save_booth(
            booth=Booth(),
            fair=fair,
            values={"number": "a12", "hall": hall, "name_zh_hans": "东方电子", "country": "CN"},
            by=officer,
        )

    assert error.value.message_dict["number"] == [
        "Booth number A12 is already taken at this fair by Huaguang Storage; choose another number."
    ]
    assert Booth.objects.filter(fair=fair).count() == 1


def test_the_same_number_at_another_fair_is_fine(fair, officer):
    BoothFactory(number="A12")
    hall = HallFactory(fair=fair)

    booth = setup.save_booth(
        booth=Booth(),
        fair=fair,
        values={"number": "A12", "hall": hall, "name_zh_hans": "东方电子", "country": "CN"},
        by=officer,
    )

    assert booth.pk is not None
    assert booth.translated_at.keys() == {"zh-hans"}
    assert booth.is_published


def test_a_new_email_creates_an_exhibitor_account_and_invites_it_to_choose_a_password(
    fair, officer, django_capture_on_commit_callbacks
):
    booth = BoothFactory(fair=fair, number="B1", name_en="Kanno Battery")

    with django_capture_on_commit_callbacks(execute=True):
        given = setup.give_booth_account(
            booth=booth, email="Sales@Kanno.example.jp", full_name="菅野 健", language="en", by=officer
        )

    user = User.objects.get(email__iexact="sales@kanno.example.jp")
    assert given == setup.AccountGiven(user=user, created=True)
    assert (user.role, user.department, user.has_usable_password()) == (AccountRole.EXHIBITOR, None, False)
    assert list(booth.accounts.all()) == [user]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Your exhibitor account" in message.subject
    assert "choose your password" in message.body
    link = re.search(r"https?://\S+/en/accounts/password/reset/\S+/\S+/", message.body)
    assert link is not None

    # The link lets them choose a password and sign in.
    client = Client()
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}", follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else f"/{path}"
    response = client.post(form_url, {"new_password1": "kanno-battery-2030!", "new_password2": "kanno-battery-2030!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("kanno-battery-2030!")


def test_an_existing_exhibitor_account_is_attached_and_told(fair, officer, django_capture_on_commit_callbacks):
    exhibitor = ExhibitorFactory(email="lee@example.kr", preferred_language="ko")
    booth = BoothFactory(fair=fair)

    with django_capture_on_commit_callbacks(execute=True):
        given = setup.give_booth_account(booth=booth, email="lee@example.kr", by=officer)

    assert given == setup.AccountGiven(user=exhibitor, created=False)
    assert list(booth.accounts.all()) == [exhibitor]
    assert User.objects.filter(email="lee@example.kr").count() == 1
    assert [message.to for message in mail.outbox] == [["lee@example.kr"]]
    assert booth.number in mail.outbox[0].subject


def test_staff_and_investor_addresses_are_not_made_exhibitors(fair, officer, investor):
    booth = BoothFactory(fair=fair)

    for email in (officer.email, investor.email):
        with pytest.raises(ValidationError) as error:
            setup.give_booth_account(booth=booth, email=email, by=officer)
        assert "email" in error.value.message_dict
    assert booth.accounts.count() == 0


def test_rules_are_saved_and_read_back(fair, officer):
    setup.save_rules(
        fair=fair,
        by=officer,
        reply_hours=2,
        request_expiry_hours=24,
        max_requests=30,
        max_accepted=None,
        may_meet={
            "buyer": ["exhibitor"],
            "investor": ["exhibitor", "partner"],
            "partner": ["buyer", "investor", "partner", "exhibitor"],
            "exhibitor": ["buyer", "investor", "partner"],
        },
    )

    fair.refresh_from_db()
    assert (fair.reply_hours, fair.request_expiry_hours, fair.max_requests, fair.max_accepted) == (2, 24, 30, None)
    assert fair.meeting_rules == {
        "buyer": ["exhibitor"],
        "investor": ["partner", "exhibitor"],
        "exhibitor": ["buyer", "investor", "partner"],
    }
    assert setup.rules_matrix(fair) == {
        "buyer": {"exhibitor"},
        "investor": {"partner", "exhibitor"},
        "partner": {"buyer", "investor", "partner", "exhibitor"},
        "exhibitor": {"buyer", "investor", "partner"},
    }
    entry = AuditEntry.objects.get(action="matchmaking.fair.rules_changed")
    assert entry.before["reply_hours"] == 4
    assert entry.after["reply_hours"] == 2


def test_halls_move_up_and_down(fair, officer):
    first, second, third = (
        setup.save_hall(hall=Hall(fair=fair), language="zh-hans", values={"name_zh_hans": name}, by=officer)
        for name in ("数字贸易馆", "新能源馆", "金融服务馆")
    )
    assert [first.position, second.position, third.position] == [0, 1, 2]

    setup.move_hall(hall=third, offset=-1, by=officer)
    setup.move_hall(hall=first, offset=-1, by=officer)  # already first: stays

    assert list(Hall.objects.filter(fair=fair).order_by("position").values_list("name_zh_hans", flat=True)) == [
        "数字贸易馆",
        "金融服务馆",
        "新能源馆",
    ]


def test_save_fair_records_the_language_and_refuses_a_taken_address(officer):
    other = FairFactory(slug="ciftis-2030")
    fair = setup.save_fair(
        fair=Fair(),
        language="zh-hans",
        values={
            "title_zh_hans": "服贸会云上展",
            "slug": "ciftis-online",
            "starts_on": DAY,
            "ends_on": DAY,
            "department": officer.department,
        },
        by=officer,
    )
    assert (fair.status, list(fair.translated_at)) == ("draft", ["zh-hans"])

    with pytest.raises(ValidationError) as error:
        setup.save_fair(fair=fair, language="en", values={"title_en": "CIFTIS", "slug": other.slug}, by=officer)
    assert "slug" in error.value.message_dict

    setup.set_fair_published(fair=fair, published=True, by=officer)
    fair.refresh_from_db()
    assert fair.is_published
    assert fair.published_at is not None


def test_unused_slots_are_removed_and_used_ones_kept(fair, officer):
    setup.generate_slots(fair=fair, days=[DAY], ranges=[SESSIONS[0]], slot_minutes=25, break_minutes=5, by=officer)

    assert setup.delete_unused_slots(fair=fair, by=officer) == 6
    assert Slot.objects.filter(fair=fair).count() == 0


def test_an_organiser_of_another_department_is_not_one(fair):
    stranger = UserFactory(role=AccountRole.OFFICER)

    assert not is_organiser(stranger, fair)
