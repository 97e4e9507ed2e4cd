"""The consulting service in a real browser: a Japanese investor searches the FAQ, asks and sees the
acknowledgement; the same in Arabic (right to left); an officer answers; axe on every public page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.consulting.factories import BookingFactory, FaqEntryFactory, MeetingSlotFactory, TopicFactory
from tests.factories import UserFactory
from yunzhao.accounts.models import Role
from yunzhao.consulting.models import Question
from yunzhao.core import holidays

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    holidays.load()
    topic = TopicFactory(
        name_zh_hans="签证与工作许可", name_en="Visas and work permits", name_ja="ビザと就労許可", name_ar="التأشيرات"
    )
    FaqEntryFactory(
        topic=topic,
        question_zh_hans="外籍员工如何办理工作许可？",
        answer_zh_hans="企业在线提交申请，10个工作日内发放。",
        question_en="How do foreign employees get a work permit?",
        answer_en="The company applies online; it is issued within 10 working days.",
        question_ja="外国人社員の就労許可はどう取得しますか？",
        answer_ja="企業がオンラインで申請し、10営業日以内に発行されます。",
        question_ar="كيف يحصل الموظفون الأجانب على تصريح عمل؟",
        answer_ar="تقدم الشركة الطلب إلكترونيًا ويصدر خلال 10 أيام عمل.",
    )
    starts = timezone.localtime(timezone.now() + dt.timedelta(days=6)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    slot = MeetingSlotFactory(starts_at=starts, languages=["ja", "ar", "zh-hans"], topic=topic)
    return topic, slot


def ask(page, base, code, *, name, email, subject, text):
    page.goto(f"{base}/{code}/consulting/ask/")
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_subject", subject)
    page.fill("#id_text", text)
    page.check("#id_consent")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/consulting/q/**")


def test_a_japanese_and_an_arabic_investor_ask_and_an_officer_answers(
    page, live_server, content, login_as, axe_violations, screenshot
):
    topic, _slot = content
    base = live_server.url

    # Japanese: search the FAQ, then ask.
    page.goto(f"{base}/ja/consulting/")
    page.fill("#faq-q", "就労")
    page.locator("form[role=search] button").click()
    page.wait_for_url("**/ja/consulting/?q=*")
    assert page.locator("details summary").first.inner_text() == "外国人社員の就労許可はどう取得しますか？"
    ask(
        page,
        base,
        "ja",
        name="佐藤 健一",
        email="sato@example.jp",
        subject="就労ビザ",
        text="エンジニア3名の就労許可について教えてください。",
    )
    question = Question.objects.get(email="sato@example.jp")
    assert question.language == "ja"
    assert page.locator("#reference").inner_text() == question.reference
    assert "年" in page.locator("#due").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "consulting-thread-ja")

    # Arabic, right to left.
    page.goto(f"{base}/ar/consulting/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    ask(
        page,
        base,
        "ar",
        name="أحمد المنصوري",
        email="ahmed@example.ae",
        subject="تأشيرة عمل",
        text="نحتاج تصاريح عمل لثلاثة مهندسين.",
    )
    arabic = Question.objects.get(email="ahmed@example.ae")
    assert arabic.language == "ar"
    assert page.locator("#reference").inner_text() == arabic.reference
    assert axe_violations(page) == []
    screenshot(page, "consulting-thread-ar")

    # An officer of the department answers the Japanese question in the back office.
    officer = UserFactory(role=Role.OFFICER, department=topic.department)
    login_as(page, officer)
    page.goto(f"{base}/zh-hans/office/consulting/")
    page.locator(f'a[href="/zh-hans/office/consulting/{question.pk}/"]').click()
    page.fill("#id_text", "就労許可は10営業日以内に発行されます。")
    page.locator("form[action$='/reply/'] button[type=submit]").click()
    page.wait_for_url(f"**/office/consulting/{question.pk}/")
    assert axe_violations(page) == []
    screenshot(page, "consulting-office-question")
    question.refresh_from_db()
    assert question.first_replied_at is not None

    # The asker sees the reply on the private page.
    page.context.clear_cookies()
    page.goto(f"{base}/ja/consulting/q/{question.token}/")
    assert "就労許可は10営業日以内に発行されます。" in page.locator("main").inner_text()


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_every_public_consulting_page_passes_axe(page, live_server, content, axe_violations, screenshot, code):
    topic, slot = content
    booked = BookingFactory(slot=MeetingSlotFactory(starts_at=slot.starts_at + dt.timedelta(hours=2)))
    from yunzhao.consulting import questions

    question = questions.ask_question(
        topic=topic,
        asker=questions.Asker(name="Ann", email="ann@example.com", language=code),
        subject="Land",
        text="Which sites are free?",
    )
    pages = {
        "home": f"/{code}/consulting/",
        "search": f"/{code}/consulting/?q=zzz",
        "ask": f"/{code}/consulting/ask/",
        "thread": f"/{code}/consulting/q/{question.token}/",
        "meet": f"/{code}/consulting/meet/",
        "book": f"/{code}/consulting/meet/{slot.pk}/book/",
        "booking": f"/{code}/consulting/meeting/{booked.token}/",
    }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path
        screenshot(page, f"consulting-{name}-{code}")
    # A failed form keeps what was typed and passes axe too.
    page.goto(f"{live_server.url}/{code}/consulting/ask/")
    page.fill("#id_name", "Ann")
    page.fill("#id_subject", "Kept subject")
    page.locator("form button[type=submit]").last.click()
    assert page.input_value("#id_subject") == "Kept subject"
    assert axe_violations(page) == []
    screenshot(page, f"consulting-ask-errors-{code}")


def test_the_consulting_pages_fit_a_phone_in_arabic(page, live_server, content, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in {"home": "/ar/consulting/", "ask": "/ar/consulting/ask/", "meet": "/ar/consulting/meet/"}.items():
        page.goto(live_server.url + path)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide in a {widths[1]} px window"
        screenshot(page, f"consulting-{name}-phone-ar")
