"""Events in a real browser: a forum is set up, people register in Japanese and Arabic until the
waiting list moves, and the door checks one in from a phone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import EventFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.events import registrations
from yunzhao.events.models import Event, ItemKind, ProgrammeItem, Question, Registration, RegistrationStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


def register_in(browser, live_server, event, *, locale, code, name, email):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    visitor = context.new_page()
    visitor.goto(f"{live_server.url}/{code}/events/{event.pk}/")
    visitor.locator(f'a[href="/{code}/events/{event.pk}/register/"]').click()
    visitor.fill("#id_name", name)
    visitor.fill("#id_email", email)
    visitor.fill("#id_organisation", "Kanno Battery" if code == "ja" else "Gulf Logistics")
    visitor.check("#id_consent")
    questions = visitor.locator("input[name^=question_]")
    for index in range(questions.count()):
        questions.nth(index).fill("新エネルギー" if code == "ja" else "الطاقة الجديدة")
    visitor.locator("form button[type=submit]").last.click()
    visitor.wait_for_url("**/events/registration/**")
    return context, visitor


def test_a_forum_fills_up_the_waiting_list_moves_and_the_door_checks_in_from_a_phone(
    page, browser, live_server, login_as, axe_violations, screenshot
):
    officer = UserFactory(role=Role.OFFICER, full_name="张磊")
    login_as(page, officer)
    base = f"{page.live_server_url}/zh-hans/office/events"

    # The officer sets up a forum with one place and a signing ceremony in its agenda.
    page.goto(f"{base}/new/")
    page.select_option("#id_kind", "forum")
    page.fill("#id_title_zh_hans", "北京—东京论坛")
    page.fill("#id_title_en", "Beijing–Tokyo Forum")
    page.fill("#id_title_ja", "北京－東京フォーラム")
    page.fill("#id_title_ar", "منتدى بكين وطوكيو")
    start = timezone.localtime(timezone.now() + dt.timedelta(days=20)).replace(hour=9, minute=0)
    page.fill("#id_starts_at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_ends_at", (start + dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_city", "北京")
    page.select_option("#id_status", "published")
    page.check("#id_registration_open")
    page.fill("#id_capacity", "1")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/*/")
    event = Event.objects.get()
    assert event.capacity == 1
    assert event.accepts_registrations()
    page.locator(f'a[href="/zh-hans/office/events/{event.pk}/programme/new/"]').click()
    page.select_option("#id_kind", "signing")
    page.fill("#id_title_zh_hans", "重点项目签约仪式")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/{event.pk}/#programme")
    assert "重点项目签约仪式" in page.locator("#programme").inner_text()
    Question.objects.create(event=event, label_zh_hans="关注产业", label_ja="関心のある産業", label_ar="القطاع")

    # A Japanese visitor takes the only place; an Arabic one joins the waiting list.
    ja_context, ja_page = register_in(
        browser, live_server, event, locale="ja-JP", code="ja", name="菅野 健", email="kanno@example.jp"
    )
    assert ja_page.locator("[data-status]").get_attribute("data-status") == "confirmed"
    assert ja_page.locator(".registration-qr svg").count() == 1
    ar_context, ar_page = register_in(
        browser, live_server, event, locale="ar-AE", code="ar", name="ليلى حداد", email="layla@example.ae"
    )
    assert ar_page.locator("html").get_attribute("dir") == "rtl"
    assert ar_page.locator("[data-status]").get_attribute("data-status") == "waiting"
    screenshot(ar_page, "events-registration-waiting-ar")
    assert axe_violations(ar_page) == []

    # The Japanese visitor cancels; the Arabic one moves up and now has a QR code.
    ja_page.locator("form[action$='/cancel/'] button").click()
    ja_page.wait_for_load_state()
    assert ja_page.locator("[data-status]").get_attribute("data-status") == "cancelled"
    ar_page.reload()
    assert ar_page.locator("[data-status]").get_attribute("data-status") == "confirmed"
    assert ar_page.locator(".registration-qr svg").count() == 1
    screenshot(ar_page, "events-registration-confirmed-ar")
    layla = Registration.objects.get(email="layla@example.ae")
    assert layla.status == RegistrationStatus.CONFIRMED
    assert layla.language == "ar"
    ja_context.close()
    ar_context.close()

    # The door, on a phone: the code typed in answers at once, and a second time says so.
    door_context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    door = door_context.new_page()
    login_as(door, UserFactory(role=Role.OFFICER, department=officer.department, full_name="检票员"))
    door.goto(f"{base}/{event.pk}/check-in/")
    assert_no_horizontal_scroll(door)
    door.fill("#check-in-code", layla.code)
    door.locator("#check-in-form button[type=submit]").click()
    result = door.locator("#check-in-result")
    result.locator("text=ليلى حداد").wait_for()
    assert "text-bg-success" in result.get_attribute("class")
    assert door.locator("[data-checked-count]").inner_text() == "1"
    door.fill("#check-in-code", layla.code)
    door.keyboard.press("Enter")
    door.wait_for_function("document.querySelector('#check-in-result').className.includes('text-bg-warning')")
    screenshot(door, "events-check-in-phone-zh-hans")
    assert axe_violations(door) == []
    layla.refresh_from_db()
    assert layla.checked_in_at is not None
    door_context.close()


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_event_pages_render_in_each_script_and_pass_axe(page, login_as, axe_violations, screenshot, code):
    head = UserFactory(role=Role.DEPARTMENT_HEAD, full_name="王主任")
    event = EventFactory(
        kind="mission",
        department=head.department,
        owner=head,
        capacity=2,
        title_en="Beijing economic and trade mission to Belgium and the UAE",
        title_ar="بعثة بكين الاقتصادية والتجارية إلى بلجيكا والإمارات",
        title_zh_hans="北京经贸代表团出访比利时和阿联酋",
        city="Brussels",
        country="BE",
    )
    ProgrammeItem.objects.create(
        event=event,
        kind=ItemKind.MEETING,
        title_zh_hans="与比利时外国投资局会谈",
        title_en="Talks with the Belgian Foreign Trade Agency",
        starts_at=event.starts_at,
        city="Brussels",
        country="BE",
        counterpart="Belgian Foreign Trade Agency",
        outcome="两家企业同意来访示范区",
    )
    for n, language in enumerate(["ja", "ar", "ko"]):
        registrations.register(
            event=event,
            registrant=registrations.Registrant(
                name=f"Guest {n}", email=f"guest{n}@example.com", language=language, organisation="ACME"
            ),
        )
    login_as(page, head)
    office = f"{page.live_server_url}/{code}/office/events"
    for path, name in (
        ("/", "list"),
        (f"/{event.pk}/", "detail"),
        (f"/{event.pk}/edit/", "form"),
        (f"/{event.pk}/registrations/", "registrations"),
    ):
        page.goto(f"{office}{path}")
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        assert_no_horizontal_scroll(page)
        screenshot(page, f"events-office-{name}-{code}")
        assert axe_violations(page) == [], name
    portal = f"{page.live_server_url}/{code}/events"
    for path, name in (("/", "list"), (f"/{event.pk}/", "detail"), (f"/{event.pk}/register/", "register")):
        page.goto(f"{portal}{path}")
        assert_no_horizontal_scroll(page)
        screenshot(page, f"events-portal-{name}-{code}")
        assert axe_violations(page) == [], name


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_ceremony_screen_and_live_page_render_in_each_script(page, login_as, axe_violations, screenshot, code):
    from tests.factories import AgreementFactory, PartyFactory
    from yunzhao.events import ceremony
    from yunzhao.signing.models import AgreementStatus

    head = UserFactory(role=Role.DEPARTMENT_HEAD, full_name="王主任")
    event = EventFactory(
        kind="signing",
        is_online=True,
        department=head.department,
        title_zh_hans="2023石景山国际开放合作论坛暨重点项目签约仪式",
        title_en="Shijingshan International Open Cooperation Forum 2023 and its signing ceremony",
        title_ar="منتدى شيجينغشان للتعاون الدولي المفتوح 2023 وحفل التوقيع",
    )
    for n, status in enumerate([AgreementStatus.COMPLETED, AgreementStatus.SENT, AgreementStatus.SENT]):
        agreement = AgreementFactory(created_by=head, status=status, title_zh_hans=f"重点项目合作协议 {n + 1}")
        PartyFactory(agreement=agreement, name="首钢集团")
        ceremony.add_agreement(event=event, agreement=agreement, by=head)
    login_as(page, head)
    page.goto(f"{page.live_server_url}/{code}/office/events/{event.pk}/ceremony/")
    assert page.locator("#ceremony-board .ceremony-now").count() == 1
    assert_no_horizontal_scroll(page)
    screenshot(page, f"events-ceremony-{code}")
    assert axe_violations(page) == []
    page.goto(f"{page.live_server_url}/{code}/events/{event.pk}/live/")
    page.wait_for_function("document.querySelector('[data-views]').textContent.trim() === '1'")
    screenshot(page, f"events-live-{code}")
    assert axe_violations(page) == []
