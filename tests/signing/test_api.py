"""The agreements API: the same permissions and domain functions as the back office."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.api.conftest import BASE, Api
from tests.factories import EnterpriseFactory, UserFactory, blank_pdf
from yunzhao.accounts.models import Role
from yunzhao.api.tokens import issue_token
from yunzhao.signing.models import Agreement, AgreementStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for(client):
    def make(user, language: str = "en") -> Api:
        return Api(client, issue_token(owner=user, name="tests")[1], language)

    return make


@pytest.fixture
def officer_api(api_for, staff_member):
    return api_for(staff_member)


def upload(api: Api, agreement_id: int, data: bytes):
    return api.client.post(
        f"{BASE}/agreements/{agreement_id}/document",
        {"file": __import__("io").BytesIO(data)},
        headers=api.headers(),
    )


def test_create_fill_send_and_read_an_agreement(officer_api, run_on_commit):
    enterprise = EnterpriseFactory(name_zh_hans="海湾物流有限公司")

    created = officer_api.post(
        "/agreements",
        {"title_zh_hans": "仓储项目投资协议", "title_en": "Warehouse agreement", "enterprise": enterprise.pk},
    )
    assert created.status_code == 201, created.content
    agreement_id = created.json()["id"]
    assert created.json()["status"] == "draft"
    assert upload(officer_api, agreement_id, blank_pdf(2)).status_code == 200
    party = officer_api.post(
        f"/agreements/{agreement_id}/parties",
        {
            "enterprise": enterprise.pk,
            "signatories": [
                {"name": "Omar", "email": "omar@gulf.example.ae", "language": "ar"},
                {"name": "Layla", "title": "CFO", "email": "layla@gulf.example.ae", "language": "en"},
            ],
        },
    )
    assert party.status_code == 201, party.content
    with run_on_commit():
        sent = officer_api.post(f"/agreements/{agreement_id}/send")

    assert sent.status_code == 200, sent.content
    body = officer_api.get(f"/agreements/{agreement_id}").json()
    assert (body["status"], body["signed_count"], body["signatory_count"], body["document_pages"]) == ("sent", 0, 2, 2)
    assert [s["name"] for s in body["parties"][0]["signatories"]] == ["Omar", "Layla"]
    assert body["parties"][0]["name"] == "海湾物流有限公司"
    assert [m.to for m in mail.outbox] == [["omar@gulf.example.ae"]]
    listed = officer_api.get("/agreements", {"status": "sent"}).json()
    assert (listed["count"], listed["items"][0]["id"]) == (1, agreement_id)


def test_sending_without_a_document_is_refused(officer_api):
    agreement_id = officer_api.post("/agreements", {"title_zh_hans": "协议"}).json()["id"]

    response = officer_api.post(f"/agreements/{agreement_id}/send")

    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_a_bad_signatory_language_is_a_field_error(officer_api):
    agreement_id = officer_api.post("/agreements", {"title_zh_hans": "协议"}).json()["id"]

    response = officer_api.post(
        f"/agreements/{agreement_id}/parties",
        {"name": "X", "signatories": [{"name": "Y", "email": "y@example.com", "language": "xx"}]},
    )

    assert response.status_code == 422
    assert "language" in response.json()["errors"]


def test_void_needs_a_reason(officer_api, make_agreement):
    agreement = make_agreement()

    assert officer_api.post(f"/agreements/{agreement.pk}/void", {"reason": ""}).status_code == 422
    response = officer_api.post(f"/agreements/{agreement.pk}/void", {"reason": "重新谈判"})

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["void_reason"]) == ("voided", "重新谈判")


def test_leaders_read_but_do_not_create(api_for):
    leader = api_for(UserFactory(role=Role.LEADER, department=None))

    assert leader.get("/agreements").status_code == 200
    assert leader.post("/agreements", {"title_zh_hans": "协议"}).status_code == 403
    assert Agreement.objects.count() == 0


def test_an_unknown_agreement_is_404(officer_api):
    assert officer_api.get("/agreements/999999").status_code == 404


def test_the_list_costs_the_same_queries_at_one_and_three(officer_api, count_queries):
    from tests.factories import SignatoryFactory

    counts = []
    for add in (1, 2):
        SignatoryFactory.create_batch(add)
        with count_queries() as counted:
            response = officer_api.get("/agreements")
        assert response.status_code == 200
        counts.append(counted.count)

    assert response.json()["count"] == 3
    assert counts[0] == counts[1]


def test_statuses_in_the_api_are_the_models(officer_api):
    schema = officer_api.client.get(f"{BASE}/openapi.json").json()
    assert sorted(schema["components"]["schemas"]["AgreementStatus"]["enum"]) == sorted(AgreementStatus.values)
