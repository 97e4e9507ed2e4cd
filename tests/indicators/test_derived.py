"""The derived figures: exact Decimals, rounded half up, and the seeds' three out of raw values."""

from __future__ import annotations

from decimal import Decimal

from yunzhao.demo import indicators as demo
from yunzhao.indicators import derived

D = Decimal


def _demo_series(code: str) -> dict[tuple[int, int], Decimal]:
    spec = next(spec for spec in demo.SPECS if spec.code == code)
    periods = [(year, quarter) for year in demo.YEARS for quarter in (1, 2, 3, 4)]
    return {period: D(value) for period, value in zip(periods, spec.values, strict=True)}


def test_the_seeds_figures_come_out_of_the_demo_raw_values():
    zone = _demo_series("trade_total")
    nation = _demo_series("national_trade_total")
    assert zone[(2023, 1)] == D("8992.4")  # 亿元 = 899.24 billion yuan

    figures = derived.figures_for(zone, (2023, 1), is_flow=True, national=nation)

    assert figures is not None
    assert figures.yoy_percent == D("11.6")
    assert figures.national_yoy_percent == D("4.8")
    assert figures.gap_points == D("6.8")
    assert figures.contribution_percent == D("20.8")


def test_year_on_year_rounds_half_up():
    assert derived.year_on_year(D("100.05"), D("100")) == D("0.1")  # 0.05 → 0.1, not banker's 0.0
    assert derived.year_on_year(D("99.95"), D("100")) == D("-0.1")
    assert derived.year_on_year(D("112"), D("100"), places=2) == D("12.00")


def test_year_on_year_is_none_without_a_base():
    assert derived.year_on_year(D("1"), None) is None
    assert derived.year_on_year(D("1"), D("0")) is None
    assert derived.year_on_year(None, D("1")) is None


def test_contribution_rate_is_the_zone_increase_over_the_national_increase():
    assert derived.contribution_rate(D("110"), D("100"), D("1040"), D("1000")) == D("25.0")
    assert derived.contribution_rate(D("90"), D("100"), D("1040"), D("1000")) == D("-25.0")
    assert derived.contribution_rate(D("110"), D("100"), D("1000"), D("1000")) is None
    assert derived.contribution_rate(D("110"), None, D("1040"), D("1000")) is None


def test_point_gap_uses_unrounded_growth_then_rounds():
    # zone +10.04 %, nation +4.96 % → 5.08 pp → 5.1 (from rounded rates it would be 10.0 − 5.0 = 5.0)
    assert derived.point_gap(D("110.04"), D("100"), D("104.96"), D("100")) == D("5.1")
    assert derived.point_gap(D("103"), D("100"), D("105"), D("100")) == D("-2.0")
    assert derived.point_gap(D("103"), D("0"), D("105"), D("100")) is None


def test_round_half_up_never_gives_negative_zero():
    assert str(derived.round_half_up(D("-0.04"))) == "0.0"


def test_quarter_alone_of_a_flow_is_the_difference_of_year_to_date_values():
    series = {(2023, 1): D("8992.4"), (2023, 2): D("17540.3"), (2023, 4): D("36466.0")}
    assert derived.quarter_alone(series, (2023, 1)) == D("8992.4")
    assert derived.quarter_alone(series, (2023, 2)) == D("8547.9")
    assert derived.quarter_alone(series, (2023, 4)) is None  # Q3 missing
    assert derived.quarter_alone(series, (2024, 1)) is None


def test_figures_for_a_stock_compare_the_end_of_the_quarter():
    series = {(2022, 2): D("42"), (2023, 2): D("72")}
    figures = derived.figures_for(series, (2023, 2), is_flow=False)
    assert figures == derived.PeriodFigures(
        period=(2023, 2), value=D("72"), previous=D("42"), yoy_percent=D("71.4"), quarter_value=D("72")
    )
    assert derived.figures_for(series, (2024, 2), is_flow=False) is None
