"""The zone's figures through the API: public reads computed like the overview."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory, seeds_trade
from yunzhao.core.content import Publication

pytestmark = pytest.mark.django_db


def test_indicators_list_with_latest_value_and_derived_figures_without_a_token(client):
    seeds_trade()
    IndicatorFactory(code="hidden", status=Publication.DRAFT)

    response = client.get("/api/v1/indicators", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    trade = next(item for item in body["items"] if item["code"] == "trade_total")
    assert trade["national_counterpart"] == "national_trade_total"
    assert trade["latest"]["year"] == 2023
    assert trade["latest"]["quarter"] == 1
    assert Decimal(trade["latest"]["value"]) == Decimal("8992.4")
    assert Decimal(trade["latest"]["previous_year_value"]) == Decimal("8057.7")
    assert Decimal(trade["latest"]["yoy_percent"]) == Decimal("11.6")
    assert Decimal(trade["latest"]["national_yoy_percent"]) == Decimal("4.8")
    assert Decimal(trade["latest"]["gap_points"]) == Decimal("6.8")
    assert Decimal(trade["latest"]["contribution_percent"]) == Decimal("20.8")


def test_an_indicator_series_oldest_first(client):
    seeds_trade()
    body = client.get("/api/v1/indicators/trade_total/series").json()
    assert body["indicator"]["code"] == "trade_total"
    assert [(item["year"], item["quarter"], item["yoy_percent"]) for item in body["series"]] == [
        (2022, 1, None),
        (2023, 1, "11.6"),
    ]


def test_a_draft_or_unknown_indicator_series_is_not_found(client):
    IndicatorFactory(code="hidden", status=Publication.DRAFT)
    assert client.get("/api/v1/indicators/hidden/series").status_code == 404
    assert client.get("/api/v1/indicators/nope/series").status_code == 404


def test_the_list_answers_in_as_many_queries_for_one_and_three_indicators(client, count_queries):
    def add(n):
        for _ in range(n):
            IndicatorValueFactory(indicator=IndicatorFactory(), year=2023, quarter=1)

    add(1)
    with count_queries() as one:
        assert client.get("/api/v1/indicators").json()["count"] == 1
    add(2)
    with count_queries() as three:
        assert client.get("/api/v1/indicators").json()["count"] == 3
    assert one.count == three.count
