"""Recommendations over a fair's participants: profiles read from the database, reasons in the
reader's language, Japanese text finding Chinese, the organiser's rules, the per-fair cache."""

from __future__ import annotations

import pytest

from tests.matchmaking.factories import BoothFactory, FairFactory, ParticipantFactory
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Industry
from yunzhao.matchmaking import meeting_requests, recommend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _industries_and_fresh_cache():
    load_industries()
    recommend.clear_cache()
    yield
    recommend.clear_cache()


def industry(code: str) -> Industry:
    return Industry.objects.get(code=code)


def battery_fair():
    """A Japanese buyer of storage batteries, a Chinese maker of them, and a textile mill."""
    fair = FairFactory()
    buyer = ParticipantFactory(
        fair=fair,
        role="buyer",
        organisation="さくら商事",
        language="ja",
        intents=["buy"],
        sought_countries=["CN"],
        offered_countries=["JP"],
        about="家庭用蓄電池とリチウム電池を中国から輸入したい",
    )
    buyer.industries.set([industry("38")])
    booth = BoothFactory(
        fair=fair, name_zh_hans="华光储能科技", description_zh_hans="储能系统与锂电池的研发、生产和销售", country="CN"
    )
    maker = ParticipantFactory(
        fair=fair,
        role="exhibitor",
        booth=booth,
        organisation="华光储能科技",
        country="CN",
        language="zh-hans",
        intents=["sell"],
        offered_countries=["CN"],
        sought_countries=["JP"],
        about="",
    )
    maker.industries.set([industry("38")])
    mill = ParticipantFactory(
        fair=fair, role="exhibitor", organisation="江南纺织", country="CN", intents=["sell"], about="纺织面料"
    )
    mill.industries.set([industry("17")])
    return fair, buyer, maker, mill


def test_the_best_match_comes_first_with_reasons_in_english_and_chinese():
    _fair, buyer, maker, mill = battery_fair()

    english = recommend.recommendations_for(buyer, language="en")
    chinese = recommend.recommendations_for(buyer, language="zh-hans")

    assert [r.participant for r in english][:2] == [maker, mill]
    assert english[0].reasons[:3] == [
        "Both in Manufacture of electrical machinery and equipment",
        "You want to buy; they sell",
        "You look for business in China; they operate in China",
    ]
    assert "Interest on both sides" in english[0].reasons
    assert english[0].country == "China"
    assert chinese[0].reasons[:2] == ["同属电气机械和器材制造业", "您希望采购；对方提供销售"]
    assert chinese[0].country == "中国"
    # Mutual interest (each side seeks the other's country, complementary intents) ranks higher.
    assert english[0].score > english[1].score


def test_a_japanese_profile_finds_a_chinese_one_through_the_text_alone():
    """蓄電池 / リチウム電池 fold to 蓄电池 / …电池 and meet 锂电池: the shared term is 电池.

    The engine folds Japanese kanji to simplified Chinese and compares character bigrams; it
    has no dictionary, so 蓄電池 does not meet 储能 (no character in common) — 电池 does."""
    fair = FairFactory()
    buyer = ParticipantFactory(fair=fair, role="buyer", language="ja", about="蓄電池とリチウム電池を探しています")
    maker = ParticipantFactory(
        fair=fair,
        role="exhibitor",
        booth=BoothFactory(fair=fair, name_zh_hans="华光储能", description_zh_hans="储能与锂电池"),
        organisation="华光储能",
        language="zh-hans",
        about="",
    )
    ParticipantFactory(fair=fair, role="exhibitor", organisation="江南纺织", language="zh-hans", about="纺织面料")

    found = recommend.recommendations_for(buyer, language="en")

    assert found[0].participant == maker
    assert "Your descriptions share: 电池" in found[0].reasons


def test_the_profile_text_holds_the_booth_in_every_language():
    fair = FairFactory()
    booth = BoothFactory(
        fair=fair, name_zh_hans="华光储能", name_en="Huaguang Storage", description_ja="蓄電池メーカー"
    )
    participant = ParticipantFactory(fair=fair, role="exhibitor", booth=booth, organisation="Huaguang", about="LFP")
    text = recommend.profile_text(participant)
    for part in ("Huaguang", "LFP", "华光储能", "Huaguang Storage", "蓄電池メーカー"):
        assert part in text


def test_rules_colleagues_and_withdrawn_profiles_are_left_out():
    fair, buyer, maker, mill = battery_fair()
    colleague = ParticipantFactory(
        fair=fair, role="exhibitor", booth=maker.booth, organisation="华光储能科技", intents=["sell"]
    )
    colleague.industries.set([industry("38")])
    other_buyer = ParticipantFactory(fair=fair, role="buyer", intents=["partner"])
    other_buyer.industries.set([industry("38")])
    fair.meeting_rules = {"buyer": ["exhibitor"]}
    fair.save()

    found = [r.participant for r in recommend.recommendations_for(buyer)]
    assert other_buyer not in found
    assert colleague in found
    assert colleague not in [r.participant for r in recommend.recommendations_for(maker)]

    mill.is_active = False
    mill.save()
    assert mill not in [r.participant for r in recommend.recommendations_for(buyer)]


def test_an_edited_profile_counts_at_once():
    _fair, buyer, maker, mill = battery_fair()
    assert recommend.recommendations_for(buyer)[0].participant == maker
    buyer.about = "纺织面料"
    buyer.intents = ["buy"]
    buyer.save()
    buyer.industries.set([industry("17")])
    buyer.save()
    assert recommend.recommendations_for(buyer)[0].participant == mill


def test_marks_say_who_asked_whom():
    _fair, buyer, maker, mill = battery_fair()
    meeting_requests.send_request(sender=maker, recipient=buyer)
    meeting_requests.send_request(sender=buyer, recipient=mill)
    marks = {r.participant: (r.they_asked, r.you_asked) for r in recommend.recommendations_for(buyer)}
    assert marks[maker] == (True, False)
    assert marks[mill] == (False, True)


def test_recommendations_take_a_fixed_number_of_queries(count_queries):
    fair, buyer, _maker, _mill = battery_fair()
    for n in range(10):
        ParticipantFactory(fair=fair, role="exhibitor", intents=["sell"], organisation=f"Maker {n}")
    recommend.recommendations_for(buyer)
    with count_queries() as counted:
        recommend.recommendations_for(buyer)
    assert counted.count <= 5
