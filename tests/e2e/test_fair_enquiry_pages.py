"""Fair enquiries in a real browser: a visitor sends an enquiry from a booth, the exhibitor answers
it from the inbox; the inbox and the organiser's response times in zh-hans, en and ar (axe + screenshots)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, ParticipantFactory, ProductFactory
from yunzhao.accounts.models import Role
from yunzhao.core import holidays
from yunzhao.matchmaking import enquiries
from yunzhao.matchmaking.models import Enquiry, EnquiryStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def expo():
    holidays.load()
    fair = FairFactory(
        slug="expo", title_zh_hans="云上投资贸易博览会", title_en="Online Investment Fair", title_ar="معرض الاستثمار"
    )
    booth = BoothFactory(
        fair=fair,
        number="A01",
        name_zh_hans="华光储能科技有限公司",
        name_en="Huaguang Energy Storage",
        name_ar="هواقوانغ لتخزين الطاقة",
    )
    booth.accounts.add(ExhibitorFactory(email="sales@huaguang.example", full_name="李明"))
    ProductFactory(booth=booth, name_zh_hans="磷酸铁锂储能柜", name_en="LFP storage cabinet", name_ar="خزانة تخزين")
    visitor = ParticipantFactory(
        fair=fair, name="Aiko Tanaka", organisation="Tanaka Trading", country="JP", language="en"
    )
    return fair, booth, visitor


def test_a_visitor_sends_an_enquiry_and_the_exhibitor_answers(
    page, live_server, expo, login_as, axe_violations, screenshot
):
    _fair, booth, visitor = expo
    base = live_server.url
    login_as(page, visitor.user)
    page.goto(f"{base}/en/fairs/expo/booths/{booth.pk}/enquire/")
    assert axe_violations(page) == []
    page.fill("#id_subject", "Price for 200 cabinets")
    page.select_option("#id_product", label="LFP storage cabinet")
    page.fill("#id_message", "What is your best price for 200 units, delivered to Osaka?")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/en/fairs/expo/enquiries/FE-*/")
    enquiry = Enquiry.objects.get()
    assert page.locator("#reference").inner_text() == enquiry.reference
    assert "Asia/Tokyo" in page.locator("#zone-note").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "fair-enquiry-thread-visitor-en")

    exhibitor = booth.accounts.get()
    login_as(page, exhibitor)
    page.goto(f"{base}/zh-hans/fairs/expo/exhibitor/enquiries/")
    page.locator(f"#waiting a[href$='/{enquiry.reference}/']").click()
    page.wait_for_url(f"**/exhibitor/enquiries/{enquiry.reference}/")
    page.fill("#id_message", "USD 9,800 each, CIF Osaka.")
    page.locator("#message-form button[type=submit]").click()
    page.wait_for_url(f"**/exhibitor/enquiries/{enquiry.reference}/")
    assert "USD 9,800 each, CIF Osaka." in page.locator("#thread").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "fair-enquiry-thread-exhibitor-zh-hans")
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.ANSWERED
    assert enquiry.first_answered_at is not None

    login_as(page, visitor.user)
    page.goto(f"{base}/en/fairs/expo/enquiries/{enquiry.reference}/")
    assert "USD 9,800 each, CIF Osaka." in page.locator("#thread").inner_text()
    assert page.locator("#answered").is_visible()


def busy_fair(fair, booth, visitor):
    """A few enquiries: one overdue, one waiting, one answered; a second booth that answers late."""
    now = timezone.now()
    exhibitor = booth.accounts.get()
    other = BoothFactory(
        fair=fair, number="B07", name_zh_hans="大阪精密机械", name_en="Osaka Precision", name_ar="أوساكا للدقة"
    )
    other_account = ExhibitorFactory()
    other.accounts.add(other_account)
    BoothFactory(
        fair=fair,
        number="C12",
        name_zh_hans="云兆投资促进局",
        name_en="Yunzhao Investment Bureau",
        name_ar="مكتب الاستثمار",
        is_zone_booth=True,
    )
    product = booth.products.get()

    def send(target, subject, days_ago, **kwargs):
        return enquiries.send_enquiry(
            participant=visitor,
            booth=target,
            subject=subject,
            text="…",
            now=now - dt.timedelta(days=days_ago),
            **kwargs,
        )

    send(booth, "Delivery to Osaka in March?", 9)
    send(booth, "Price for 200 cabinets", 0, product=product)
    answered = send(booth, "Certificates (CE, UL)", 3)
    enquiries.reply(enquiry=answered, by=exhibitor, text="Yes", now=answered.created_at + dt.timedelta(hours=1))
    late = send(other, "Spare parts", 12)
    enquiries.reply(enquiry=late, by=other_account, text="Sorry", now=late.due_at + dt.timedelta(days=2))


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_inbox_and_organiser_page_in_three_languages(
    page, live_server, expo, login_as, axe_violations, screenshot, code
):
    fair, booth, visitor = expo
    busy_fair(fair, booth, visitor)
    base = live_server.url

    login_as(page, booth.accounts.get())
    page.goto(f"{base}/{code}/fairs/expo/exhibitor/enquiries/")
    assert page.locator("#waiting .list-group-item").count() == 2
    assert page.locator("#waiting .badge.text-bg-danger").count() >= 1
    if code == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []
    screenshot(page, f"fair-enquiries-inbox-{code}")

    organiser = UserFactory(role=Role.OFFICER, department=fair.department)
    login_as(page, organiser)
    page.goto(f"{base}/{code}/office/fairs/{fair.pk}/enquiries/")
    assert page.locator("#figures tbody tr").count() == 3
    assert axe_violations(page) == []
    screenshot(page, f"fair-enquiries-office-{code}")
