"""The demo's figures: in eight languages, idempotent, and the seeds' numbers computed from what it stores."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import translation

from yunzhao.demo import indicators as demo
from yunzhao.indicators import queries
from yunzhao.indicators.models import Indicator

pytestmark = pytest.mark.django_db


def test_the_demo_creates_its_figures_once():
    created: Counter[str] = Counter()
    demo.ensure_content({}, {}, created)
    assert created == Counter({"indicators": 10, "indicator values": 120})

    again: Counter[str] = Counter()
    demo.ensure_content({}, {}, again)
    assert +again == Counter()


def test_the_demo_names_every_indicator_in_the_eight_languages():
    demo.ensure_content({}, {}, Counter())
    for indicator in Indicator.objects.all():
        assert [status.state for status in indicator.translation_status()] == ["complete"] * len(settings.LANGUAGES)


def test_the_seeds_figures_come_out_of_the_stored_values():
    demo.ensure_content({}, {}, Counter())
    trade = queries.summary(queries.published_indicators().get(code="trade_total"))
    first_quarter = next(item for item in trade.series if item.period == (2023, 1))
    assert first_quarter.value == Decimal("8992.4")
    assert (first_quarter.yoy_percent, first_quarter.gap_points, first_quarter.contribution_percent) == (
        Decimal("11.6"),
        Decimal("6.8"),
        Decimal("20.8"),
    )


def test_the_codes_other_modules_read_have_the_seeds_latest_counts():
    demo.ensure_content({}, {}, Counter())
    with translation.override("en"):
        figures = queries.latest_figures(
            ["gdp", "trade_total", "foreign_enterprises", "registered_enterprises", "key_projects"]
        )
    assert [(figure.code, figure.value, figure.unit, figure.period_label) for figure in figures] == [
        ("gdp", Decimal("49843.1"), "100 million yuan", "2024 Q4"),
        ("trade_total", Decimal("36083.1"), "100 million yuan", "2024 Q4"),
        ("foreign_enterprises", Decimal("72"), "enterprises", "2024 Q4"),
        ("registered_enterprises", Decimal("2000"), "enterprises", "2024 Q4"),
        ("key_projects", Decimal("279"), "projects", "2024 Q4"),
    ]


def test_the_overview_of_the_seeds_quarter_shows_their_figures(client):
    demo.ensure_content({}, {}, Counter())
    latest = client.get("/en/overview/").content.decode()
    assert "899.24 billion\u00a0yuan" not in latest.split('<h2 class="h5"')[0]  # the headline is 2024 Q4

    html = client.get("/en/overview/?quarter=2023-Q1").content.decode()
    headline = html.split('<h2 class="h5"')[0]
    assert '<option value="2023-Q1" selected>2023 Q1</option>' in html
    assert "899.24 billion\u00a0yuan" in headline
    assert "+11.6% year on year" in headline
    assert "6.8 percentage points above the national growth" in headline
    assert "Contribution to the national growth: 20.8%" in headline


def test_an_unknown_quarter_shows_the_latest(client):
    demo.ensure_content({}, {}, Counter())
    html = client.get("/en/overview/?quarter=1999-Q9").content.decode()
    assert '<option value="2024-Q4" selected>2024 Q4</option>' in html
