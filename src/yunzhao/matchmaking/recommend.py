"""Whom a participant should meet: the recommendation engine over a fair's participants.

``recommendations_for(participant)`` builds (or reuses) the fair's
:class:`~yunzhao.matchmaking.recommending.RecommendationIndex` of its active, consenting
participants, with the organiser's rules (``Fair.meeting_rules`` as ``roles_rule``) and the
colleagues of one booth kept apart, and renders each recommendation's reasons in the reader's
language.  Mutual interest ranks higher inside the engine (``scoring.MUTUAL_BONUS``: each
side wants what the other offers).

The index is cached per fair in this process, keyed by the number of participants, the
newest ``Participant.updated_at`` and ``Booth.updated_at`` and the rules, so an edited profile
or booth counts at the next page view.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from yunzhao.crm.models import Industry
from yunzhao.matchmaking.meeting_requests import live
from yunzhao.matchmaking.models import Booth, Fair, MeetingRequest, Participant
from yunzhao.matchmaking.recommending import (
    COMPANY_SIZES,
    INTENTS,
    LANGUAGES,
    ROLES,
    Profile,
    RecommendationIndex,
    render_reasons,
    roles_rule,
)
from yunzhao.matchmaking.recommending.reasons import country_name


def _is_code(code: str) -> bool:
    return (len(code) == 1 and code.isalpha() and code.isupper()) or (len(code) == 2 and code.isdigit())


def _amount(value: Any) -> float | None:
    return None if value is None else float(value)


def profile_text(participant: Participant) -> str:
    """The organisation, the about text and the booth's name and description in every language."""
    parts = [participant.organisation, participant.about]
    booth = participant.booth
    if booth is not None:
        for code, _name in settings.LANGUAGES:
            for field in ("name", "description"):
                parts.append(getattr(booth, build_localized_fieldname(field, code), "") or "")
    return "\n".join(dict.fromkeys(part for part in parts if part))


def profile_of(participant: Participant) -> Profile:
    """The engine's view of a participant (industries and booth prefetched by the caller)."""
    codes = [industry.code for industry in participant.industries.all() if _is_code(industry.code)]
    booth = participant.booth
    if not codes and booth is not None and booth.industry is not None and _is_code(booth.industry.code):
        codes = [booth.industry.code]
    return Profile(
        id=participant.pk,
        role=participant.role if participant.role in ROLES else "partner",
        industries=tuple(dict.fromkeys(codes)),
        sought_countries=frozenset(str(c).upper() for c in participant.sought_countries or ()),
        offered_countries=frozenset(str(c).upper() for c in participant.offered_countries or ()),
        intents=frozenset(i for i in participant.intents or () if i in INTENTS),
        company_size=participant.company_size if participant.company_size in COMPANY_SIZES else None,
        deal_min=_amount(participant.deal_min),
        deal_max=_amount(participant.deal_max),
        text=profile_text(participant),
        language=participant.language if participant.language in LANGUAGES else "en",
    )


def matchable(fair: Fair) -> QuerySet[Participant]:
    """The participants the recommendations consider: active, with their consent."""
    return Participant.objects.filter(fair=fair, is_active=True, consent_at__isnull=False)


@dataclass
class _Entry:
    key: tuple[Any, ...]
    index: RecommendationIndex


_cache: dict[int, _Entry] = {}
_lock = threading.Lock()


def _key(fair: Fair) -> tuple[Any, ...]:
    people = matchable(fair).aggregate(count=Count("pk"), newest=Max("updated_at"))
    booths = Booth.objects.filter(fair=fair).aggregate(newest=Max("updated_at"))
    rules = json.dumps(fair.meeting_rules or {}, sort_keys=True)
    return (people["count"], people["newest"], booths["newest"], rules)


def build_index(fair: Fair) -> RecommendationIndex:
    participants = list(
        matchable(fair)
        .select_related("booth__industry")
        .prefetch_related(Prefetch("industries", queryset=Industry.objects.only("pk", "code")))
        .order_by("pk")
    )
    by_booth: dict[int, list[int]] = defaultdict(list)
    for participant in participants:
        if participant.booth_id is not None:
            by_booth[participant.booth_id].append(participant.pk)
    colleagues = [(a, b) for pks in by_booth.values() for i, a in enumerate(pks) for b in pks[i + 1 :]]
    rules = fair.meeting_rules or {}
    may_meet = roles_rule({str(role): set(roles) for role, roles in rules.items()}) if rules else None
    return RecommendationIndex((profile_of(p) for p in participants), may_meet=may_meet, excluded=colleagues)


def index_for(fair: Fair) -> RecommendationIndex:
    """The fair's index, rebuilt when a participant or booth has changed since it was built."""
    key = _key(fair)
    with _lock:
        entry = _cache.get(fair.pk)
        if entry is not None and entry.key == key:
            return entry.index
    index = build_index(fair)
    with _lock:
        _cache[fair.pk] = _Entry(key, index)
    return index


def clear_cache() -> None:
    with _lock:
        _cache.clear()


@dataclass(frozen=True)
class Recommended:
    """One participant to meet, with the reasons as sentences and what is already between them."""

    participant: Participant
    score: float
    reasons: list[str]
    country: str
    they_asked: bool
    you_asked: bool


def _asked(me: Participant, others: Iterable[int]) -> tuple[set[int], set[int]]:
    """Of ``others``: who has a live request to ``me``, and to whom ``me`` has one."""
    others = list(others)
    rows = MeetingRequest.objects.filter(
        live(timezone.now()), Q(sender=me, recipient__in=others) | Q(recipient=me, sender__in=others)
    ).values_list("sender_id", "recipient_id")
    they, you = set(), set()
    for sender_id, recipient_id in rows:
        if sender_id == me.pk:
            you.add(recipient_id)
        else:
            they.add(sender_id)
    return they, you


def recommendations_for(participant: Participant, k: int = 20, language: str | None = None) -> list[Recommended]:
    """The best ``k`` participants for ``participant`` to meet, best first, with reasons in
    ``language`` (default: the active language, the reader's)."""
    index = index_for(participant.fair)
    if participant.pk not in index.profiles:
        return []
    found = index.recommend(participant.pk, k)
    people = Participant.objects.select_related("booth").in_bulk([r.profile_id for r in found])
    they, you = _asked(participant, people)
    reader = language or translation.get_language() or settings.LANGUAGE_CODE
    return [
        Recommended(
            participant=people[r.profile_id],
            score=r.score,
            reasons=render_reasons(r.reasons, reader),
            country=country_name(people[r.profile_id].country, reader),
            they_asked=r.profile_id in they,
            you_asked=r.profile_id in you,
        )
        for r in found
        if r.profile_id in people
    ]
