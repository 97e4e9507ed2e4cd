"""Reads of the zone's figures that other modules show (the portal's advantages, the home page).

The contract other apps rely on: :func:`latest_figures` returns, for each known code in the
order given, the latest published value with its derived year-on-year change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Figure:
    code: str
    name: str  # in the active language
    value: Decimal
    unit: str  # in the active language, e.g. "亿元", "%", "enterprises"
    period_label: str  # e.g. "2023 Q1", in the active language
    yoy_percent: Decimal | None  # year on year, computed; None without last year's value


def latest_figures(codes: Sequence[str]) -> list[Figure]:
    """The latest value of each indicator in ``codes`` that has one, in that order."""
    return []
