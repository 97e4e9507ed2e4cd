"""The signatory's pages and the verification page, through Django's test client."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.signing.conftest import last_code, link_token, mails_to, signature_png
from yunzhao.signing import finalising
from yunzhao.signing.models import AgreementStatus, EventKind, SigningEvent

pytestmark = pytest.mark.django_db


def sign_url(token: str, name: str = "signing:sign", language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, kwargs={"token": token})


def confirm(client, token: str, email: str, run_on_commit) -> None:
    with run_on_commit():
        client.post(sign_url(token, "signing:request-code"))
    response = client.post(sign_url(token), {"step": "verify", "code": last_code(email)})
    assert response.status_code == 302


def test_a_guessed_link_is_a_plain_404(client, make_agreement):
    make_agreement()

    assert client.get(sign_url("A" * 43)).status_code == 404
    assert client.get(sign_url("short")).status_code == 404
    assert client.post(sign_url("A" * 43, "signing:request-code")).status_code == 404
    assert client.get(sign_url("A" * 43, "signing:document")).status_code == 404


def test_the_document_is_served_only_after_the_code(client, make_agreement, run_on_commit):
    agreement = make_agreement()
    first = agreement.signatories.order_by("order").first()
    token = link_token(first.email)

    page = client.get(sign_url(token))
    assert page.status_code == 200
    assert b"signature-canvas" not in page.content
    assert client.get(sign_url(token, "signing:document")).status_code == 404

    confirm(client, token, first.email, run_on_commit)

    page = client.get(sign_url(token))
    assert b"signature-canvas" in page.content
    document = client.get(sign_url(token, "signing:document"))
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert document["X-Frame-Options"] == "SAMEORIGIN"
    assert b"".join(document.streaming_content).startswith(b"%PDF-")
    assert SigningEvent.objects.filter(signatory=first, kind=EventKind.VIEWED).count() == 1


def test_another_browser_with_the_link_still_needs_the_code(client, make_agreement, run_on_commit, django_user_model):
    from django.test import Client

    agreement = make_agreement()
    first = agreement.signatories.order_by("order").first()
    token = link_token(first.email)
    confirm(client, token, first.email, run_on_commit)

    assert Client().get(sign_url(token, "signing:document")).status_code == 404


def test_a_wrong_code_says_how_many_tries_are_left(client, make_agreement, run_on_commit):
    agreement = make_agreement()
    first = agreement.signatories.order_by("order").first()
    token = link_token(first.email)
    with run_on_commit():
        client.post(sign_url(token, "signing:request-code"))
    code = last_code(first.email)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    response = client.post(sign_url(token), {"step": "verify", "code": wrong})

    assert response.status_code == 422
    assert "4 tries left" in response.content.decode()


def test_signing_through_the_pages_then_the_link_is_gone(client, make_agreement, run_on_commit):
    agreement = make_agreement()
    first, second = agreement.signatories.order_by("order")
    token = link_token(first.email)
    confirm(client, token, first.email, run_on_commit)
    drawn = "data:image/png;base64," + base64.b64encode(signature_png()).decode()

    with run_on_commit():
        response = client.post(
            sign_url(token, language="zh-hans"),
            {"step": "sign", "typed_name": "王局长", "signature": drawn, "consent": "on"},
            REMOTE_ADDR="192.0.2.99",
            HTTP_USER_AGENT="Firefox/140",
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("signing:done")
    first.refresh_from_db()
    assert (first.signed_name, first.signed_ip, first.signed_user_agent) == ("王局长", "192.0.2.99", "Firefox/140")
    assert len(mails_to(second.email)) == 1
    assert client.get(sign_url(token)).status_code == 404  # a reused link
    assert client.get(reverse("signing:done")).status_code == 200


def test_a_forged_signature_image_is_refused(client, make_agreement, run_on_commit):
    agreement = make_agreement()
    first = agreement.signatories.order_by("order").first()
    token = link_token(first.email)
    confirm(client, token, first.email, run_on_commit)
    forged = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n<script>").decode()

    response = client.post(
        sign_url(token), {"step": "sign", "typed_name": "王局长", "signature": forged, "consent": "on"}
    )

    assert response.status_code == 422
    first.refresh_from_db()
    assert first.signed_at is None


def test_signing_without_the_code_goes_back_to_the_code(client, make_agreement):
    agreement = make_agreement()
    first = agreement.signatories.order_by("order").first()
    token = link_token(first.email)

    response = client.post(sign_url(token), {"step": "sign", "typed_name": "王局长", "consent": "on"})

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.signed_at is None


def test_a_voided_agreements_link_says_it_is_closed(client, make_agreement, staff_member):
    from yunzhao.signing.agreements import void_agreement

    agreement = make_agreement()
    token = link_token(agreement.signatories.order_by("order").first().email)
    void_agreement(agreement=agreement, by=staff_member, reason="重新谈判")

    response = client.get(sign_url(token))

    assert response.status_code == 410
    assert "voided" in response.content.decode()
    assert agreement.__class__.objects.get(pk=agreement.pk).status == AgreementStatus.VOIDED


def test_the_verification_page_tells_the_final_file_from_an_altered_one(client, make_agreement, sign_through):
    agreement = make_agreement()
    for signatory in agreement.signatories.order_by("order"):
        sign_through(signatory)
    finalising.finalise_agreement(agreement_pk=agreement.pk)
    agreement.refresh_from_db()
    with agreement.final_document.open("rb") as handle:
        data = handle.read()
    with translation.override("en"):
        url = reverse("signing:verify")

    exact = client.post(url, {"file": SimpleUploadedFile("signed.pdf", data, "application/pdf")})
    altered = bytearray(data)
    altered[-100] ^= 0x20
    other = client.post(url, {"file": SimpleUploadedFile("signed.pdf", bytes(altered), "application/pdf")})

    assert "This is the unaltered final document" in exact.content.decode()
    assert "Amina Al Mansouri" in exact.content.decode()
    assert "does not match any finalised agreement" in other.content.decode()
    assert client.get(url).status_code == 200
