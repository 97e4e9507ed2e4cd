"""Filings through the API: the public submission and status, the staff queue and its answers."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.api.conftest import Api
from tests.factories import UserFactory
from tests.intake.factories import FilingFactory, division
from yunzhao.accounts.models import Role
from yunzhao.api.tokens import issue_token
from yunzhao.intake.models import Filing, FilingStatus
from yunzhao.pipeline.models import Project, Source, Stage

pytestmark = pytest.mark.django_db


def api_for(client, user=None, language="en") -> Api:
    if user is None:
        return Api(client, None, language)
    _token, raw = issue_token(owner=user, name="tests")
    return Api(client, raw, language)


def body(industry) -> dict:
    return {
        "language": "ko",
        "company_name": "서울코스메틱 주식회사",
        "company_country": "KR",
        "contact_name": "김민지",
        "email": "minji@example.kr",
        "contact_languages": ["ko", "en"],
        "title": "화장품 생산 공장",
        "description": "기초 화장품 OEM 공장",
        "industry": industry.pk,
        "amount": "12000000.00",
        "currency": "USD",
        "jobs": 120,
        "consent": True,
    }


def test_submit_filing_is_public_and_answers_with_reference_and_token(client, django_capture_on_commit_callbacks):
    industry = division("26", "C")
    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(client).post("/filings", body(industry))
    assert response.status_code == 201, response.content
    filing = Filing.objects.get()
    assert response.json() == {"reference": filing.reference, "token": filing.access_token, "status": "submitted"}
    assert (filing.language, filing.company_country, filing.contact_languages) == ("ko", "KR", ["ko", "en"])
    assert mail.outbox[0].to == ["minji@example.kr"]
    assert filing.reference in mail.outbox[0].subject

    status = api_for(client).get("/filing-status", {"reference": filing.reference, "token": filing.access_token})
    assert status.status_code == 200
    assert status.json()["status"] == "submitted"
    assert status.json()["title"] == "화장품 생산 공장"
    wrong = api_for(client).get("/filing-status", {"reference": filing.reference, "token": "nope"})
    assert wrong.status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"consent": False}, "consent"),
        ({"company_country": "QQ"}, "company_country"),
        ({"currency": "XXX"}, "currency"),
        ({"email": "not-an-address"}, "email"),
        ({"expected_start": "2028-01-01", "expected_production": "2027-01-01"}, "expected_production"),
    ],
)
def test_submit_filing_refuses_what_the_form_refuses(client, change, field):
    response = api_for(client).post("/filings", {**body(division()), **change})
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Filing.objects.count() == 0


def test_submit_filing_refuses_a_section_as_industry(client):
    industry = division()
    response = api_for(client).post("/filings", {**body(industry), "industry": industry.parent_id})
    assert response.status_code == 422
    assert "industry" in response.json()["errors"]


def test_staff_list_read_accept_and_decline(client, department):
    officer = UserFactory(role=Role.OFFICER, department=department)
    api = api_for(client, officer)
    first, second = FilingFactory(), FilingFactory(company_country="AE")
    listed = api.get("/filings", {"country": "AE"}).json()
    assert listed["count"] == 1
    assert listed["items"][0]["id"] == second.pk
    assert api.get(f"/filings/{first.pk}").json()["amount"] == "50000000.00"

    accepted = api.post(f"/filings/{first.pk}/accept", {"department": department.pk, "owner": officer.pk})
    assert accepted.status_code == 200, accepted.content
    project = Project.objects.get()
    assert accepted.json()["project"] == project.pk
    assert accepted.json()["status"] == "accepted"
    assert (project.stage, project.source) == (Stage.LEAD, Source.ONLINE_FILING)
    again = api.post(f"/filings/{first.pk}/accept", {"department": department.pk})
    assert again.status_code == 409
    assert again.json()["code"] == "already_decided"

    declined = api.post(f"/filings/{second.pk}/decline", {"reason": "Not a fit for the zone."})
    assert declined.status_code == 200
    assert declined.json()["decline_reason"] == "Not a fit for the zone."
    second.refresh_from_db()
    assert second.status == FilingStatus.DECLINED


def test_a_leader_reads_but_cannot_answer_and_an_investor_gets_nothing(client, department):
    filing = FilingFactory()
    leader = api_for(client, UserFactory(role=Role.LEADER, department=None))
    assert leader.get(f"/filings/{filing.pk}").status_code == 200
    assert leader.post(f"/filings/{filing.pk}/decline", {"reason": "x"}).status_code == 403
    assert api_for(client).get("/filings").status_code == 401


def test_list_filings_query_count_does_not_grow(client, count_queries):
    api = api_for(client, UserFactory(role=Role.ADMINISTRATOR, department=None))
    FilingFactory()
    api.get("/filings")
    with count_queries() as one:
        api.get("/filings")
    FilingFactory.create_batch(2)
    with count_queries() as three:
        assert api.get("/filings").json()["count"] == 3
    assert one.count == three.count


def test_submit_filing_is_rate_limited_per_address(client, settings):
    settings.FILING_RATE_LIMIT = 2
    industry = division()
    answers = [api_for(client).post("/filings", body(industry)).status_code for _ in range(3)]
    assert answers == [201, 201, 429]
    assert Filing.objects.count() == 2
