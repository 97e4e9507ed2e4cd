"""The final PDF, its e-mail, finalising twice, and the verification of a file."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from tests.signing.conftest import mails_to, signature_png
from yunzhao.signing import finalising, tasks
from yunzhao.signing.models import AgreementStatus, SigningOrder

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(make_agreement, sign_through):
    agreement = make_agreement(SigningOrder.SEQUENTIAL, pages=3)
    first, second = agreement.signatories.order_by("order")
    sign_through(first, png=signature_png(), ip="192.0.2.10")
    sign_through(second, png=signature_png(400, 120), ip="192.0.2.20")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.COMPLETED
    return agreement


def final_bytes(agreement) -> bytes:
    with agreement.final_document.open("rb") as handle:
        return handle.read()


def test_the_final_pdf_is_the_original_then_the_signature_page_and_the_certificate(completed):
    assert finalising.finalise_agreement(agreement_pk=completed.pk) is True

    completed.refresh_from_db()
    reader = PdfReader(io.BytesIO(final_bytes(completed)))
    added = PdfReader(io.BytesIO(finalising.documents.render_pdf(finalising.added_pages_html(completed))))
    assert len(added.pages) >= 2
    assert len(reader.pages) == 3 + len(added.pages)
    signature_page = reader.pages[3].extract_text()
    certificate = "".join(page.extract_text() for page in reader.pages[4:])
    for name in ("王局长", "Amina Al Mansouri", "大连市投资促进局", "Gulf Logistics LLC"):
        assert name in signature_page
    assert len(reader.pages[3].images) == 2
    flat = "".join(certificate.split())
    assert completed.document_sha256 in flat
    for text in ("王局长", "AminaAlMansouri", "192.0.2.10", "192.0.2.20", "BrowserofAminaAlMansouri"):
        assert text in flat
    assert completed.final_sha256 == finalising.documents.sha256_of(final_bytes(completed))


def test_the_original_pages_are_kept_unchanged(completed):
    finalising.finalise_agreement(agreement_pk=completed.pk)

    completed.refresh_from_db()
    with completed.document.open("rb") as handle:
        original = PdfReader(io.BytesIO(handle.read()))
    final = PdfReader(io.BytesIO(final_bytes(completed)))
    assert [page.mediabox[2:] for page in final.pages[:3]] == [page.mediabox[2:] for page in original.pages]


def test_every_signatory_gets_the_final_pdf_in_their_language(completed):
    mail.outbox.clear()

    tasks.finalise_agreement.call(completed.pk)

    completed.refresh_from_db()
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@gulf.example.ae", "wang@zone.example.cn"]
    arabic = mails_to("amina@gulf.example.ae")[0]
    assert "اتفاقية التعاون الاستثماري" in arabic.subject
    assert "/ar/sign/verify/" in arabic.body
    assert "/zh-hans/sign/verify/" in mails_to("wang@zone.example.cn")[0].body
    name, content, mimetype = arabic.attachments[0]
    assert (name, mimetype) == (f"agreement-{completed.pk}-signed.pdf", "application/pdf")
    assert content == final_bytes(completed)
    assert completed.final_sha256 in arabic.body


def test_finalising_twice_changes_nothing_and_mails_nobody_again(completed):
    assert finalising.finalise_agreement(agreement_pk=completed.pk) is True
    completed.refresh_from_db()
    first = (completed.final_sha256, completed.final_document.name, completed.finalised_at)
    mail.outbox.clear()

    assert finalising.finalise_agreement(agreement_pk=completed.pk) is False

    completed.refresh_from_db()
    assert (completed.final_sha256, completed.final_document.name, completed.finalised_at) == first
    assert mail.outbox == []


def test_an_agreement_not_completed_is_not_finalised(make_agreement):
    agreement = make_agreement()

    assert finalising.finalise_agreement(agreement_pk=agreement.pk) is False
    assert finalising.finalise_agreement(agreement_pk=agreement.pk + 1000) is False


def test_the_exact_final_file_verifies(completed):
    finalising.finalise_agreement(agreement_pk=completed.pk)
    completed.refresh_from_db()

    result = finalising.verify_file(final_bytes(completed))

    assert result.agreement == completed
    assert [s.name for s in result.signatories] == ["王局长", "Amina Al Mansouri"]


def test_one_byte_altered_does_not_verify(completed):
    finalising.finalise_agreement(agreement_pk=completed.pk)
    completed.refresh_from_db()
    data = bytearray(final_bytes(completed))
    data[len(data) // 2] ^= 0x01

    result = finalising.verify_file(bytes(data))

    assert result.agreement is None
    assert result.signatories == []


def test_the_original_does_not_verify_as_final(completed):
    finalising.finalise_agreement(agreement_pk=completed.pk)
    with completed.document.open("rb") as handle:
        assert finalising.verify_file(handle.read()).agreement is None
