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
