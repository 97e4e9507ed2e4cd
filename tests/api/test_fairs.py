"""The online fair through the API: public booths, and a participant's own recommendations,
requests and agenda with their own token."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api
from tests.factories import IndustryFactory
from tests.matchmaking.factories import (
    BoothFactory,
    FairFactory,
    ParticipantFactory,
    ProductFactory,
    SlotFactory,
    TableFactory,
)
from yunzhao.api.tokens import issue_token
from yunzhao.matchmaking import indexing, planning

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    fair = FairFactory()
    storage = IndustryFactory(code="38", name="电气机械和器材制造业")
    booth = BoothFactory(
        fair=fair,
        name_zh_hans="华光储能科技有限公司",
        name_en="Huaguang Energy Storage",
        name_ja="華光蓄電技術株式会社",
        description_en="Lithium battery storage; we seek distributors in Japan.",
        industry=storage,
    )
    ProductFactory(booth=booth)
    indexing.rebuild_index()
    seller = ParticipantFactory(fair=fair, booth=booth, role="exhibitor", country="CN", intents=["sell"])
    seller.industries.add(storage)
    buyer = ParticipantFactory(
        fair=fair, role="buyer", country="JP", intents=["buy", "distribute"], about="リチウム電池の販売代理店"
    )
    buyer.industries.add(storage)
    for _ in range(3):
        SlotFactory(fair=fair)
    TableFactory(fair=fair)
    return {"fair": fair, "booth": booth, "seller": seller, "buyer": buyer}


def api_for(client, participant, language="en"):
    return Api(client, issue_token(owner=participant.user, name="fair")[1], language)


def test_anyone_reads_the_fair_and_finds_a_booth_by_its_japanese_name(client, fair):
    public = Api(client, None)
    slug = fair["fair"].slug
    read = public.get(f"/fairs/{slug}")
    assert read.status_code == 200
    assert read.json()["halls"][0]["booths"] == 1
    found = public.get(f"/fairs/{slug}/booths", {"q": "蓄電"}).json()
    assert [b["name"] for b in found["items"]] == ["Huaguang Energy Storage"]
    assert public.get(f"/fairs/{slug}/booths", {"q": "robotics"}).json()["count"] == 0
    booth = public.get(f"/fairs/{slug}/booths/{fair['booth'].pk}").json()
    assert booth["products"][0]["name"] == "LFP energy storage cabinet"
    assert public.get("/fairs/no-such-fair").status_code == 404


def test_a_buyer_is_recommended_the_exhibitor_requests_a_meeting_and_sees_it_on_the_agenda(client, fair):
    slug = fair["fair"].slug
    buyer, seller = api_for(client, fair["buyer"]), api_for(client, fair["seller"], language="zh-hans")
    profile = buyer.get(f"/fairs/{slug}/me").json()
    assert (profile["country"], profile["industries"], profile["intents"]) == ("JP", ["38"], ["buy", "distribute"])
    recommended = buyer.get(f"/fairs/{slug}/recommendations").json()
    assert recommended[0]["participant"]["id"] == fair["seller"].pk
    assert recommended[0]["reasons"]  # in English, as asked
    sent = buyer.post(f"/fairs/{slug}/requests", {"recipient": fair["seller"].pk, "message": "Let us meet"})
    assert sent.status_code == 201, sent.content
    again = buyer.post(f"/fairs/{slug}/requests", {"recipient": fair["seller"].pk})
    assert again.status_code == 409
    request_id = sent.json()["id"]
    accepted = seller.post(f"/fairs/{slug}/requests/{request_id}/accept", {"note": "好的"})
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    run = planning.run_schedule(fair=fair["fair"], by=None, seconds=5)
    assert run.placed == 1, run.unscheduled
    planning.publish_schedule(fair=fair["fair"], by=None)
    agenda = buyer.get(f"/fairs/{slug}/agenda").json()
    assert len(agenda) == 1
    assert agenda[0]["others"][0]["id"] == fair["seller"].pk


def test_a_participant_cannot_answer_a_request_they_sent_and_others_cannot_see_it(client, fair):
    slug = fair["fair"].slug
    buyer = api_for(client, fair["buyer"])
    sent = buyer.post(f"/fairs/{slug}/requests", {"recipient": fair["seller"].pk}).json()
    assert buyer.post(f"/fairs/{slug}/requests/{sent['id']}/accept", {}).status_code == 409
    stranger = ParticipantFactory(fair=fair["fair"])
    assert api_for(client, stranger).post(f"/fairs/{slug}/requests/{sent['id']}/cancel").status_code == 404
    cancelled = buyer.post(f"/fairs/{slug}/requests/{sent['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
