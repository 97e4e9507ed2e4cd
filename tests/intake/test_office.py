"""The back office's review queue: who sees it, who answers, the files, and the two answers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import EnterpriseFactory, UserFactory
from tests.intake.factories import FilingFactory, division, pdf_bytes
from yunzhao.accounts.models import Role
from yunzhao.crm.duplicates import sync_name_keys
from yunzhao.intake.models import Attachment, FilingStatus
from yunzhao.pipeline.models import Project, Source, Stage

pytestmark = pytest.mark.django_db


def attach(filing) -> Attachment:
    attachment = Attachment(filing=filing, original_name="計画書.pdf", detected_type="pdf", size=len(pdf_bytes()))
    attachment.file.save("x.pdf", ContentFile(pdf_bytes()), save=True)
    return attachment


@pytest.mark.parametrize(
    ("role", "list_status", "detail_status", "can_act"),
    [
        (Role.OFFICER, 200, 200, True),
        (Role.DEPARTMENT_HEAD, 200, 200, True),
        (Role.ADMINISTRATOR, 200, 200, True),
        (Role.LEADER, 200, 200, False),
        (Role.INVESTOR, 403, 403, False),
        (Role.EXHIBITOR, 403, 403, False),
    ],
)
def test_office_pages_per_role(client, department, role, list_status, detail_status, can_act):
    filing = FilingFactory()
    attachment = attach(filing)
    user = UserFactory(role=role, department=department if role in {Role.OFFICER, Role.DEPARTMENT_HEAD} else None)
    client.force_login(user)
    assert client.get("/en/office/filings/").status_code == list_status
    detail = client.get(f"/en/office/filings/{filing.pk}/")
    assert detail.status_code == detail_status
    if detail_status == 200:
        assert ("Accept into the pipeline" in detail.content.decode()) is can_act
        download = client.get(f"/en/office/filings/attachments/{attachment.pk}/")
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert "attachment;" in download["Content-Disposition"]
        assert b"".join(download.streaming_content).startswith(b"%PDF-")
    else:
        assert client.get(f"/en/office/filings/attachments/{attachment.pk}/").status_code == 403
    response = client.post(f"/en/office/filings/{filing.pk}/decline/", {"reason": "No."})
    assert response.status_code == (302 if can_act else 403)


def test_a_visitor_is_sent_to_sign_in(client):
    filing = FilingFactory()
    attachment = attach(filing)
    for url in (
        "/en/office/filings/",
        f"/en/office/filings/{filing.pk}/",
        f"/en/office/filings/attachments/{attachment.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_queue_filters_by_status_country_industry_and_age(officer_client):
    industry = division()
    old = FilingFactory(company_country="JP", industry=industry, title="古い案件")
    old.submitted_at = timezone.now() - dt.timedelta(days=40)
    old.save()
    FilingFactory(company_country="AE", title="Gulf logistics hub")
    FilingFactory(company_country="ES", title="Planta de alimentos", status=FilingStatus.DECLINED)

    def titles(query: str) -> list[str]:
        response = officer_client.get(f"/en/office/filings/{query}")
        return [f.title for f in response.context["object_list"]]

    assert titles("") == ["古い案件", "Gulf logistics hub"]
    assert titles("?status=declined") == ["Planta de alimentos"]
    assert titles("?status=all&country=ES") == ["Planta de alimentos"]
    assert titles(f"?industry={industry.parent_id}") == ["古い案件"]
    assert titles("?age=30") == ["古い案件"]


def test_an_officer_accepts_linking_the_duplicate_shown_first(officer_client, officer, department):
    on_file = EnterpriseFactory(name_zh_hans="菅野电池", name_en="Kanno Battery Co., Ltd.", country="JP")
    sync_name_keys(on_file)
    filing = FilingFactory(company_name="KANNO BATTERY K.K.", language="en")
    page = officer_client.get(f"/en/office/filings/{filing.pk}/").content.decode()
    assert "Probably already on file" in page
    assert "same name ignoring width, script and case" in page
    assert f'value="{on_file.pk}"' in page
    response = officer_client.post(
        f"/en/office/filings/{filing.pk}/accept/",
        {"enterprise": str(on_file.pk), "department": str(department.pk), "owner": str(officer.pk)},
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/office/projects/{project.pk}/"
    assert (project.enterprise, project.stage, project.source) == (on_file, Stage.LEAD, Source.ONLINE_FILING)


def test_an_officer_accepts_creating_a_new_enterprise(officer_client, officer, department):
    filing = FilingFactory(company_name="Gulf Bridge Logistics LLC", company_country="AE", language="ar")
    response = officer_client.post(
        f"/en/office/filings/{filing.pk}/accept/", {"enterprise": "0", "department": str(department.pk)}
    )
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.ACCEPTED
    assert filing.enterprise.name_ar == "Gulf Bridge Logistics LLC"
    # A second accept (another officer's stale page) is refused with a message.
    response = officer_client.post(
        f"/en/office/filings/{filing.pk}/accept/", {"enterprise": "0", "department": str(department.pk)}, follow=True
    )
    assert "This filing has already been decided." in response.content.decode()
    assert Project.objects.count() == 1


def test_declining_without_a_reason_shows_the_form_again(officer_client):
    filing = FilingFactory()
    response = officer_client.post(f"/en/office/filings/{filing.pk}/decline/", {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED


def test_take_into_review(officer_client):
    filing = FilingFactory()
    assert officer_client.post(f"/en/office/filings/{filing.pk}/review/").status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.IN_REVIEW


def test_queue_query_count_does_not_grow(officer_client, count_queries):
    industry = division()
    FilingFactory(industry=industry)
    officer_client.get("/en/office/filings/")
    with count_queries() as one:
        officer_client.get("/en/office/filings/")
    FilingFactory.create_batch(2, industry=industry, company_country="KR")
    with count_queries() as three:
        officer_client.get("/en/office/filings/")
    assert one.count == three.count


@pytest.mark.parametrize(
    ("role", "expected"),
    [(Role.OFFICER, 405), (Role.LEADER, 405), (Role.ADMINISTRATOR, 405), (Role.INVESTOR, 403), (None, 302)],
)
def test_the_action_url_is_no_page(client, department, role, expected):
    filing = FilingFactory()
    if role is not None:
        client.force_login(UserFactory(role=role, department=department if role == Role.OFFICER else None))
    assert client.get(f"/en/office/filings/{filing.pk}/accept/").status_code == expected
