"""The reads other modules rely on: latest_figures keeps its contract, without N+1."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory, seeds_trade
from yunzhao.core.content import Publication
from yunzhao.indicators import queries
from yunzhao.indicators.queries import Figure

pytestmark = pytest.mark.django_db


def test_latest_figures_gives_the_latest_quarter_with_its_year_on_year_in_the_order_asked():
    seeds_trade()
    projects = IndicatorFactory(
        code="key_projects",
        name_zh_hans="重点项目",
        name_en="Key projects",
        unit_zh_hans="个",
        unit_en="projects",
        aggregation="stock",
        scale=0,
        decimals=0,
    )
    IndicatorValueFactory(indicator=projects, year=2023, quarter=2, value=Decimal("279"))
    IndicatorFactory(code="draft_one", status=Publication.DRAFT)
    IndicatorValueFactory(indicator__code="draft_one", year=2023, quarter=1)

    with translation.override("en"):
        figures = queries.latest_figures(["key_projects", "unknown", "draft_one", "trade_total"])

    assert figures == [
        Figure(
            code="key_projects", name="Key projects", value=Decimal("279.0000"), unit="projects",
            period_label="2023 Q2", yoy_percent=None, display="279\u00a0projects",
        ),
        Figure(
            code="trade_total", name="Imports and exports", value=Decimal("8992.4000"), unit="100 million yuan",
            period_label="2023 Q1", yoy_percent=Decimal("11.6"), display="899.24 billion\u00a0yuan",
        ),
    ]  # fmt: skip


def test_latest_figures_takes_one_query_whatever_the_number_of_codes(count_queries):
    codes = [f"code_{n}" for n in range(3)]
    for code in codes:
        for year in (2022, 2023):
            IndicatorValueFactory(indicator__code=code, year=year, quarter=4)

    with count_queries() as one:
        assert len(queries.latest_figures(codes[:1])) == 1
    with count_queries() as three:
        assert len(queries.latest_figures(codes)) == 3

    assert one.count == three.count == 1


def test_latest_figures_of_nothing_asks_nothing(count_queries):
    with count_queries() as counted:
        assert queries.latest_figures([]) == []
    assert counted.count == 0


def test_summaries_load_every_value_and_counterpart_in_one_query(count_queries):
    zone, _national = seeds_trade()
    indicators = list(queries.published_indicators().order_by("sort_order", "code"))
    with count_queries() as counted:
        items = queries.summaries(indicators)
    assert counted.count == 1
    trade = next(item for item in items if item.indicator == zone)
    assert trade.latest is not None
    assert (trade.latest.yoy_percent, trade.latest.gap_points, trade.latest.contribution_percent) == (
        Decimal("11.6"),
        Decimal("6.8"),
        Decimal("20.8"),
    )
