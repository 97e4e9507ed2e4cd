"""Figures computed from raw quarterly values, never typed: pure functions over Decimals.

- **Year on year (%)**: ``(value / value a year earlier − 1) × 100``, same quarter;
- **contribution rate (%)** of the zone to the national growth:
  ``zone's increase / national increase × 100``;
- **percentage-point gap**: ``zone's year on year − national year on year``, computed from the
  unrounded growth rates, then rounded.

Every result is rounded half up (四舍五入) to ``places`` decimals (one by default), in a
private 28-digit context, so no float ever enters. A figure that cannot be computed
(no value a year earlier, a zero base) is ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

Period = tuple[int, int]  # (year, quarter)

_CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)
_HUNDRED = Decimal(100)


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    """``value`` with exactly ``places`` decimals, halves away from zero, never ``-0``."""
    rounded = value.quantize(Decimal(1).scaleb(-places), context=_CONTEXT)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _growth(current: Decimal, previous: Decimal) -> Decimal:
    return _CONTEXT.multiply(_CONTEXT.subtract(_CONTEXT.divide(current, previous), Decimal(1)), _HUNDRED)


def year_on_year(current: Decimal | None, previous: Decimal | None, *, places: int = 1) -> Decimal | None:
    """Growth (%) of ``current`` over ``previous`` (the same period a year earlier)."""
    if current is None or previous is None or previous.is_zero():
        return None
    return round_half_up(_growth(current, previous), places)


def contribution_rate(
    zone_current: Decimal | None,
    zone_previous: Decimal | None,
    national_current: Decimal | None,
    national_previous: Decimal | None,
    *,
    places: int = 1,
) -> Decimal | None:
    """The zone's share (%) of the national increase: zone's increase / national increase × 100."""
    if zone_current is None or zone_previous is None or national_current is None or national_previous is None:
        return None
    national_increase = _CONTEXT.subtract(national_current, national_previous)
    if national_increase.is_zero():
        return None
    zone_increase = _CONTEXT.subtract(zone_current, zone_previous)
    return round_half_up(_CONTEXT.multiply(_CONTEXT.divide(zone_increase, national_increase), _HUNDRED), places)


def point_gap(
    zone_current: Decimal | None,
    zone_previous: Decimal | None,
    national_current: Decimal | None,
    national_previous: Decimal | None,
    *,
    places: int = 1,
) -> Decimal | None:
    """Zone's year on year minus the national year on year, in percentage points."""
    if zone_current is None or zone_previous is None or national_current is None or national_previous is None:
        return None
    if zone_previous.is_zero() or national_previous.is_zero():
        return None
    gap = _CONTEXT.subtract(_growth(zone_current, zone_previous), _growth(national_current, national_previous))
    return round_half_up(gap, places)


def quarter_alone(series: Mapping[Period, Decimal], period: Period) -> Decimal | None:
    """A flow's value for the quarter alone, from year-to-date values (Q1 is itself)."""
    year, quarter = period
    current = series.get(period)
    if current is None:
        return None
    if quarter == 1:
        return current
    before = series.get((year, quarter - 1))
    return None if before is None else _CONTEXT.subtract(current, before)


def year_before(period: Period) -> Period:
    return (period[0] - 1, period[1])


@dataclass(frozen=True)
class PeriodFigures:
    """One period of an indicator with everything derived from the raw values."""

    period: Period
    value: Decimal
    previous: Decimal | None  # the same period a year earlier
    yoy_percent: Decimal | None
    quarter_value: Decimal | None  # flows: the quarter alone; stocks: the value
    national_value: Decimal | None = None
    national_yoy_percent: Decimal | None = None
    gap_points: Decimal | None = None
    contribution_percent: Decimal | None = None


def figures_for(
    series: Mapping[Period, Decimal],
    period: Period,
    *,
    is_flow: bool,
    national: Mapping[Period, Decimal] | None = None,
) -> PeriodFigures | None:
    """Everything the pages show about ``period`` of ``series`` (and of its national counterpart)."""
    value = series.get(period)
    if value is None:
        return None
    previous = series.get(year_before(period))
    national_value = national_previous = None
    if national is not None:
        national_value = national.get(period)
        national_previous = national.get(year_before(period))
    return PeriodFigures(
        period=period,
        value=value,
        previous=previous,
        yoy_percent=year_on_year(value, previous),
        quarter_value=quarter_alone(series, period) if is_flow else value,
        national_value=national_value,
        national_yoy_percent=year_on_year(national_value, national_previous),
        gap_points=point_gap(value, previous, national_value, national_previous),
        contribution_percent=contribution_rate(value, previous, national_value, national_previous),
    )
