"""The organiser sets up an online fair in a real browser: the fair, a hall, a booth with an
exhibitor account, slots and tables; the overview, slots and report pages in three scripts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from tests.factories import UserFactory
from tests.matchmaking.factories import TableFactory
from tests.matchmaking.test_report_figures import fair  # noqa: F401 -- the hand-built fair of the report tests
from yunzhao.accounts.models import Role, User
from yunzhao.matchmaking import setup
from yunzhao.matchmaking.models import Booth, Fair, Hall, Slot, Table

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


def submit(page, form_selector="main form"):
    page.locator(f"{form_selector} button[type=submit]").last.click()


def test_an_organiser_sets_up_a_fair_with_a_hall_a_booth_an_exhibitor_slots_and_tables(page, login_as, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    officer = UserFactory(role=Role.OFFICER, full_name="张磊")
    login_as(page, officer)
    base = f"{page.live_server_url}/zh-hans/office/fairs"
    day = dt.date.today() + dt.timedelta(days=30)

    # The fair.
    page.goto(f"{base}/")
    page.locator('a[href="/zh-hans/office/fairs/new/"]').first.click()
    page.fill("#id_title_zh_hans", "服贸会云上展")
    page.fill("#id_slug", "ciftis-online")
    page.fill("#id_starts_on", day.isoformat())
    page.fill("#id_ends_on", (day + dt.timedelta(days=1)).isoformat())
    submit(page)
    page.wait_for_url(f"{base}/*/")
    created = Fair.objects.get(slug="ciftis-online")
    assert created.department == officer.department

    # A hall.
    page.goto(f"{base}/{created.pk}/halls/")
    page.fill("#id_name_zh_hans", "新能源馆")
    submit(page, "main form[novalidate]")
    page.wait_for_url(f"{base}/{created.pk}/halls/")
    assert "新能源馆" in page.locator("main").inner_text()

    # A booth, and an exhibitor account for it by e-mail.
    page.goto(f"{base}/{created.pk}/booths/")
    page.fill("#id_number", "A01")
    page.select_option("#id_hall", str(Hall.objects.get(fair=created).pk))
    page.fill("#id_name_zh_hans", "华光储能科技有限公司")
    page.fill("#id_name_en", "Huaguang Energy Storage")
    page.fill("#id_country", "cn")
    submit(page, "main form[novalidate]")
    booth = Booth.objects.get(fair=created, number="A01")
    page.wait_for_url(f"{base}/{created.pk}/booths/{booth.pk}/")
    page.fill("#account-form #id_email", "sales@huaguang.example.cn")
    page.fill("#account-form #id_full_name", "李娜")
    page.locator("#account-form button[type=submit]").click()
    page.wait_for_url(f"{base}/{created.pk}/booths/{booth.pk}/")
    assert "sales@huaguang.example.cn" in page.locator("main").inner_text()
    exhibitor = User.objects.get(email="sales@huaguang.example.cn")
    assert list(booth.accounts.all()) == [exhibitor]
    assert exhibitor.role == Role.EXHIBITOR
    assert [message.to for message in mail.outbox] == [["sales@huaguang.example.cn"]]

    # Slots: two sessions a day on both days.
    page.goto(f"{base}/{created.pk}/slots/")
    page.fill("#id_sessions", "09:00-12:00, 14:00-17:30")
    page.fill("#id_slot_minutes", "25")
    page.fill("#id_break_minutes", "5")
    submit(page, "main form[novalidate]")
    page.wait_for_url(f"{base}/{created.pk}/slots/")
    assert Slot.objects.filter(fair=created).count() == 26
    assert "09:00–09:25" in page.locator("main").inner_text()

    # Tables A1…A60.
    page.goto(f"{base}/{created.pk}/tables/")
    page.fill("#id_count", "60")
    submit(page, "main form[novalidate]")
    page.wait_for_url(f"{base}/{created.pk}/tables/")
    assert Table.objects.filter(fair=created).count() == 60
    assert "A60" in page.locator("main").inner_text()

    # The overview counts it all.
    page.goto(f"{base}/{created.pk}/")
    overview = page.locator("main").inner_text()
    assert "新能源馆" not in overview  # the overview counts, it does not list
    assert "26" in overview
    assert "60" in overview


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_fair_office_pages_in_each_script(page, login_as, axe_violations, screenshot, code, fair):  # noqa: F811
    leader = UserFactory(role=Role.LEADER, department=None, full_name="王主任")
    fair.title_ar = "معرض الاستثمار والتجارة عبر الإنترنت"
    fair.save(update_fields=["title_ar"])
    setup.generate_slots(
        fair=fair,
        days=[fair.ends_on],
        ranges=[setup.TimeRange(start=dt.time(9), end=dt.time(12)), setup.TimeRange(dt.time(14), dt.time(17, 30))],
        slot_minutes=25,
        break_minutes=5,
        by=leader,
    )
    TableFactory(fair=fair)
    login_as(page, leader)
    office = f"{page.live_server_url}/{code}/office/fairs"
    for path, name in (
        ("/", "list"),
        (f"/{fair.pk}/", "detail"),
        (f"/{fair.pk}/slots/", "slots"),
        (f"/{fair.pk}/report/", "report"),
        (f"/{fair.pk}/rules/", "rules"),
        (f"/{fair.pk}/booths/", "booths"),
    ):
        page.goto(f"{office}{path}")
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        if name != "report":
            assert_no_horizontal_scroll(page)
        if name in ("detail", "slots", "report"):
            screenshot(page, f"fair-office-{name}-{code}")
        violations = axe_violations(page)
        assert violations == [], (name, violations)
