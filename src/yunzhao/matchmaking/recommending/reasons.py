"""Reasons of a recommendation as sentences in the reader's language.

Each ``Reason`` kind has one message with named placeholders; industries are named from
GB/T 4754 (Chinese for zh-hans readers, English otherwise), countries by Babel (CLDR) in
the reader's language, falling back to the ISO code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from yunzhao.matchmaking.recommending.scoring import Reason

SAME_DIVISION = _("Both in %(industry)s")
SAME_SECTION = _("Both in the sector %(industry)s")
COUNTRY_MATCH = _("You look for business in %(country)s; they operate in %(country)s")
COUNTRY_MATCH_BACK = _("They look for business in %(country)s, where you operate")
DEAL_SIZE_MATCH = _("Your deal sizes overlap")
TEXT_MATCH = _("Your descriptions share: %(terms)s")
MUTUAL = _("Interest on both sides")
INTENT_MATCH: dict[tuple[str, str], Promise] = {
    ("buy", "sell"): _("You want to buy; they sell"),
    ("sell", "buy"): _("You sell; they want to buy"),
    ("sell", "distribute"): _("You sell; they distribute"),
    ("distribute", "sell"): _("You seek products to distribute; they sell"),
    ("invest", "seek_investment"): _("You invest; they seek investment"),
    ("seek_investment", "invest"): _("You seek investment; they invest"),
    ("partner", "partner"): _("You both seek partners"),
}


@lru_cache(maxsize=1)
def _industry_names() -> dict[str, tuple[str, str]]:
    from yunzhao.crm.industries import DIVISIONS, SECTIONS

    return {entry.code: (entry.name_zh, entry.name_en) for entry in (*SECTIONS, *DIVISIONS)}


def industry_name(code: str, language: str) -> str:
    names = _industry_names().get(code)
    if names is None:
        return code
    return names[0] if language.startswith("zh") else names[1]


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    try:
        locale = Locale.parse(translation.to_locale(language))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return {str(code): str(name) for code, name in locale.territories.items()}


def country_name(code: str, language: str) -> str:
    return _territories(language).get(code.upper(), code)


def render_reason(reason: Reason | tuple[str, dict[str, Any]], language: str | None = None) -> str:
    """One reason as a sentence in ``language`` (default: the active language)."""
    kind, params = (reason.kind, reason.params) if isinstance(reason, Reason) else reason
    with translation.override(language or translation.get_language()):
        reader = translation.get_language() or "en"
        message: Promise
        values: dict[str, str] = {}
        if kind == "same_division":
            message, values = SAME_DIVISION, {"industry": industry_name(params["code"], reader)}
        elif kind == "same_section":
            message, values = SAME_SECTION, {"industry": industry_name(params["code"], reader)}
        elif kind == "intent_match":
            message = INTENT_MATCH[(params["mine"], params["theirs"])]
        elif kind == "country_match":
            message, values = COUNTRY_MATCH, {"country": country_name(params["country"], reader)}
        elif kind == "country_match_back":
            message, values = COUNTRY_MATCH_BACK, {"country": country_name(params["country"], reader)}
        elif kind == "deal_size_match":
            message = DEAL_SIZE_MATCH
        elif kind == "text_match":
            message, values = TEXT_MATCH, {"terms": ", ".join(params["terms"])}
        elif kind == "mutual":
            message = MUTUAL
        else:
            raise ValueError(f"unknown reason kind {kind!r}")
        return str(message) % values if values else str(message)


def render_reasons(reasons: Iterable[Reason | tuple[str, dict[str, Any]]], language: str | None = None) -> list[str]:
    """The reasons as sentences in ``language`` (default: the active language), in order."""
    return [render_reason(reason, language) for reason in reasons]
