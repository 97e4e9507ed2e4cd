"""Reads of the zone's figures that other modules show (the portal's advantages, the home page).

The contract other apps rely on: :func:`latest_figures` returns, for each known code in the
order given, the latest published value with its derived year-on-year change.

The overview, the back office and the API read through :func:`summaries`, which loads the
values of every indicator asked for and of their national counterparts in one query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext

from yunzhao.core.content import Publication
from yunzhao.indicators import derived, display
from yunzhao.indicators.derived import Period, PeriodFigures
from yunzhao.indicators.models import Indicator, IndicatorValue


@dataclass(frozen=True)
class Figure:
    code: str
    name: str  # in the active language
    value: Decimal
    unit: str  # in the active language, e.g. "亿元", "%", "enterprises"
    period_label: str  # e.g. "2023 Q1", in the active language
    yoy_percent: Decimal | None  # year on year, computed; None without last year's value
    display: str = ""  # the value with its unit as the reader writes it: "4.98 trillion yuan", "4.98万亿元"


def period_label(period: Period) -> str:
    """``2023 Q1`` in the active language."""
    return gettext("%(year)s Q%(quarter)s") % {"year": period[0], "quarter": period[1]}


def latest_figures(codes: Sequence[str]) -> list[Figure]:
    """The latest value of each indicator in ``codes`` that has one, in that order."""
    if not codes:
        return []
    rows = IndicatorValue.objects.filter(
        indicator__code__in=list(codes), indicator__status=Publication.PUBLISHED
    ).select_related("indicator")
    indicators: dict[str, Indicator] = {}
    series: dict[str, dict[Period, Decimal]] = defaultdict(dict)
    for row in rows:
        indicators[row.indicator.code] = row.indicator
        series[row.indicator.code][(row.year, row.quarter)] = row.value
    figures = []
    for code in codes:
        indicator = indicators.get(code)
        if indicator is None:
            continue
        values = series[code]
        latest = max(values)
        figures.append(
            Figure(
                code=code,
                name=indicator.name,
                value=values[latest],
                unit=indicator.unit,
                period_label=period_label(latest),
                yoy_percent=derived.year_on_year(values[latest], values.get(derived.year_before(latest))),
                display=display.headline_value(indicator, values[latest]),
            )
        )
    return figures


@dataclass(frozen=True)
class IndicatorSummary:
    """An indicator with its whole series and every derived figure, oldest period first."""

    indicator: Indicator
    series: list[PeriodFigures] = field(default_factory=list)

    @property
    def latest(self) -> PeriodFigures | None:
        return self.series[-1] if self.series else None


def published_indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(status=Publication.PUBLISHED).select_related("national_counterpart")


def overview_indicators() -> QuerySet[Indicator]:
    return published_indicators().filter(on_overview=True)


def summaries(indicators: Iterable[Indicator]) -> list[IndicatorSummary]:
    """Each indicator's series with derived figures: one query for all their values.

    ``indicators`` should come with ``national_counterpart`` selected (the querysets above do).
    """
    indicators = list(indicators)
    wanted = {indicator.pk for indicator in indicators}
    wanted |= {indicator.national_counterpart_id for indicator in indicators if indicator.national_counterpart_id}
    series: dict[int, dict[Period, Decimal]] = defaultdict(dict)
    if wanted:
        rows = IndicatorValue.objects.filter(indicator_id__in=wanted).values_list(
            "indicator_id", "year", "quarter", "value"
        )
        for indicator_id, year, quarter, value in rows:
            series[indicator_id][(year, quarter)] = value
    result = []
    for indicator in indicators:
        values = series.get(indicator.pk, {})
        national = series.get(indicator.national_counterpart_id) if indicator.national_counterpart_id else None
        figures = [
            derived.figures_for(values, period, is_flow=indicator.is_flow, national=national)
            for period in sorted(values)
        ]
        result.append(IndicatorSummary(indicator=indicator, series=[item for item in figures if item is not None]))
    return result


def summary(indicator: Indicator) -> IndicatorSummary:
    return summaries([indicator])[0]
