"""Factories of the zone's figures."""

from __future__ import annotations

from decimal import Decimal

import factory

from yunzhao.core.content import Publication
from yunzhao.indicators.models import Aggregation, Category, Indicator, IndicatorValue


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator_{n}")
    name_zh_hans = factory.Sequence(lambda n: f"指标{n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    unit_zh_hans = "亿元"
    unit_en = "100 million yuan"
    base_unit_zh_hans = "元"
    base_unit_en = "yuan"
    scale = 8
    decimals = 1
    category = Category.TRADE
    aggregation = Aggregation.FLOW
    on_overview = True
    status = Publication.PUBLISHED


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2023
    quarter = 1
    value = Decimal("100")
    source = "北京海关"


def seeds_trade() -> tuple[Indicator, Indicator]:
    """The seeds' trade: 2022 Q1 and 2023 Q1 of the zone and the nation, as the demo stores them."""
    national = IndicatorFactory(
        code="national_trade_total",
        name_zh_hans="全国货物进出口总额",
        name_en="National imports and exports",
        on_overview=False,
        decimals=0,
    )
    zone = IndicatorFactory(
        code="trade_total", name_zh_hans="进出口总额", name_en="Imports and exports", national_counterpart=national
    )
    for indicator, before, after in ((zone, "8057.7", "8992.4"), (national, "94381", "98875")):
        IndicatorValueFactory(indicator=indicator, year=2022, quarter=1, value=Decimal(before))
        IndicatorValueFactory(indicator=indicator, year=2023, quarter=1, value=Decimal(after))
    return zone, national
