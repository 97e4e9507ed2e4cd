"""The recommendation engine on small hand-made profiles whose right order is known."""

from __future__ import annotations

import math

import pytest
from django.utils import translation

from yunzhao.matchmaking.recommending import (
    Profile,
    Reason,
    Recommendation,
    RecommendationIndex,
    ndcg,
    render_reasons,
    roles_rule,
)
from yunzhao.matchmaking.recommending.evaluation import dcg
from yunzhao.matchmaking.recommending.text import fold, tokens


def kinds(recommendation: Recommendation) -> list[str]:
    return [reason.kind for reason in recommendation.reasons]


def ids(index: RecommendationIndex, pid: int, k: int = 10) -> list[int]:
    return [r.profile_id for r in index.recommend(pid, k)]


def test_recommend_puts_complementary_intent_before_same_intent():
    me = Profile(id=1, role="buyer", industries=("38",), intents=frozenset({"buy"}))
    seller = Profile(id=2, role="exhibitor", industries=("38",), intents=frozenset({"sell"}))
    other_buyer = Profile(id=3, role="buyer", industries=("38",), intents=frozenset({"buy"}))
    index = RecommendationIndex([me, other_buyer, seller])

    found = index.recommend(1)

    assert found[0].profile_id == 2
    assert found[0].reasons[:2] == (
        Reason("same_division", {"code": "38"}),
        Reason("intent_match", {"mine": "buy", "theirs": "sell"}),
    )
    scores = {r.profile_id: r.score for r in found}
    assert scores.get(3, 0.0) < scores[2]


def test_recommend_puts_same_division_before_same_section():
    me = Profile(id=1, industries=("38",), intents=frozenset({"distribute"}))
    division = Profile(id=2, industries=("38",), intents=frozenset({"sell"}))
    section = Profile(id=3, industries=("36",), intents=frozenset({"sell"}))
    section_only = Profile(id=4, industries=("C",), intents=frozenset({"sell"}))
    elsewhere = Profile(id=5, industries=("65",), intents=frozenset({"partner"}))
    index = RecommendationIndex([me, section, elsewhere, section_only, division])

    found = index.recommend(1)

    assert [r.profile_id for r in found][:3] == [2, 3, 4]
    assert found[0].reasons[0] == Reason("same_division", {"code": "38"})
    assert found[1].reasons[0] == Reason("same_section", {"code": "C"})
    assert found[2].reasons[0] == Reason("same_section", {"code": "C"})
    assert 5 not in [r.profile_id for r in found]


def test_fold_makes_japanese_and_traditional_characters_simplified():
    assert fold("医薬品 電池 自動車 發電 貿易") == "医药品 电池 自动车 发电 贸易"
    assert "电池" in tokens("リチウムイオン電池")


def test_recommend_finds_chinese_profile_from_japanese_text():
    me = Profile(id=1, role="buyer", text="リチウムイオン電池を購入したい", language="ja")
    battery = Profile(id=2, role="exhibitor", text="锂电池 生产 销售", language="zh-hans")
    textile = Profile(id=3, role="exhibitor", text="纺织面料 生产 销售", language="zh-hans")
    english = Profile(id=4, role="exhibitor", text="textile fabrics", language="en")
    index = RecommendationIndex([me, textile, english, battery])

    found = index.recommend(1)

    # All three sellers complement a buyer (intents from the role); the text decides.
    assert found[0].profile_id == 2
    assert sorted(r.profile_id for r in found[1:]) == [3, 4]
    assert kinds(found[0]) == ["intent_match", "text_match", "mutual"]
    assert "电池" in found[0].reasons[1].params["terms"]
    assert "text_match" not in kinds(found[1])


def test_recommend_puts_mutual_interest_first():
    me = Profile(
        id=1,
        role="investor",
        industries=("38",),
        sought_countries=frozenset({"JP"}),
        offered_countries=frozenset({"CN"}),
    )
    one_sided = Profile(id=2, industries=("38",), offered_countries=frozenset({"JP"}))
    mutual = Profile(id=3, industries=("38",), offered_countries=frozenset({"JP"}), sought_countries=frozenset({"CN"}))
    index = RecommendationIndex([me, one_sided, mutual])

    found = index.recommend(1)

    assert [r.profile_id for r in found] == [3, 2]
    assert kinds(found[0]) == ["same_division", "country_match", "country_match_back", "mutual"]
    assert found[0].reasons[1] == Reason("country_match", {"country": "JP"})
    assert kinds(found[1]) == ["same_division", "country_match"]


def test_recommend_applies_organiser_rules_before_ranking():
    buyer = Profile(id=1, role="buyer", industries=("38",), intents=frozenset({"buy"}))
    seller = Profile(id=2, role="exhibitor", industries=("38",), intents=frozenset({"sell"}))
    excluded_seller = Profile(id=3, role="exhibitor", industries=("38",), intents=frozenset({"sell"}))
    partner = Profile(id=4, role="partner", industries=("38",), intents=frozenset({"partner", "sell"}))
    profiles = [buyer, seller, excluded_seller, partner]

    assert sorted(ids(RecommendationIndex(profiles), 1)) == [2, 3, 4]
    ruled = RecommendationIndex(profiles, may_meet=roles_rule({"buyer": {"exhibitor"}}), excluded=[(3, 1)])
    assert ids(ruled, 1) == [2]
    assert 1 not in ids(ruled, 3)
    assert 1 not in ids(ruled, 4)


def test_recommend_returns_at_most_k_and_never_oneself():
    profiles = [Profile(id=i, industries=("38",), intents=frozenset({"partner"})) for i in range(30)]
    index = RecommendationIndex(profiles)

    found = ids(index, 7, k=5)

    assert len(found) == 5
    assert 7 not in found


def test_index_rejects_duplicate_ids():
    with pytest.raises(ValueError, match="duplicate profile id 1"):
        RecommendationIndex([Profile(id=1), Profile(id=1)])


def test_profile_rejects_unknown_codes():
    with pytest.raises(ValueError, match="not a GB/T 4754"):
        Profile(id=1, industries=("381",))
    with pytest.raises(ValueError, match="unknown intents"):
        Profile(id=1, intents=frozenset({"steal"}))


REASONS = [
    Reason("same_division", {"code": "38"}),
    Reason("same_section", {"code": "C"}),
    Reason("intent_match", {"mine": "distribute", "theirs": "sell"}),
    Reason("country_match", {"country": "JP"}),
    Reason("country_match_back", {"country": "CN"}),
    Reason("deal_size_match", {}),
    Reason("text_match", {"terms": ["电池", "锂电"]}),
    Reason("mutual", {}),
]


def test_render_reasons_in_english():
    with translation.override("en"):
        assert render_reasons(REASONS) == [
            "Both in Manufacture of electrical machinery and equipment",
            "Both in the sector Manufacturing",
            "You seek products to distribute; they sell",
            "You look for business in Japan; they operate in Japan",
            "They look for business in China, where you operate",
            "Your deal sizes overlap",
            "Your descriptions share: 电池, 锂电",
            "Interest on both sides",
        ]


def test_render_reasons_in_chinese_names_industries_and_countries_in_chinese():
    with translation.override("zh-hans"):
        rendered = render_reasons(REASONS)
    assert len(rendered) == len(REASONS)
    assert all(isinstance(sentence, str) and sentence for sentence in rendered)
    assert "电气机械和器材制造业" in rendered[0]
    assert "制造业" in rendered[1]
    assert "日本" in rendered[3]
    assert "中国" in rendered[4]
    # The explicit language wins over the active one; tuples are accepted too.
    assert render_reasons([("country_match", {"country": "JP"})], "en") == [
        "You look for business in Japan; they operate in Japan"
    ]


def test_ndcg_on_hand_example():
    # Returned relevances 3, 0, 2; the best possible order of all candidates is 3, 2, 1, 0.
    expected_dcg = 7 / math.log2(2) + 0 + 3 / math.log2(4)
    ideal = 7 / math.log2(2) + 3 / math.log2(3) + 1 / math.log2(4)
    assert dcg([3, 0, 2]) == pytest.approx(expected_dcg)
    assert ndcg([3, 0, 2], [0, 1, 2, 3]) == pytest.approx(expected_dcg / ideal)
    assert ndcg([3, 2, 1], [1, 3, 0, 2]) == pytest.approx(1.0)
    assert ndcg([], [0, 0]) == 0.0
    assert ndcg([1, 1], [1, 1, 1], k=2) == pytest.approx(1.0)
