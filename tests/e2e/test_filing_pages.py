"""Filing a project in a real browser: a Japanese investor files a 50-million-dollar new-energy
project with a PDF and sees the reference; the same in Arabic, right to left; axe on every step in
Chinese, English and Arabic; an officer accepts the filing into the pipeline."""

from __future__ import annotations

import re

import pytest

from tests.factories import UserFactory
from tests.intake.factories import pdf_bytes
from yunzhao.accounts.models import Role
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Industry
from yunzhao.intake.models import Filing, FilingStatus
from yunzhao.pipeline.models import Project, Source, Stage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STEPS = ("company", "contact", "project", "needs", "attachments", "review")
PHONE = {"width": 390, "height": 844}

JAPANESE = {
    "company": {"company_name": "菅野バッテリー株式会社", "registration_number": "0104-01-118842"},
    "country": "JP",
    "contact": {"contact_name": "菅野 健", "contact_latin_name": "Ken Kanno", "email": "kanno@example.jp"},
    "languages": ["ja", "en"],
    "project": {
        "title": "新エネルギー車載電池セル工場",
        "description": "リン酸鉄リチウム電池セルの生産拠点。年産 5 GWh。",
        "amount": "50000000",
    },
    "currency": "USD",
    "needs": {"jobs": "320", "land_need_mu": "150", "talent_needs": "電池エンジニア 30 名"},
}
ARABIC = {
    "company": {"company_name": "شركة جسر الخليج للخدمات اللوجستية", "registration_number": "DMCC-184420"},
    "country": "AE",
    "contact": {"contact_name": "عمر المنصوري", "contact_latin_name": "Omar Al Mansoori", "email": "omar@example.ae"},
    "languages": ["ar", "en"],
    "project": {
        "title": "مركز لوجستي للتجارة الإلكترونية",
        "description": "مستودع جمركي ومركز توزيع للشحنات بين الصين ودول الخليج.",
        "amount": "50000000",
    },
    "currency": "USD",
    "needs": {"jobs": "140", "space_need_sqm": "30000"},
}


@pytest.fixture
def industries(db):
    load_industries()
    return Industry.objects.get(code="38")


def next_step(page, step: str, lang: str) -> None:
    page.locator('button[name="go"][value="next"]').click()
    page.wait_for_load_state()


def fill_steps(page, lang: str, data: dict, industry, *, check=None) -> None:
    """Fill each step and go on; ``check(page, step)`` runs on each step before it is filled."""
    page.goto(f"{page.live_server_url}/{lang}/filing/")
    if check:
        check(page, "company")
    for name, value in data["company"].items():
        page.fill(f"#id_{name}", value)
    page.select_option("#id_company_country", data["country"])
    page.select_option("#id_ownership", "foreign")
    next_step(page, "contact", lang)
    assert page.url.endswith(f"/{lang}/filing/contact/"), page.url
    if check:
        check(page, "contact")
    for name, value in data["contact"].items():
        page.fill(f"#id_{name}", value)
    for code in data["languages"]:
        page.check(f'input[name="contact_languages"][value="{code}"]')
    next_step(page, "project", lang)
    if check:
        check(page, "project")
    for name, value in data["project"].items():
        page.fill(f"#id_{name}", value)
    page.select_option("#id_industry", str(industry.pk))
    page.select_option("#id_currency", data["currency"])
    next_step(page, "needs", lang)
    if check:
        check(page, "needs")
    for name, value in data["needs"].items():
        page.fill(f"#id_{name}", value)
    page.fill("#id_expected_start", "2027-04-01")
    page.fill("#id_expected_production", "2028-09-01")
    next_step(page, "attachments", lang)
    if check:
        check(page, "attachments")
    page.set_input_files(
        "#id_documents", files=[{"name": "business-plan.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.check("#id_consent")
    next_step(page, "review", lang)
    assert page.url.endswith(f"/{lang}/filing/review/"), page.url
    if check:
        check(page, "review")


def test_a_japanese_investor_files_a_new_energy_project_and_an_officer_accepts_it(
    page, browser, live_server, industries, login_as, axe_violations, screenshot
):
    fill_steps(page, "ja", JAPANESE, industries)
    review = page.locator("main").inner_text()
    assert "菅野バッテリー株式会社" in review
    assert "business-plan.pdf" in review
    assert "$50,000,000.00" in review
    next_step(page, "status", "ja")
    filing = Filing.objects.get()
    assert page.url.endswith(f"/ja/filing/status/{filing.access_token}/")
    assert re.fullmatch(r"YZ-\d{4}-\d{6}", filing.reference)
    assert page.locator("[data-reference]").inner_text() == filing.reference
    assert (filing.language, filing.amount, filing.currency, filing.industry) == ("ja", 50000000, "USD", industries)
    assert [a.original_name for a in filing.attachments.all()] == ["business-plan.pdf"]

    officer = UserFactory(role=Role.OFFICER, full_name="张磊")
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    office = context.new_page()
    office.live_server_url = live_server.url
    login_as(office, officer)
    office.goto(f"{live_server.url}/zh-hans/office/filings/")
    assert axe_violations(office) == []
    screenshot(office, "filing-office-list-zh-hans")
    office.locator(f'a[href="/zh-hans/office/filings/{filing.pk}/"]').click()
    assert "business-plan.pdf" in office.locator("main").inner_text()
    assert axe_violations(office) == []
    screenshot(office, "filing-office-detail-zh-hans")
    office.check('input[name="enterprise"][value="0"]')
    office.locator('form[action$="/accept/"] button[type=submit]').click()
    office.wait_for_url(re.compile(r".*/zh-hans/office/projects/\d+/$"))
    project = Project.objects.get()
    assert (project.stage, project.source, project.planned_investment, project.currency) == (
        Stage.LEAD,
        Source.ONLINE_FILING,
        50000000,
        "USD",
    )
    filing.refresh_from_db()
    assert filing.status == FilingStatus.ACCEPTED
    assert filing.project == project
    context.close()


def test_an_arabic_investor_files_right_to_left_on_a_phone(browser, live_server, industries):
    context = browser.new_context(locale="ar-AE", viewport=PHONE)
    page = context.new_page()
    page.live_server_url = live_server.url

    def right_to_left(page, step):
        assert page.locator("html").get_attribute("dir") == "rtl"
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{step}: the page is {widths[0]} px wide in a {widths[1]} px window"

    fill_steps(page, "ar", ARABIC, industries, check=right_to_left)
    next_step(page, "status", "ar")
    filing = Filing.objects.get()
    assert page.locator("[data-reference]").inner_text() == filing.reference
    assert filing.language == "ar"
    assert filing.company_country == "AE"
    context.close()


@pytest.mark.parametrize("lang", ["zh-hans", "en", "ar"])
def test_every_step_passes_axe(page, industries, axe_violations, screenshot, lang):
    def audit(page, step):
        assert axe_violations(page) == [], step
        screenshot(page, f"filing-{step}-{lang}")

    # A failed step too: errors are announced and the page still passes.
    page.goto(f"{page.live_server_url}/{lang}/filing/")
    page.locator('button[name="go"][value="next"]').click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback").count() == 2
    audit(page, "company-errors")

    fill_steps(page, lang, JAPANESE if lang != "ar" else ARABIC, industries, check=audit)
    next_step(page, "status", lang)
    audit(page, "status")
