"""The score of one participant for another, and the reasons behind it.

``score_pair(me, them, text_similarity)`` is directed: how good a meeting with ``them`` is
for ``me``.  Its parts:

* industry — the best pair of stated codes: the same division ``SAME_DIVISION``, the same
  section (two divisions of one section, a section and one of its divisions, or the same
  section) ``SAME_SECTION``;
* intents (stated, else the role's: ``Profile.wanted``) — each complementary pair (buy↔sell, invest↔seek_investment, distribute↔sell,
  partner↔partner) ``INTENT_MATCH``, the first counting fully and further ones half;
  the same one-sided intent on both sides (two buyers) ``SAME_INTENT_PENALTY`` when they
  have no complementary pair;
* countries — each country I seek where they operate ``COUNTRY_WANTED`` (at most two
  count), each country they seek where I operate ``COUNTRY_WANTED_BACK``;
* sizes — overlapping deal-size ranges ``DEAL_OVERLAP``, company sizes at most two ranks
  apart ``SIZE_FIT``;
* text — the cosine of the two folded TF-IDF vectors times ``TEXT_WEIGHT``, or
  ``TEXT_WEIGHT_NO_INDUSTRY`` when either side states no industry (the text is then the
  only evidence of what they do);
* mutual interest — when each side wants something the other offers (a complementary
  intent, or a country sought by one and offered by the other in both directions), the
  sum is multiplied by ``MUTUAL_BONUS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from yunzhao.matchmaking.recommending.profile import COMPANY_SIZES, COMPLEMENTS, Profile

SAME_DIVISION = 3.0
SAME_SECTION = 1.2
INTENT_MATCH = 2.5
SAME_INTENT_PENALTY = -1.0
COUNTRY_WANTED = 1.0
COUNTRY_WANTED_BACK = 0.7
DEAL_OVERLAP = 0.4
SIZE_FIT = 0.2
TEXT_WEIGHT = 1.5
TEXT_WEIGHT_NO_INDUSTRY = 3.0
TEXT_REASON_MIN = 0.08
MUTUAL_BONUS = 1.25

#: Intents that two participants sharing them compete on rather than meet for.
ONE_SIDED = frozenset({"buy", "sell", "invest", "seek_investment", "distribute"})


@dataclass(frozen=True)
class Reason:
    """Why a participant is recommended: a kind and its parameters (rendered by ``reasons``)."""

    kind: str
    params: dict[str, Any]

    def as_tuple(self) -> tuple[str, dict[str, Any]]:
        return (self.kind, self.params)


@lru_cache(maxsize=256)
def section_of(code: str) -> str:
    """The section letter of a code: itself for a section, its section for a division."""
    if code.isalpha():
        return code
    # Imported late: yunzhao.crm.industries imports the CRM models.
    from yunzhao.crm.industries import section_of as gbt_section_of

    return gbt_section_of(code)


def industry_match(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[float, Reason | None]:
    best: tuple[float, Reason | None] = (0.0, None)
    for a in mine:
        for b in theirs:
            if a == b and a.isdigit():
                return SAME_DIVISION, Reason("same_division", {"code": a})
            section = section_of(a)
            if section == section_of(b) and best[0] < SAME_SECTION:
                best = (SAME_SECTION, Reason("same_section", {"code": section}))
    return best


def intent_pairs(mine: frozenset[str], theirs: frozenset[str]) -> list[tuple[str, str]]:
    return [(m, t) for m in sorted(mine) for t in COMPLEMENTS[m] if t in theirs]


def deal_overlap(me: Profile, them: Profile) -> bool:
    if (me.deal_min is None and me.deal_max is None) or (them.deal_min is None and them.deal_max is None):
        return False
    low = max(me.deal_min or 0.0, them.deal_min or 0.0)
    high = min(
        me.deal_max if me.deal_max is not None else float("inf"),
        them.deal_max if them.deal_max is not None else float("inf"),
    )
    return low <= high


def size_fit(me: Profile, them: Profile) -> bool:
    if me.company_size is None or them.company_size is None:
        return False
    return abs(COMPANY_SIZES.index(me.company_size) - COMPANY_SIZES.index(them.company_size)) <= 2


def score_pair(
    me: Profile,
    them: Profile,
    text_similarity: float = 0.0,
    *,
    shared_terms: list[str] | None = None,
    explain: bool = False,
) -> tuple[float, list[Reason]]:
    """Directed score of ``them`` for ``me`` and, with ``explain``, its reasons, strongest first."""
    reasons: list[Reason] = []
    score = 0.0

    industry, industry_reason = industry_match(me.industries, them.industries)
    score += industry
    if explain and industry_reason:
        reasons.append(industry_reason)

    pairs = intent_pairs(me.wanted, them.wanted)
    if pairs:
        score += INTENT_MATCH * (1 + 0.5 * (len(pairs) - 1))
        if explain:
            reasons += [Reason("intent_match", {"mine": m, "theirs": t}) for m, t in pairs]
    elif me.wanted & them.wanted & ONE_SIDED:
        score += SAME_INTENT_PENALTY

    wanted = me.sought_countries & them.offered_countries
    wanted_back = them.sought_countries & me.offered_countries
    score += COUNTRY_WANTED * min(len(wanted), 2) + COUNTRY_WANTED_BACK * min(len(wanted_back), 2)
    if explain:
        reasons += [Reason("country_match", {"country": c}) for c in sorted(wanted)]
        reasons += [Reason("country_match_back", {"country": c}) for c in sorted(wanted_back)]

    if deal_overlap(me, them):
        score += DEAL_OVERLAP
        if explain:
            reasons.append(Reason("deal_size_match", {}))
    if size_fit(me, them):
        score += SIZE_FIT

    if text_similarity > 0:
        weight = TEXT_WEIGHT if me.industries and them.industries else TEXT_WEIGHT_NO_INDUSTRY
        score += weight * text_similarity
        if explain and text_similarity >= TEXT_REASON_MIN and shared_terms:
            reasons.append(Reason("text_match", {"terms": shared_terms}))

    mutual = bool(pairs) or bool(wanted and wanted_back)
    if mutual and score > 0:
        score *= MUTUAL_BONUS
        if explain:
            reasons.append(Reason("mutual", {}))
    return score, reasons
