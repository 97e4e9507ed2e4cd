"""Cloud signing in a real browser: staff prepare and send, two signatories sign in turn, the PDF verifies."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import transaction
from pypdf import PdfReader

from tests.factories import UserFactory, blank_pdf
from yunzhao.accounts.models import Role
from yunzhao.signing import agreements, tasks
from yunzhao.signing.models import Agreement, AgreementStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"https?://\S+/sign/[A-Za-z0-9_-]{43}/")


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


def link_path(address: str) -> str:
    """The path of the last signing link e-mailed to ``address`` (the mail names the configured site)."""
    for message in reversed(mail.outbox):
        if address in message.to and (match := LINK.search(message.body)):
            return urlsplit(match.group(0)).path
    raise AssertionError(f"no link for {address}")


def code_for(address: str) -> str:
    message = [m for m in mail.outbox if address in m.to][-1]
    match = CODE.search(message.subject)
    assert match, message.subject
    return match.group(1)


def confirm_code(page, address: str) -> None:
    page.locator("#send-code").click()
    page.wait_for_load_state()
    page.locator("input[name=code]").fill(code_for(address))
    page.locator("form.code-form button[type=submit]").click()
    page.locator("#signature-canvas").wait_for()


def draw_signature(page, loops: int = 3) -> None:
    canvas = page.locator("#signature-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.15, y + h * 0.7)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + w * (0.15 + 0.055 * step), y + h * (0.7 - 0.4 * ((step % loops) / loops)), steps=2)
    page.mouse.up()


@pytest.fixture
def officer():
    return UserFactory(role=Role.OFFICER, full_name="李专员", email="li@zone.example.cn")


def test_staff_prepare_two_signatories_sign_in_turn_and_the_pdf_verifies(page, login_as, officer, tmp_path):
    login_as(page, officer)
    base = page.live_server_url
    page.goto(f"{base}/en/office/agreements/")
    page.get_by_role("link", name="New agreement").click()
    page.get_by_label("Title in Chinese").fill("大连示范区物流园投资协议")
    page.get_by_label("Title in English").fill("Dalian logistics park investment agreement")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r".*/en/office/agreements/\d+/$"))
    agreement = Agreement.objects.get()

    page.get_by_role("link", name="Generate a bilingual document").first.click()
    page.locator("#id_language").select_option("en")
    page.locator("#id_title_partner").fill("Investment agreement")
    page.get_by_label("Text in Chinese").fill(
        "第一条 双方同意在物流园投资建设仓储中心。\n\n第二条 本协议自各方签署之日起生效。"
    )
    page.locator("#id_text_partner").fill(
        "Article 1. The parties agree to build a warehouse centre in the logistics park.\n\n"
        "Article 2. This agreement takes effect when every party has signed it."
    )
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(f"**/en/office/agreements/{agreement.pk}/")

    for organisation, name, email, language in (
        ("大连市投资促进局", "王局长", "wang@zone.example.cn", "zh-hans"),
        ("Gulf Logistics LLC", "Amina Al Mansouri", "amina@gulf.example.ae", "ar"),
    ):
        page.get_by_role("link", name="Add a party").click()
        page.locator("#id_name").fill(organisation)
        page.get_by_label("Signatory's name").fill(name)
        page.get_by_label("Signatory's e-mail address").fill(email)
        page.get_by_label("Signatory's language").select_option(language)
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(f"**/en/office/agreements/{agreement.pk}/")

    page.get_by_role("button", name="Send for signature").click()
    page.wait_for_url(f"**/en/office/agreements/{agreement.pk}/")
    assert "0 of 2 signed" in page.locator("#progress").inner_text()
    assert [m.to for m in mail.outbox] == [["wang@zone.example.cn"]]

    for loops, name, email in (
        (3, "王局长", "wang@zone.example.cn"),
        (4, "Amina Al Mansouri", "amina@gulf.example.ae"),
    ):
        page.context.clear_cookies()
        page.goto(base + link_path(email))
        confirm_code(page, email)
        document = page.request.get(base + page.locator("#open-document").get_attribute("href"))
        assert (document.status, document.body()[:5]) == (200, b"%PDF-")
        draw_signature(page, loops)
        page.get_by_label(re.compile("full name|姓名|الاسم|اسمك", re.IGNORECASE)).fill(name)
        page.locator("#id_consent").check()
        page.locator("#sign-form button[type=submit]").click()
        page.wait_for_url("**/sign/done/")

    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.COMPLETED
    assert all(bytes(s.signature_png).startswith(b"\x89PNG") for s in agreement.signatories.all())
    tasks.finalise_agreement.call(agreement.pk)  # what the task worker does

    login_as(page, officer)
    page.goto(f"{base}/en/office/agreements/{agreement.pk}/")
    assert "2 of 2 signed" in page.locator("#progress").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the signed PDF").click()
    signed = tmp_path / "signed.pdf"
    download_info.value.save_as(signed)
    reader = PdfReader(io.BytesIO(signed.read_bytes()))
    added = reader.pages[agreement.document_pages :]
    assert len(added[0].images) == 2
    certificate = "".join("".join(page_.extract_text().split()) for page_ in added[1:])
    assert agreement.document_sha256 in certificate
    assert "王局长" in certificate
    assert "AminaAlMansouri" in certificate

    page.goto(f"{base}/en/sign/verify/")
    page.locator("input[type=file]").set_input_files(str(signed))
    page.get_by_role("button", name="Check the file").click()
    assert "This is the unaltered final document" in page.locator("#verify-result").inner_text()
    altered = bytearray(signed.read_bytes())
    altered[len(altered) // 3] ^= 0x01
    (tmp_path / "altered.pdf").write_bytes(bytes(altered))
    page.locator("input[type=file]").set_input_files(str(tmp_path / "altered.pdf"))
    page.get_by_role("button", name="Check the file").click()
    assert "does not match any finalised agreement" in page.locator("#verify-result").inner_text()


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_signing_agreement_and_verification_pages_render_and_pass_axe(
    page, login_as, axe_violations, screenshot, officer, code
):
    with transaction.atomic():
        agreement = agreements.create_agreement(
            by=officer,
            title_zh_hans="大连示范区物流园投资合作协议（第二期仓储中心建设）",
            title_en="Dalian logistics park investment cooperation agreement (phase two warehouse centre)",
            title_ar="اتفاقية التعاون الاستثماري لمجمع داليان اللوجستي (المرحلة الثانية)",
        )
        agreements.attach_document(agreement=agreement, data=blank_pdf(2), filename="协议.pdf", by=officer)
        agreements.add_party(
            agreement=agreement,
            by=officer,
            name="مجموعة الخليج للخدمات اللوجستية ذ.م.م",
            signatories=[
                {
                    "name": "أمينة المنصوري",
                    "title": "الرئيسة التنفيذية",
                    "email": "amina@gulf.example.ae",
                    "language": "ar",
                }
            ],
        )
        agreements.add_party(
            agreement=agreement,
            by=officer,
            name="大连市投资促进局",
            signatories=[{"name": "王局长", "title": "局长", "email": "wang@zone.example.cn", "language": "zh-hans"}],
        )
        agreements.send_agreement(agreement=agreement, by=officer)
    base = page.live_server_url
    rtl = "rtl" if code == "ar" else "ltr"

    path = link_path("amina@gulf.example.ae").replace("/ar/", f"/{code}/", 1)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + path)
    assert page.locator("html").get_attribute("dir") == rtl
    assert_no_horizontal_scroll(page)
    assert axe_violations(page) == []
    confirm_code(page, "amina@gulf.example.ae")
    page.get_by_label(re.compile("full name|姓名|الاسم|اسمك", re.IGNORECASE)).fill("أمينة المنصوري")
    draw_signature(page)
    screenshot(page, f"signing-sign-{code}")
    assert_no_horizontal_scroll(page)
    assert axe_violations(page, context="main") == []

    page.set_viewport_size({"width": 1280, "height": 900})
    login_as(page, officer)
    page.goto(f"{base}/{code}/office/agreements/{agreement.pk}/")
    assert page.locator("html").get_attribute("dir") == rtl
    screenshot(page, f"signing-agreement-{code}")
    assert_no_horizontal_scroll(page)
    assert axe_violations(page) == []

    page.goto(f"{base}/{code}/office/agreements/")
    assert_no_horizontal_scroll(page)
    assert axe_violations(page) == []

    page.context.clear_cookies()  # the verification page is for anyone holding a copy
    page.goto(f"{base}/{code}/sign/verify/")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "copy.pdf", "mimeType": "application/pdf", "buffer": blank_pdf(1)}]
    )
    page.locator("main form button[type=submit]").click()
    page.locator("#verify-result").wait_for()
    screenshot(page, f"signing-verify-{code}")
    assert_no_horizontal_scroll(page)
    assert axe_violations(page) == []
