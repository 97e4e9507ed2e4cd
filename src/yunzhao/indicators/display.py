"""An indicator's figures written for the reader, in the active language."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from yunzhao.core.formatting import format_amount, format_number, format_percent, format_percentage_points
from yunzhao.indicators.derived import PeriodFigures
from yunzhao.indicators.models import Indicator

#: Languages that write a unit right after the figure (8,992.4亿元, 72家).
_NO_SPACE = {"zh-hans", "ja"}


def _joined(figure: str, unit: str) -> str:
    if not unit:
        return figure
    return f"{figure}{unit}" if (get_language() or "") in _NO_SPACE else f"{figure}\u00a0{unit}"


def headline_value(indicator: Indicator, value: Decimal) -> str:
    """8,992.4亿元 · 899.24 billion yuan · 2,000 enterprises."""
    if indicator.scale and indicator.base_unit:
        return _joined(format_amount(value.scaleb(indicator.scale)), indicator.base_unit)
    return _joined(format_number(value, decimals=indicator.decimals), indicator.unit)


def plain_value(indicator: Indicator, value: Decimal | None) -> str:
    """The figure in the unit it is entered in, with the indicator's decimals (tables)."""
    return "" if value is None else format_number(value, decimals=indicator.decimals)


def isolated(text: str) -> str:
    """A figure kept in one piece inside right-to-left text (−1.1% must not become 1.1%−)."""
    return f"\u2066{text}\u2069" if get_language_bidi() else text


def signed_percent(value: Decimal) -> str:
    text = format_percent(value)
    return f"+{text}" if value > 0 else text


def yoy_text(figures: PeriodFigures) -> str:
    if figures.yoy_percent is None:
        return ""
    return _("%(percent)s year on year") % {"percent": isolated(signed_percent(figures.yoy_percent))}


def gap_text(figures: PeriodFigures) -> str:
    gap = figures.gap_points
    if gap is None:
        return ""
    points = isolated(format_percentage_points(gap.copy_abs(), decimals=1))
    if gap > 0:
        return _("%(points)s above the national growth") % {"points": points}
    if gap < 0:
        return _("%(points)s below the national growth") % {"points": points}
    return _("the same growth as the nation")


def contribution_text(figures: PeriodFigures) -> str:
    if figures.contribution_percent is None:
        return ""
    return _("Contribution to the national growth: %(percent)s") % {
        "percent": isolated(format_percent(figures.contribution_percent))
    }


def headline_parts(indicator: Indicator, figures: PeriodFigures) -> list[str]:
    """The value and each derived figure that exists, to be joined with " · "."""
    parts = [headline_value(indicator, figures.value), yoy_text(figures), gap_text(figures)]
    if indicator.is_flow:
        parts.append(contribution_text(figures))
    return [part for part in parts if part]
