"""An in-memory index of profiles that answers "whom should this participant meet?".

Built once (``RecommendationIndex(profiles)``), then ``recommend(profile_id, k)`` looks up
candidates through inverted indexes — by division, by section, by complementary intent, by
country offered for each country sought (and the reverse), and by text token — scores only
those candidates (``scoring.score_pair``; the text cosine is accumulated from the token
postings) and keeps the best ``k`` with ``heapq``; only the ``k`` kept are explained
(their reasons).  Tokens held by more than ``COMMON_TOKEN_SHARE`` of all profiles (and by
more than ``COMMON_TOKEN_MIN_DF``) are left out of the postings: they would bring nearly
every profile as a candidate and carry little information.  The text cosine is therefore
summed over the posted tokens only, which changes it little since the tokens left out have
the lowest IDF.

Organiser rules are applied before ranking: ``may_meet(me, them)`` (e.g.
``roles_rule({"buyer": {"exhibitor"}})``) and ``excluded`` pairs of profile ids.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from yunzhao.matchmaking.recommending.profile import COMPLEMENTS, Profile
from yunzhao.matchmaking.recommending.scoring import Reason, score_pair, section_of
from yunzhao.matchmaking.recommending.text import Vocabulary, is_displayable, tokens

COMMON_TOKEN_SHARE = 0.2
COMMON_TOKEN_MIN_DF = 100
SHARED_TERMS_SHOWN = 3

MayMeet = Callable[[Profile, Profile], bool]


@dataclass(frozen=True)
class Recommendation:
    profile_id: int
    score: float
    reasons: tuple[Reason, ...]


def roles_rule(allowed: Mapping[str, Collection[str]]) -> MayMeet:
    """A ``may_meet`` rule from the roles each role may meet; roles not named meet anyone.

    ``roles_rule({"buyer": {"exhibitor"}, "exhibitor": {"buyer", "investor"}})``: buyers only
    with exhibitors, exhibitors with buyers and investors.  A pair must be allowed both ways.
    """

    def may_meet(me: Profile, them: Profile) -> bool:
        mine = allowed.get(me.role)
        theirs = allowed.get(them.role)
        return (mine is None or them.role in mine) and (theirs is None or me.role in theirs)

    return may_meet


class RecommendationIndex:
    def __init__(
        self,
        profiles: Iterable[Profile],
        *,
        may_meet: MayMeet | None = None,
        excluded: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.profiles: dict[int, Profile] = {}
        for profile in profiles:
            if profile.id in self.profiles:
                raise ValueError(f"duplicate profile id {profile.id}")
            self.profiles[profile.id] = profile
        self.may_meet = may_meet
        self.excluded = {frozenset(pair) for pair in excluded}

        self.by_division: dict[str, list[int]] = defaultdict(list)
        self.by_section: dict[str, list[int]] = defaultdict(list)
        self.by_intent: dict[str, list[int]] = defaultdict(list)
        self.by_offered: dict[str, list[int]] = defaultdict(list)
        self.by_sought: dict[str, list[int]] = defaultdict(list)
        for pid, profile in self.profiles.items():
            for code in profile.industries:
                if code.isdigit():
                    self.by_division[code].append(pid)
            for section in {section_of(code) for code in profile.industries}:
                self.by_section[section].append(pid)
            for intent in profile.wanted:
                self.by_intent[intent].append(pid)
            for country in profile.offered_countries:
                self.by_offered[country].append(pid)
            for country in profile.sought_countries:
                self.by_sought[country].append(pid)

        token_lists = {pid: tokens(profile.text) for pid, profile in self.profiles.items()}
        self.vocabulary = Vocabulary(token_lists.values())
        self.vectors = {pid: self.vocabulary.vector(document) for pid, document in token_lists.items()}
        limit = max(COMMON_TOKEN_MIN_DF, COMMON_TOKEN_SHARE * len(self.profiles))
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for pid, vector in self.vectors.items():
            for token, weight in vector.items():
                if self.vocabulary.df[token] <= limit:
                    self.postings[token].append((pid, weight))

    def __len__(self) -> int:
        return len(self.profiles)

    def _candidates(self, me: Profile) -> tuple[set[int], dict[int, float]]:
        candidates: set[int] = set()
        for code in me.industries:
            if code.isdigit():
                candidates.update(self.by_division.get(code, ()))
        for section in {section_of(code) for code in me.industries}:
            candidates.update(self.by_section.get(section, ()))
        for intent in me.wanted:
            for theirs in COMPLEMENTS[intent]:
                candidates.update(self.by_intent.get(theirs, ()))
        for country in me.sought_countries:
            candidates.update(self.by_offered.get(country, ()))
        for country in me.offered_countries:
            candidates.update(self.by_sought.get(country, ()))
        similarity: dict[int, float] = defaultdict(float)
        for token, weight in self.vectors[me.id].items():
            for pid, other in self.postings.get(token, ()):
                similarity[pid] += weight * other
        candidates.update(similarity)
        return candidates, similarity

    def allowed(self, me: Profile, them: Profile) -> bool:
        if me.id == them.id or frozenset((me.id, them.id)) in self.excluded:
            return False
        return self.may_meet is None or self.may_meet(me, them)

    def recommend(self, profile_id: int, k: int = 10) -> list[Recommendation]:
        """The best ``k`` participants for ``profile_id`` to meet, best first, with reasons."""
        me = self.profiles[profile_id]
        candidates, similarity = self._candidates(me)
        profiles = self.profiles
        scored: list[tuple[float, int]] = []
        for pid in candidates:
            them = profiles[pid]
            if not self.allowed(me, them):
                continue
            score, _ = score_pair(me, them, similarity.get(pid, 0.0))
            if score > 0:
                scored.append((score, -pid))
        best = heapq.nlargest(k, scored)
        return [self._explained(me, profiles[-negative], similarity.get(-negative, 0.0)) for _, negative in best]

    def _explained(self, me: Profile, them: Profile, similarity: float) -> Recommendation:
        mine, theirs = self.vectors[me.id], self.vectors[them.id]
        shared = sorted(
            (token for token in mine.keys() & theirs.keys() if is_displayable(token)),
            key=lambda token: (-mine[token] * theirs[token], token),
        )
        score, reasons = score_pair(me, them, similarity, shared_terms=shared[:SHARED_TERMS_SHOWN], explain=True)
        return Recommendation(them.id, score, tuple(reasons))
