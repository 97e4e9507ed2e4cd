"""Accepting a filing into the pipeline (linking a duplicate or creating the enterprise) and declining it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import EnterpriseFactory, UserFactory
from tests.intake.factories import FilingFactory, division
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.crm.duplicates import sync_name_keys
from yunzhao.crm.models import Contact, DataSource, Enterprise
from yunzhao.intake import filings
from yunzhao.intake.models import FilingStatus
from yunzhao.pipeline.models import Project, Source, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_in(department):
    return UserFactory(role=Role.OFFICER, department=department)


def test_accept_links_the_enterprise_found_by_credit_code(officer_in, department, django_capture_on_commit_callbacks):
    on_file = EnterpriseFactory(name_zh_hans="上海新能源科技有限公司", credit_code="91310000MA1FL0XX1A", country="CN")
    filing = FilingFactory(
        company_name="Shanghai New Energy Technology Co., Ltd.",
        company_country="CN",
        registration_number="91310000ma1fl0xx1a",
        language="en",
        industry=division(),
    )
    matches = filings.probable_duplicates(filing)
    assert [(m.enterprise, m.reasons) for m in matches] == [(on_file, ("credit_code",))]
    with django_capture_on_commit_callbacks(execute=True):
        result = filings.accept_filing(
            filing=filing, by=officer_in, department=department, owner=officer_in, enterprise=on_file
        )
    assert Enterprise.objects.count() == 1
    assert result.project.enterprise == on_file
    assert result.contact.enterprise == on_file
    assert mail.outbox[0].subject == f"Your project filing {filing.reference} was accepted"


def test_accept_finds_a_japanese_name_variant_and_links_it(officer_in, department):
    on_file = EnterpriseFactory(name_zh_hans="菅野电池", name_ja="菅野バッテリー株式会社", country="JP")
    sync_name_keys(on_file)
    filing = FilingFactory(company_name="㈱菅野バッテリー", company_country="JP")
    assert [m.enterprise for m in filings.probable_duplicates(filing)] == [on_file]
    result = filings.accept_filing(filing=filing, by=officer_in, department=department, enterprise=on_file)
    assert result.enterprise == on_file
    assert Enterprise.objects.count() == 1


def test_accept_creates_enterprise_contact_and_a_lead_project_from_online_filing(officer_in, department):
    industry = division()
    filing = FilingFactory(
        company_name="菅野バッテリー株式会社",
        company_country="JP",
        registration_number="0100-01-123456",
        website="https://kanno.example.jp",
        ownership="foreign",
        size="large",
        contact_name="菅野 健",
        contact_latin_name="Ken Kanno",
        contact_title="部長",
        email="kanno@example.jp",
        phone="+81 3-1234-5678",
        contact_languages=["ja", "en"],
        industry=industry,
        amount=Decimal("50000000"),
        currency="USD",
        registered_capital=Decimal("20000000"),
        jobs=300,
        land_need_mu=Decimal("120"),
        space_need_sqm=Decimal("40000"),
    )
    result = filings.accept_filing(filing=filing, by=officer_in, department=department, owner=officer_in)
    enterprise = result.enterprise
    assert (enterprise.name_zh_hans, enterprise.name_ja, enterprise.country, enterprise.registration_number) == (
        "菅野バッテリー株式会社",
        "菅野バッテリー株式会社",
        "JP",
        "0100-01-123456",
    )
    assert enterprise.credit_code is None
    assert enterprise.industry == industry
    assert enterprise.department == department
    contact = Contact.objects.get()
    assert (contact.name, contact.latin_name, contact.email, contact.languages, contact.data_source) == (
        "菅野 健",
        "Ken Kanno",
        "kanno@example.jp",
        ["ja", "en"],
        DataSource.ONLINE_FILING,
    )
    assert contact.consented
    project = Project.objects.get()
    assert (project.stage, project.source, project.planned_investment, project.currency) == (
        Stage.LEAD,
        Source.ONLINE_FILING,
        Decimal("50000000.00"),
        "USD",
    )
    assert (project.registered_capital, project.expected_jobs, project.land_need_mu, project.space_need_sqm) == (
        Decimal("20000000.00"),
        300,
        Decimal("120.00"),
        Decimal("40000.00"),
    )
    assert project.title_ja == "新エネルギー電池工場"
    assert project.owner == officer_in
    filing.refresh_from_db()
    assert (filing.status, filing.project, filing.enterprise, filing.contact, filing.decided_by) == (
        FilingStatus.ACCEPTED,
        project,
        enterprise,
        contact,
        officer_in,
    )
    assert AuditEntry.objects.filter(action="filing.accepted", target_id=str(filing.pk)).count() == 1


def test_a_second_accept_is_refused_and_changes_nothing(officer_in, department):
    filing = FilingFactory()
    filings.accept_filing(filing=filing, by=officer_in, department=department)
    with pytest.raises(filings.FilingDecidedError):
        filings.accept_filing(filing=filing, by=officer_in, department=department)
    with pytest.raises(filings.FilingDecidedError):
        filings.decline_filing(filing=filing, by=officer_in, reason="遅すぎ")
    assert Project.objects.count() == 1
    assert Enterprise.objects.count() == 1


def test_decline_e_mails_the_reason_in_the_filers_language(officer_in, django_capture_on_commit_callbacks):
    filing = FilingFactory(language="es", email="ana@example.es", contact_name="Ana García")
    with django_capture_on_commit_callbacks(execute=True):
        filings.decline_filing(filing=filing, by=officer_in, reason="El sector no encaja con la zona.")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DECLINED
    assert filing.decline_reason == "El sector no encaja con la zona."
    message = mail.outbox[0]
    assert message.to == ["ana@example.es"]
    assert "El sector no encaja con la zona." in message.body
    assert f"/es/filing/status/{filing.access_token}/" in message.body


def test_decline_needs_a_reason(officer_in):
    with pytest.raises(ValidationError):
        filings.decline_filing(filing=FilingFactory(), by=officer_in, reason="  ")


def test_submit_needs_consent():
    with pytest.raises(ValidationError):
        filings.submit_filing(values={}, language="en", consented=False)


def test_start_review_marks_it_in_review_once(officer_in):
    filing = filings.start_review(filing=FilingFactory(), by=officer_in)
    assert filing.status == FilingStatus.IN_REVIEW
    assert filings.start_review(filing=filing, by=officer_in).status == FilingStatus.IN_REVIEW
    assert AuditEntry.objects.filter(action="filing.review.started").count() == 1


def test_files_of_drafts_never_sent_are_purged_after_two_days():
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from tests.intake.factories import pdf_bytes
    from yunzhao.intake.models import Attachment
    from yunzhao.intake.tasks import purge_abandoned_attachments

    def attachment(*, filing=None, days=0):
        item = Attachment(
            filing=filing, draft="" if filing else "d", original_name="a.pdf", detected_type="pdf", size=3
        )
        item.file.save("a.pdf", ContentFile(pdf_bytes()), save=False)
        item.uploaded_at = timezone.now() - dt.timedelta(days=days)
        item.save()
        return item

    old, fresh, kept = attachment(days=3), attachment(days=1), attachment(filing=FilingFactory(), days=30)
    assert purge_abandoned_attachments() == 1
    assert set(Attachment.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}
    assert old.pk not in Attachment.objects.values_list("pk", flat=True)


def test_the_filing_form_is_in_the_sitemap_in_every_language(client):
    body = client.get("/sitemap.xml").content.decode()
    for code in ("zh-hans", "en", "ja", "ar"):
        assert f"/{code}/filing/</loc>" in body


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_accepting_at_once_make_one_project():
    import threading

    from django.db import connection

    from tests.factories import DepartmentFactory

    department = DepartmentFactory()
    officers = [UserFactory(role=Role.OFFICER, department=department) for _ in range(2)]
    filing = FilingFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(officer):
        try:
            barrier.wait()
            filings.accept_filing(filing=filing, by=officer, department=department)
            outcomes.append("accepted")
        except filings.FilingDecidedError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "refused"]
    assert Project.objects.count() == 1
