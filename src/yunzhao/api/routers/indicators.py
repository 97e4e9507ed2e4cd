"""The zone's figures through the versioned API: published indicators with their latest value and
derived figures, and an indicator's quarterly series. Public reads (``auth=None``), computed by
the same :mod:`yunzhao.indicators.queries` as the overview page, so the two never disagree.
Names and units are in the request's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema

from yunzhao.api.errors import NOT_FOUND, ApiError, ErrorOut
from yunzhao.indicators import queries
from yunzhao.indicators.derived import PeriodFigures
from yunzhao.indicators.models import Aggregation, Category

router = Router()

READ = {404: ErrorOut, 422: ErrorOut}
Code = Annotated[str, Path(..., min_length=1, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")]


class PeriodOut(Schema):
    year: int
    quarter: int = Field(ge=1, le=4)
    label: str
    value: Decimal = Field(description="Year to date for flows, at the end of the quarter for stocks.")
    quarter_value: Decimal | None = Field(description="Flows: the quarter alone; stocks: the value.")
    previous_year_value: Decimal | None = Field(description="The same period a year earlier.")
    yoy_percent: Decimal | None = Field(description="Year on year (%), one decimal, rounded half up.")
    national_value: Decimal | None
    national_yoy_percent: Decimal | None
    gap_points: Decimal | None = Field(description="Zone's year on year minus the national one, percentage points.")
    contribution_percent: Decimal | None = Field(
        description="Zone's increase / national increase × 100 (contribution to the national growth)."
    )


class IndicatorOut(Schema):
    code: str
    name: str
    description: str
    unit: str
    scale: int = Field(description="Values are in units of 10^scale of the base unit (8 for 亿元).")
    base_unit: str
    category: Category
    aggregation: Aggregation
    decimals: int
    on_overview: bool
    national_counterpart: str | None
    latest: PeriodOut | None


class IndicatorList(Schema):
    count: int
    items: list[IndicatorOut]


class SeriesOut(Schema):
    indicator: IndicatorOut
    series: list[PeriodOut]


def _period(figures: PeriodFigures) -> dict[str, Any]:
    return {
        "year": figures.period[0],
        "quarter": figures.period[1],
        "label": queries.period_label(figures.period),
        "value": figures.value,
        "quarter_value": figures.quarter_value,
        "previous_year_value": figures.previous,
        "yoy_percent": figures.yoy_percent,
        "national_value": figures.national_value,
        "national_yoy_percent": figures.national_yoy_percent,
        "gap_points": figures.gap_points,
        "contribution_percent": figures.contribution_percent,
    }


def _indicator(item: queries.IndicatorSummary) -> dict[str, Any]:
    indicator = item.indicator
    counterpart = indicator.national_counterpart
    return {
        "code": indicator.code,
        "name": str(indicator.name or ""),
        "description": str(indicator.description or ""),
        "unit": str(indicator.unit or ""),
        "scale": indicator.scale,
        "base_unit": str(indicator.base_unit or ""),
        "category": indicator.category,
        "aggregation": indicator.aggregation,
        "decimals": indicator.decimals,
        "on_overview": indicator.on_overview,
        "national_counterpart": counterpart.code if counterpart is not None else None,
        "latest": _period(item.latest) if item.latest else None,
    }


@router.get("/indicators", response={200: IndicatorList}, auth=None, tags=["indicators"])
def list_indicators(request: HttpRequest) -> Any:
    """Every published indicator with its latest quarter and the figures derived from it."""
    items = [_indicator(item) for item in queries.summaries(queries.published_indicators())]
    return {"count": len(items), "items": items}


@router.get("/indicators/{code}/series", response={200: SeriesOut, **READ}, auth=None, tags=["indicators"])
def get_indicator_series(request: HttpRequest, code: Code) -> Any:
    """A published indicator's quarters, oldest first, each with its derived figures."""
    indicator = queries.published_indicators().filter(code=code).first()
    if indicator is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    item = queries.summary(indicator)
    return {"indicator": _indicator(item), "series": [_period(figures) for figures in item.series]}
