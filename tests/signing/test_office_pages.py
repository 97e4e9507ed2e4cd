"""The back-office pages of agreements: creating, documents, parties, sending, voiding, downloading."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.factories import EnterpriseFactory, UserFactory, blank_pdf
from yunzhao.accounts.models import Role
from yunzhao.signing import finalising
from yunzhao.signing.models import Agreement, AgreementStatus

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"office:{name}", args=args)


def test_staff_create_fill_and_send_an_agreement(client, staff_member, run_on_commit):
    client.force_login(staff_member)
    enterprise = EnterpriseFactory(name_zh_hans="海湾物流有限公司")

    response = client.post(
        url("agreement-create"),
        {
            "title_zh_hans": "仓储项目投资协议",
            "title_en": "Warehouse investment agreement",
            "signing_order": "parallel",
            "enterprise": enterprise.pk,
        },
    )
    agreement = Agreement.objects.get()
    assert response["Location"] == url("agreement-detail", agreement.pk)
    assert (agreement.created_by, agreement.enterprise, agreement.signing_order) == (
        staff_member,
        enterprise,
        "parallel",
    )

    client.post(
        url("agreement-document-upload", agreement.pk),
        {"document": SimpleUploadedFile("a.pdf", blank_pdf(2), "application/pdf")},
    )
    client.post(
        url("agreement-party-create", agreement.pk),
        {
            "enterprise": enterprise.pk,
            "signatory_name": "Omar",
            "signatory_email": "omar@gulf.example.ae",
            "signatory_language": "ar",
        },
    )
    party = agreement.parties.get()
    client.post(
        url("agreement-signatory-create", agreement.pk),
        {
            "party": party.pk,
            "signatory_name": "Layla",
            "signatory_email": "layla@gulf.example.ae",
            "signatory_language": "en",
        },
    )
    with run_on_commit():
        client.post(url("agreement-send", agreement.pk))

    agreement.refresh_from_db()
    assert (agreement.document_pages, party.name) == (2, "海湾物流有限公司")
    assert agreement.status == AgreementStatus.SENT
    assert sorted(m.to[0] for m in mail.outbox) == ["layla@gulf.example.ae", "omar@gulf.example.ae"]
    page = client.get(url("agreement-detail", agreement.pk)).content.decode()
    assert "0 of 2 signed" in page


def test_a_file_that_is_not_a_pdf_is_refused(client, staff_member):
    client.force_login(staff_member)
    agreement = Agreement.objects.create(title_zh_hans="协议", created_by=staff_member)

    response = client.post(
        url("agreement-document-upload", agreement.pk),
        {"document": SimpleUploadedFile("a.pdf", b"MZ\x90\x00", "application/pdf")},
    )

    assert response.status_code == 200
    assert "not a PDF" in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.document


def test_the_bilingual_generator_makes_a_two_language_pdf(client, staff_member):
    import io

    from pypdf import PdfReader

    client.force_login(staff_member)
    agreement = Agreement.objects.create(title_zh_hans="合作备忘录", created_by=staff_member)

    client.post(
        url("agreement-document-generate", agreement.pk),
        {
            "language": "ar",
            "title_partner": "مذكرة تفاهم",
            "text_zh": "第一条 双方同意合作。\n\n第二条 本协议自签署之日起生效。",
            "text_partner": "المادة الأولى: يتفق الطرفان على التعاون.\n\nالمادة الثانية: يسري هذا الاتفاق من تاريخ توقيعه.",
        },
    )

    agreement.refresh_from_db()
    with agreement.document.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert agreement.document_pages == 1
    assert "第一条双方同意合作" in "".join(text.split())
    assert "合作备忘录" in text


def test_voiding_needs_a_reason_and_stops_the_agreement(client, staff_member, make_agreement):
    agreement = make_agreement()
    client.force_login(staff_member)

    refused = client.post(url("agreement-void", agreement.pk), {"reason": ""})
    done = client.post(url("agreement-void", agreement.pk), {"reason": "对方撤回"})

    assert refused.status_code == 200
    assert done.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.void_reason) == (AgreementStatus.VOIDED, "对方撤回")


def test_leaders_read_but_do_not_send(client, make_agreement):
    agreement = make_agreement(send=False)
    client.force_login(UserFactory(role=Role.LEADER, department=None))

    assert client.get(url("agreement-detail", agreement.pk)).status_code == 200
    assert client.post(url("agreement-send", agreement.pk)).status_code == 403
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT


def test_the_signed_pdf_downloads_once_made(client, staff_member, make_agreement, sign_through):
    agreement = make_agreement()
    client.force_login(staff_member)
    for signatory in agreement.signatories.order_by("order"):
        sign_through(signatory)
    assert client.get(url("agreement-final", agreement.pk)).status_code == 404

    finalising.finalise_agreement(agreement_pk=agreement.pk)

    response = client.get(url("agreement-final", agreement.pk))
    agreement.refresh_from_db()
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert finalising.verify_file(b"".join(response.streaming_content)).agreement == agreement


def test_the_list_costs_the_same_queries_at_one_and_three_agreements(client, staff_member, count_queries):
    from tests.factories import SignatoryFactory

    client.force_login(staff_member)
    counts = []
    for add in (1, 2):
        SignatoryFactory.create_batch(add)
        client.get(url("agreement-list"))
        with count_queries() as counted:
            response = client.get(url("agreement-list"))
        assert response.status_code == 200
        counts.append(counted.count)

    assert Agreement.objects.count() == 3
    assert counts[0] == counts[1]
