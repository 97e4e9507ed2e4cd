"""The organiser's back-office pages of a fair: who gets in, and setting a fair up through them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import DepartmentFactory, UserFactory
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, HallFactory
from yunzhao.accounts.models import Role as AccountRole
from yunzhao.accounts.models import User
from yunzhao.matchmaking.models import Booth, Fair, Hall, Slot, Table

pytestmark = pytest.mark.django_db

DAY = dt.date(2030, 9, 2)
PAGES = [
    "fair-detail",
    "fair-edit",
    "fair-halls",
    "fair-booths",
    "fair-slots",
    "fair-tables",
    "fair-rules",
    "fair-report",
]


@pytest.fixture
def fair(officer):
    return FairFactory(department=officer.department, starts_on=DAY, ends_on=DAY + dt.timedelta(days=1))


def url(name: str, fair: Fair, **kwargs: int) -> str:
    return reverse(f"office:{name}", kwargs={"pk": fair.pk, **kwargs})


@pytest.mark.parametrize("name", [*PAGES, "fair-report-xlsx"])
def test_organiser_pages_open_for_the_departments_staff_and_leaders(client, officer, leader, fair, name):
    for user in (officer, leader):
        client.force_login(user)
        assert client.get(url(name, fair)).status_code == 200


@pytest.mark.parametrize("name", [*PAGES, "fair-report-xlsx"])
def test_other_staff_and_outside_accounts_get_403_and_visitors_the_login_page(client, fair, investor, name):
    assert client.get(url(name, fair)).status_code == 302
    assert "/accounts/login/" in client.get(url(name, fair))["Location"]
    for user in (UserFactory(role=AccountRole.OFFICER, department=DepartmentFactory()), investor, ExhibitorFactory()):
        client.force_login(user)
        assert client.get(url(name, fair)).status_code == 403


def test_a_sub_department_organises_its_parents_fair(client, fair, officer):
    child = DepartmentFactory(parent=officer.department)
    client.force_login(UserFactory(role=AccountRole.OFFICER, department=child))

    assert client.get(url("fair-detail", fair)).status_code == 200


def test_the_fair_list_shows_only_organised_fairs_in_a_fixed_number_of_queries(officer_client, officer, count_queries):
    FairFactory(title_zh_hans="别人的展会")
    FairFactory(department=officer.department, title_zh_hans="我们的展会")
    with count_queries() as one:
        response = officer_client.get(reverse("office:fair-list"))
    assert "我们的展会" in response.text
    assert "别人的展会" not in response.text
    FairFactory.create_batch(2, department=officer.department)
    with count_queries() as three:
        officer_client.get(reverse("office:fair-list"))
    assert one.count == three.count


def test_outside_accounts_cannot_list_or_create_fairs(client, investor):
    client.force_login(ExhibitorFactory())
    assert client.get(reverse("office:fair-list")).status_code == 403
    client.force_login(investor)
    assert client.get(reverse("office:fair-create")).status_code == 403


def test_creating_a_fair_then_writing_its_english_title(officer_client, officer):
    response = officer_client.post(
        reverse("office:fair-create"),
        {
            "title_zh_hans": "服贸会云上展",
            "summary_zh_hans": "九大专题展",
            "slug": "ciftis-online",
            "starts_on": "2030-09-02",
            "ends_on": "2030-09-01",
            "department": officer.department.pk,
        },
    )
    assert response.status_code == 200
    assert "最后一天" in response.text or "The last day" in response.text

    response = officer_client.post(
        reverse("office:fair-create"),
        {
            "title_zh_hans": "服贸会云上展",
            "slug": "ciftis-online",
            "starts_on": "2030-09-02",
            "ends_on": "2030-09-06",
            "department": officer.department.pk,
        },
    )
    fair = Fair.objects.get(slug="ciftis-online")
    assert response["Location"] == url("fair-detail", fair)
    assert fair.status == "draft"

    response = officer_client.post(
        f"{url('fair-edit', fair)}?language=en",
        {
            "language": "en",
            "title_en": "CIFTIS Online",
            "summary_en": "",
            "slug": "ciftis-online",
            "starts_on": "2030-09-02",
            "ends_on": "2030-09-06",
            "department": officer.department.pk,
        },
    )
    assert response.status_code == 302
    fair.refresh_from_db()
    assert (fair.title_zh_hans, fair.title_en) == ("服贸会云上展", "CIFTIS Online")
    assert set(fair.translated_at) == {"zh-hans", "en"}

    officer_client.post(url("fair-publish", fair))
    fair.refresh_from_db()
    assert fair.is_published


def test_a_department_the_officer_does_not_belong_to_cannot_be_chosen(officer_client):
    other = DepartmentFactory()
    response = officer_client.post(
        reverse("office:fair-create"),
        {
            "title_zh_hans": "展会",
            "slug": "x",
            "starts_on": "2030-09-02",
            "ends_on": "2030-09-02",
            "department": other.pk,
        },
    )
    assert response.status_code == 200
    assert not Fair.objects.filter(slug="x").exists()


def test_halls_are_added_and_reordered(officer_client, fair):
    for name in ("数字贸易馆", "新能源馆"):
        officer_client.post(url("fair-halls", fair), {"name_zh_hans": name, "theme_zh_hans": "", "industry": ""})
    second = Hall.objects.get(fair=fair, name_zh_hans="新能源馆")
    officer_client.post(url("fair-hall-move", fair, hall=second.pk), {"direction": "up"})

    response = officer_client.get(url("fair-halls", fair))
    assert response.text.index("新能源馆") < response.text.index("数字贸易馆")

    response = officer_client.post(
        f"{url('fair-hall-edit', fair, hall=second.pk)}?language=ja",
        {"language": "ja", "name_ja": "新エネルギー館", "theme_ja": ""},
    )
    second.refresh_from_db()
    assert second.name_ja == "新エネルギー館"


def test_a_booth_number_clash_is_shown_at_the_number(officer_client, fair):
    hall = HallFactory(fair=fair)
    BoothFactory(fair=fair, hall=hall, number="A12", name_zh_hans="华光储能")

    response = officer_client.post(
        url("fair-booths", fair),
        {"number": "A12", "hall": hall.pk, "name_zh_hans": "东方电子", "name_en": "", "country": "cn"},
    )

    assert response.status_code == 200
    assert "A12" in response.text
    assert "华光储能" in response.text
    assert 'id="id_number-error"' in response.text
    assert Booth.objects.filter(fair=fair).count() == 1


def test_a_booth_is_created_and_given_a_new_exhibitor_account(officer_client, fair, django_capture_on_commit_callbacks):
    hall = HallFactory(fair=fair)
    response = officer_client.post(
        url("fair-booths", fair),
        {
            "number": "B7",
            "hall": hall.pk,
            "name_zh_hans": "菅野电池",
            "name_en": "Kanno Battery",
            "country": "jp",
            "is_zone_booth": "",
        },
    )
    booth = Booth.objects.get(fair=fair, number="B7")
    assert booth.country == "JP"
    assert response["Location"] == url("fair-booth-edit", fair, booth=booth.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            url("fair-booth-account", fair, booth=booth.pk),
            {"email": "sales@kanno.example.jp", "full_name": "菅野 健", "language": "ja"},
            follow=True,
        )
    user = User.objects.get(email="sales@kanno.example.jp")
    assert list(booth.accounts.all()) == [user]
    assert "sales@kanno.example.jp" in response.text
    assert [message.to for message in mail.outbox] == [["sales@kanno.example.jp"]]
    assert "/ja/accounts/password/reset/" in mail.outbox[0].body

    officer_client.post(url("fair-booth-account-remove", fair, booth=booth.pk, user=user.pk))
    assert booth.accounts.count() == 0


def test_giving_a_staff_address_is_refused_on_the_page(officer_client, officer, fair):
    booth = BoothFactory(fair=fair)
    response = officer_client.post(
        url("fair-booth-account", fair, booth=booth.pk),
        {"email": officer.email, "full_name": "", "language": "zh-hans"},
    )
    assert response.status_code == 200
    assert 'id="id_email-error"' in response.text
    assert booth.accounts.count() == 0


def test_slots_are_generated_from_the_page_and_again_without_duplicates(officer_client, fair):
    data = {
        "days": ["2030-09-02", "2030-09-03"],
        "sessions": "09:00-12:00, 14:00-17:30",
        "slot_minutes": "25",
        "break_minutes": "5",
    }
    officer_client.post(url("fair-slots", fair), data)
    officer_client.post(url("fair-slots", fair), data)

    assert Slot.objects.filter(fair=fair).count() == 26
    response = officer_client.get(url("fair-slots", fair))
    assert "09:00–09:25" in response.text
    assert "17:00–17:25" in response.text

    response = officer_client.post(url("fair-slots", fair), {**data, "sessions": "9h to noon"})
    assert response.status_code == 200
    assert 'id="id_sessions-error"' in response.text


def test_tables_are_created_from_the_page(officer_client, fair):
    officer_client.post(url("fair-tables", fair), {"name_prefix": "A", "first": "1", "count": "60"})

    assert Table.objects.filter(fair=fair).count() == 60
    response = officer_client.get(url("fair-tables", fair))
    assert "A60" in response.text


def test_rules_are_saved_from_the_matrix_and_shown_checked(officer_client, fair):
    response = officer_client.post(
        url("fair-rules", fair),
        {
            "reply_hours": "2",
            "request_expiry_hours": "24",
            "max_requests": "30",
            "max_accepted": "",
            "meet_buyer": ["exhibitor"],
            "meet_investor": ["exhibitor", "partner"],
            "meet_partner": ["buyer", "investor", "partner", "exhibitor"],
            "meet_exhibitor": ["buyer", "investor", "partner"],
        },
    )
    assert response.status_code == 302
    fair.refresh_from_db()
    assert fair.meeting_rules == {
        "buyer": ["exhibitor"],
        "investor": ["partner", "exhibitor"],
        "exhibitor": ["buyer", "investor", "partner"],
    }
    assert (fair.reply_hours, fair.max_requests, fair.max_accepted) == (2, 30, None)
    page = officer_client.get(url("fair-rules", fair)).text
    assert 'name="meet_buyer" value="exhibitor" id="id_meet_buyer_exhibitor" checked' in page
    assert 'name="meet_buyer" value="investor" id="id_meet_buyer_investor" aria-label' in page


def test_pages_in_english_under_en(officer_client, fair):
    response = officer_client.get(f"/en/office/fairs/{fair.pk}/")
    assert response.status_code == 200
    assert "Meeting slots" in response.text
    assert "Matchmaking rules" in response.text
    assert fair.title_en in response.text
    response = officer_client.get(f"/en/office/fairs/{fair.pk}/slots/")
    assert "Generate slots" in response.text
