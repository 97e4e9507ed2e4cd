"""The filing form in the investor's language: six steps that keep what was typed, the e-mail with
the reference, the private status page and "My filings"."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import UserFactory
from tests.intake.factories import FilingFactory, division, exe_bytes, pdf_bytes
from yunzhao.accounts.models import Role
from yunzhao.intake.models import Attachment, Filing, FilingStatus

pytestmark = pytest.mark.django_db

COMPANY = {
    "company_name": "菅野バッテリー株式会社",
    "company_country": "JP",
    "registration_number": "0100-01-123456",
    "website": "https://kanno-battery.example.jp",
    "ownership": "foreign",
    "size": "large",
}
CONTACT = {
    "contact_name": "菅野 健",
    "contact_latin_name": "Ken Kanno",
    "contact_title": "海外事業部長",
    "email": "kanno@example.jp",
    "phone": "+81 3-1234-5678",
    "wechat_id": "",
    "contact_languages": ["ja", "en"],
}


def project(industry) -> dict:
    return {
        "title": "新エネルギー電池工場",
        "description": "リチウムイオン電池セルの製造拠点。年産 5 GWh。",
        "industry": str(industry.pk),
        "amount": "50000000",
        "currency": "USD",
        "registered_capital": "20000000",
    }


NEEDS = {
    "jobs": "300",
    "land_need_mu": "120",
    "space_need_sqm": "40000",
    "talent_needs": "電池エンジニア 30 名",
    "expected_start": "2027-03-01",
    "expected_production": "2028-06-01",
}


def walk(client, lang: str, industry, *, files=()) -> object:
    """Through every step to the review page; returns the review page's response."""
    base = f"/{lang}/filing/"
    assert client.post(base, COMPANY).status_code == 302
    assert client.post(base + "contact/", CONTACT).status_code == 302
    assert client.post(base + "project/", project(industry)).status_code == 302
    assert client.post(base + "needs/", NEEDS).status_code == 302
    response = client.post(base + "attachments/", {"consent": "on", "documents": list(files)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == base + "review/"
    return client.get(base + "review/")


def test_a_japanese_investor_files_and_gets_the_reference_by_e_mail_in_japanese(
    client, django_capture_on_commit_callbacks
):
    industry = division()
    review = walk(client, "ja", industry, files=[SimpleUploadedFile("計画書.pdf", pdf_bytes())])
    page = review.content.decode()
    assert review.status_code == 200
    assert "菅野バッテリー株式会社" in page
    assert "計画書.pdf" in page
    assert "$50,000,000.00" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ja/filing/review/", {"go": "next"})
    filing = Filing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ja/filing/status/{filing.access_token}/"
    assert re.fullmatch(rf"YZ-{timezone.now():%Y}-\d{{6}}", filing.reference)
    assert filing.language == "ja"
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.company_country == "JP"
    assert filing.contact_languages == ["ja", "en"]
    assert filing.industry == industry
    assert str(filing.amount) == "50000000.00"
    assert filing.currency == "USD"
    assert filing.consented_at is not None
    assert filing.consent_version == "2026-01"
    assert [(a.original_name, a.detected_type) for a in filing.attachments.all()] == [("計画書.pdf", "pdf")]

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kanno@example.jp"]
    assert filing.reference in message.subject
    assert filing.reference in message.body
    assert f"/ja/filing/status/{filing.access_token}/" in message.body
    assert "菅野 健" in message.body

    status = client.get(response["Location"])
    assert status.status_code == 200
    assert filing.reference in status.content.decode()
    assert status["Cache-Control"] == "private, no-store"
    # The draft is gone: a new filing starts empty.
    assert 'value="菅野バッテリー株式会社"' not in client.get("/ja/filing/").content.decode()


def test_a_step_that_fails_keeps_everything_typed(client):
    broken = {**COMPANY, "company_country": "", "website": "not a site"}
    response = client.post("/en/filing/", broken)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="菅野バッテリー株式会社"' in page
    assert 'value="0100-01-123456"' in page
    assert "This field is required." in page
    assert "Enter a valid URL." in page
    assert 'aria-invalid="true"' in page


def test_going_back_keeps_what_was_typed_on_both_steps(client):
    industry = division()
    client.post("/en/filing/", COMPANY)
    half = {**CONTACT, "email": ""}
    response = client.post("/en/filing/contact/", {**half, "go": "back"})
    assert response["Location"] == "/en/filing/"
    first = client.get("/en/filing/").content.decode()
    assert 'value="菅野バッテリー株式会社"' in first
    second = client.get("/en/filing/contact/").content.decode()
    assert 'value="Ken Kanno"' in second
    assert 'value="ja" checked' in second.replace('class="form-check-input" ', "") or re.search(
        r'<input[^>]*value="ja"[^>]*checked', second
    )
    # Jumping ahead to the review sends the person to the first step not yet complete.
    response = client.get("/en/filing/review/")
    assert response["Location"] == "/en/filing/contact/"
    assert industry.pk


def test_a_renamed_executable_is_refused_in_the_investors_language_and_nothing_is_kept(client):
    response = client.post(
        "/en/filing/attachments/",
        {"consent": "on", "documents": [SimpleUploadedFile("plan.pdf", exe_bytes(), content_type="application/pdf")]},
    )
    assert response.status_code == 200
    assert "“plan.pdf” is not a PDF, Word, Excel or image file" in response.content.decode()
    assert Attachment.objects.count() == 0


def test_a_file_is_kept_when_the_consent_is_missing_and_can_be_removed(client):
    response = client.post("/en/filing/attachments/", {"documents": [SimpleUploadedFile("plan.pdf", pdf_bytes())]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please agree to the processing of your data" in page
    attachment = Attachment.objects.get()
    assert attachment.filing is None
    assert "plan.pdf" in page
    response = client.post("/en/filing/attachments/", {"remove": str(attachment.pk)})
    assert response.status_code == 302
    assert Attachment.objects.count() == 0


def test_the_honeypot_refuses_a_robot_at_the_last_step(client):
    walk(client, "en", division())
    response = client.post("/en/filing/review/", {"website_url": "http://spam.example"})
    assert response.status_code == 200
    assert "This form could not be sent." in response.content.decode()
    assert Filing.objects.count() == 0


def test_the_eleventh_filing_within_an_hour_from_one_address_is_refused(client):
    industry = division()
    for _ in range(10):
        walk(client, "en", industry)
        assert client.post("/en/filing/review/", {}).status_code == 302
    walk(client, "en", industry)
    response = client.post("/en/filing/review/", {})
    assert response.status_code == 200
    assert "Too many submissions from your address" in response.content.decode()
    assert Filing.objects.count() == 10


def test_an_opportunity_link_prefills_the_project_and_is_remembered_with_the_filing(client):
    from yunzhao.portal.models import Opportunity

    industry = division()
    opportunity = Opportunity.objects.create(
        title_zh_hans="新能源电池产业园",
        title_en="New-energy battery park",
        summary_zh_hans="寻求投资者。",
        summary_en="Seeking investors.",
        industry=industry,
        investment_sought=Decimal("300000000"),
        currency="CNY",
        land_area_mu=Decimal("150"),
        status="published",
    )
    page = client.get(f"/en/filing/?opportunity={opportunity.pk}")
    assert page.status_code == 200
    step = client.post("/en/filing/", COMPANY)
    assert step.status_code == 302
    form = client.get("/en/filing/project/").content.decode()
    assert 'value="New-energy battery park"' in form
    assert 'value="300000000.00"' in form
    assert 'value="150.00"' in client.get("/en/filing/needs/").content.decode()
    walk(client, "en", industry)
    client.post("/en/filing/review/", {})
    assert Filing.objects.get().opportunity == opportunity


def test_an_unknown_opportunity_is_ignored(client):
    assert client.get("/en/filing/?opportunity=999999").status_code == 200
    walk(client, "en", division())
    client.post("/en/filing/review/", {})
    assert Filing.objects.get().opportunity is None


def test_a_signed_in_investor_files_and_sees_it_under_my_filings(client):
    investor = UserFactory(role=Role.INVESTOR, department=None, email="sato@example.jp", email_confirmed_at=None)
    client.force_login(investor)
    walk(client, "ja", division())
    client.post("/ja/filing/review/", {})
    filing = Filing.objects.get()
    assert filing.investor == investor
    page = client.get("/ja/filing/mine/").content.decode()
    assert filing.reference in page


def test_my_filings_shows_filings_made_with_the_confirmed_address_only(client):
    confirmed = UserFactory(
        role=Role.INVESTOR, department=None, email="lee@example.kr", email_confirmed_at=timezone.now()
    )
    unconfirmed = UserFactory(role=Role.INVESTOR, department=None, email="park@example.kr", email_confirmed_at=None)
    mine = FilingFactory(email="Lee@example.kr")
    not_yet = FilingFactory(email="park@example.kr")
    other = FilingFactory(email="someone@example.com")
    client.force_login(confirmed)
    page = client.get("/ko/filing/mine/").content.decode()
    assert mine.reference in page
    assert other.reference not in page
    assert not_yet.reference not in page
    client.force_login(unconfirmed)
    assert not_yet.reference not in client.get("/ko/filing/mine/").content.decode()


def test_my_filings_asks_a_visitor_to_sign_in(client):
    response = client.get("/en/filing/mine/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_status_page_needs_the_exact_token(client):
    filing = FilingFactory(status=FilingStatus.DECLINED, decline_reason="対象外の業種です。")
    assert client.get(f"/ja/filing/status/{filing.access_token}x/").status_code == 404
    page = client.get(f"/ja/filing/status/{filing.access_token}/").content.decode()
    assert "対象外の業種です。" in page


def test_my_filings_query_count_does_not_grow(client, count_queries):
    investor = UserFactory(role=Role.INVESTOR, department=None, email_confirmed_at=timezone.now())
    client.force_login(investor)
    FilingFactory(investor=investor)
    client.get("/en/filing/mine/")
    with count_queries() as one:
        client.get("/en/filing/mine/")
    FilingFactory.create_batch(2, investor=investor)
    with count_queries() as three:
        client.get("/en/filing/mine/")
    assert one.count == three.count
