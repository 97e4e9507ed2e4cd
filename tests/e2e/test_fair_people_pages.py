"""The fair's matchmaking in a real browser: a Japanese buyer joins, sees whom to meet and why,
asks a Chinese exhibitor for a meeting; the exhibitor accepts.  Screenshots in three languages."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, ParticipantFactory
from yunzhao.accounts.models import Role
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Industry
from yunzhao.matchmaking import meeting_requests, recommend
from yunzhao.matchmaking.models import MeetingRequest, Participant, RequestStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fair():
    load_industries()
    recommend.clear_cache()
    fair = FairFactory(slug="cloud-expo", title_ja="クラウド投資貿易博覧会", title_ar="المعرض السحابي")
    booth = BoothFactory(
        fair=fair,
        number="A001",
        name_zh_hans="华光储能科技有限公司",
        name_en="Huaguang Energy Storage",
        description_zh_hans="储能系统与锂电池的研发、生产和销售",
    )
    account = ExhibitorFactory(full_name="王芳", preferred_language="zh-hans")
    booth.accounts.add(account)
    maker = ParticipantFactory(
        fair=fair,
        user=account,
        booth=booth,
        role="exhibitor",
        name="王芳",
        organisation="华光储能科技有限公司",
        country="CN",
        language="zh-hans",
        intents=["sell"],
        offered_countries=["CN"],
        sought_countries=["JP"],
        about="储能柜、锂电池组",
    )
    maker.industries.set([Industry.objects.get(code="38")])
    textile = ParticipantFactory(
        fair=fair, role="exhibitor", organisation="江南纺织", country="CN", intents=["sell"], about="纺织面料"
    )
    textile.industries.set([Industry.objects.get(code="17")])
    return fair, maker


def test_a_japanese_buyer_joins_and_asks_an_exhibitor_who_accepts(
    page, live_server, fair, login_as, axe_violations, screenshot
):
    fair, maker = fair
    base = live_server.url
    buyer = UserFactory(role=Role.INVESTOR, department=None, full_name="佐藤 健一", email="sato@example.jp")
    login_as(page, buyer)

    page.goto(f"{base}/ja/fairs/{fair.slug}/join/")
    assert axe_violations(page) == []
    page.select_option("#id_role", "buyer")
    page.fill("#id_organisation", "さくら商事")
    page.fill("#id_country", "JP")
    page.select_option("#id_language", "ja")
    page.select_option("#id_industries", ["38"])
    page.check("#id_intents_0")  # buy
    page.fill("#id_sought_countries", "CN")
    page.fill("#id_offered_countries", "JP")
    page.fill("#id_about", "家庭用蓄電池とリチウム電池を中国から輸入したい")
    page.check("#id_consent")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**/ja/fairs/{fair.slug}/recommended/")

    first = page.locator(".recommendation").first
    assert "华光储能科技有限公司" in first.inner_text()
    reasons = first.locator(".reasons li").all_inner_texts()
    assert len(reasons) >= 3
    assert axe_violations(page) == []
    screenshot(page, "fair-recommendations-ja")

    first.locator("a.btn-primary").click()
    page.wait_for_url(f"**/people/{maker.pk}/#request")
    page.check("input[name=kind][value=online]")
    page.fill("#id_message", "蓄電池について相談したいです。")
    page.locator("#request form button[type=submit]").click()
    page.wait_for_url(f"**/ja/fairs/{fair.slug}/requests/")
    assert "华光储能科技有限公司" in page.locator("#sent").inner_text()
    request = MeetingRequest.objects.get()
    assert request.sender == Participant.objects.get(user=buyer)
    assert request.kind == "online"

    # The exhibitor accepts, in Chinese.
    login_as(page, maker.user)
    page.goto(f"{base}/zh-hans/fairs/{fair.slug}/requests/")
    card = page.locator(f"#request-{request.pk}")
    assert "さくら商事" in card.inner_text()
    assert card.locator("time.expires").count() == 1
    card.locator("input[name=note]").fill("欢迎，期待见面")
    card.locator("button[value=accept]").click()
    page.wait_for_url(f"**/zh-hans/fairs/{fair.slug}/requests/")
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert axe_violations(page) == []


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_recommendations_and_requests_pages_in_three_languages(
    page, live_server, fair, login_as, axe_violations, screenshot, code
):
    fair, maker = fair
    buyer = ParticipantFactory(
        fair=fair,
        role="buyer",
        name="أحمد المنصوري",
        organisation="شركة الخليج للطاقة",
        country="AE",
        language="ar",
        intents=["buy", "distribute"],
        sought_countries=["CN"],
        offered_countries=["AE", "SA"],
        about="بطاريات الليثيوم 锂电池",
    )
    buyer.industries.set([Industry.objects.get(code="38")])
    meeting_requests.send_request(sender=buyer, recipient=maker, message="نود مناقشة أنظمة التخزين")
    other = ParticipantFactory(fair=fair, role="exhibitor", organisation="江南纺织二厂", country="CN")
    meeting_requests.send_request(sender=other, recipient=buyer, message="面料样品")
    login_as(page, buyer.user)

    page.goto(f"{live_server.url}/{code}/fairs/{fair.slug}/recommended/")
    assert page.locator("h1").count() == 1
    if code == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".recommendation").count() >= 2
    assert page.locator(".mark-you-asked").count() == 1
    assert page.locator(".mark-they-asked").count() == 1
    assert axe_violations(page) == []
    screenshot(page, f"fair-recommendations-{code}")

    page.goto(f"{live_server.url}/{code}/fairs/{fair.slug}/requests/")
    assert page.locator("#received .request").count() == 1
    assert page.locator("#sent .request").count() == 1
    assert axe_violations(page) == []
    screenshot(page, f"fair-requests-{code}")

    page.goto(f"{live_server.url}/{code}/fairs/{fair.slug}/people/{maker.pk}/")
    assert axe_violations(page) == []
    screenshot(page, f"fair-participant-{code}")
    page.goto(f"{live_server.url}/{code}/fairs/{fair.slug}/join/")
    assert axe_violations(page) == []
    screenshot(page, f"fair-join-{code}")
