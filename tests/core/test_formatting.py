import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from yunzhao.core.formatting import (
    format_amount,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_percentage_points,
)

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: French grouping, English "PM", Russian "г."
RLM = "\u200f"

INVESTMENT = Decimal("899240000000")  # 899.24 billion yuan

# language: (amount, compact CNY, full CNY, 11.6 %, 6.8 pp, 20.8 %, 2,000, 53,227)
SEED_FIGURES = {
    "zh-hans": ("8,992.4亿", "8,992.4亿元", "¥899,240,000,000.00", "11.6%", "6.8个百分点", "20.8%", "2,000", "53,227"),
    "en": (
        "899.24 billion",
        "CN¥899.24 billion",
        "CN¥899,240,000,000.00",
        "11.6%",
        "6.8 percentage points",
        "20.8%",
        "2,000",
        "53,227",
    ),
    "ja": ("8,992.4億", "8,992.4億人民元", "元899,240,000,000.00", "11.6%", "6.8ポイント", "20.8%", "2,000", "53,227"),
    "ko": (
        "8,992.4억",
        f"8,992.4억{NBSP}위안",
        "CN¥899,240,000,000.00",
        "11.6%",
        "6.8%포인트",
        "20.8%",
        "2,000",
        "53,227",
    ),
    "ar": (
        "899.24 مليار",
        f"{RLM}899.24 مليار{NBSP}CN¥",
        f"{RLM}899,240,000,000.00{NBSP}CN¥",
        "11.6%",
        "6.8 نقطة مئوية",
        "20.8%",
        "2,000",
        "53,227",
    ),
    "es": (
        "899,24 mil millones",
        f"899,24 mil millones{NBSP}CNY",
        f"899.240.000.000,00{NBSP}CNY",
        f"11,6{NBSP}%",
        "6,8 puntos porcentuales",
        f"20,8{NBSP}%",
        "2.000",
        "53.227",
    ),
    "fr": (
        "899,24 milliards",
        f"899,24 milliards{NBSP}CNY",
        f"899{NNBSP}240{NNBSP}000{NNBSP}000,00{NBSP}CNY",
        f"11,6{NBSP}%",
        "6,8 points de pourcentage",
        f"20,8{NBSP}%",
        f"2{NNBSP}000",
        f"53{NNBSP}227",
    ),
    "ru": (
        "899,24 миллиарда",
        f"899,24 миллиарда{NBSP}CN¥",
        f"899{NBSP}240{NBSP}000{NBSP}000,00{NBSP}CN¥",
        f"11,6{NBSP}%",
        "6,8 процентного пункта",
        f"20,8{NBSP}%",
        f"2{NBSP}000",
        f"53{NBSP}227",
    ),
}

LANGUAGES = list(SEED_FIGURES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_seed_figures_in_every_language(language):
    shown = (
        format_amount(INVESTMENT, language=language),
        format_money(INVESTMENT, "CNY", compact=True, language=language),
        format_money(INVESTMENT, "CNY", language=language),
        format_percent(Decimal("11.6"), language=language),
        format_percentage_points(Decimal("6.8"), language=language),
        format_percent(Decimal("20.8"), language=language),
        format_number(2000, language=language),
        format_number(53227, language=language),
    )
    assert shown == SEED_FIGURES[language]


def test_formatting_uses_the_active_language_by_default():
    with translation.override("fr"):
        assert format_amount(INVESTMENT) == "899,24 milliards"
    with translation.override("zh-hans"):
        assert format_money(INVESTMENT, "CNY", compact=True) == "8,992.4亿元"


def test_language_codes_are_normalised():
    assert format_amount(INVESTMENT, language="zh_Hans") == "8,992.4亿"
    assert format_amount(INVESTMENT, language="ja-JP") == "8,992.4億"
    assert format_amount(INVESTMENT, language="en-us") == "899.24 billion"


def test_language_unknown_to_us_but_known_to_babel_is_formatted_by_babel():
    assert format_amount(INVESTMENT, language="de") == "899,24 Milliarden"


def test_language_unknown_to_babel_falls_back_to_the_default_language():
    assert format_amount(INVESTMENT, language="xx") == "8,992.4亿"


# --- format_amount ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "zh", "ja", "ko", "en"),
    [
        (Decimal(0), "0", "0", "0", "0"),
        (Decimal(-35_000_000), "-3,500万", "-3,500万", "-3,500만", "-35 million"),
        (Decimal(35_000_000), "3,500万", "3,500万", "3,500만", "35 million"),
        (Decimal(9_999), "9,999", "9,999", "9,999", "10 thousand"),
        (Decimal("999.5"), "999.5", "999.5", "999.5", "999.5"),
        (Decimal(10_000), "1万", "1万", "1만", "10 thousand"),
        (Decimal(12_345), "1.23万", "1.23万", "1.23만", "12.35 thousand"),
        (Decimal(100_000_000), "1亿", "1億", "1억", "100 million"),
        (Decimal(1_234_567_890_123), "1.23万亿", "1.23兆", "1.23조", "1.23 trillion"),
    ],
)
def test_amount_units(value, zh, ja, ko, en):
    assert [format_amount(value, language=code) for code in ("zh-hans", "ja", "ko", "en")] == [zh, ja, ko, en]


def test_amount_rounds_half_up_to_two_decimals():
    # half-even would give 1.22万
    assert format_amount(Decimal(12_250), language="zh-hans") == "1.23万"
    assert format_amount(Decimal(-12_250), language="zh-hans") == "-1.23万"


def test_amount_moves_up_a_unit_when_rounding_carries():
    assert format_amount(Decimal(99_999_999), language="zh-hans") == "1亿"
    assert format_amount(Decimal("9999.995"), language="zh-hans") == "1万"
    assert format_amount(Decimal(999_999), language="en") == "1 million"
    assert format_amount(Decimal(999_990), language="en") == "999.99 thousand"


def test_amount_uses_the_plural_form_of_the_figure_shown():
    assert format_amount(Decimal(1_000_000), language="ru") == "1 миллион"
    assert format_amount(Decimal(2_000_000), language="ru") == "2 миллиона"
    assert format_amount(Decimal(5_000_000), language="ru") == "5 миллионов"
    assert format_amount(Decimal(1_500_000), language="fr") == "1,5 million"
    assert format_amount(Decimal(1_000_000), language="es") == "1 millón"
    assert format_amount(Decimal(1_000), language="fr") == "mille"


def test_amount_keeps_decimal_precision():
    assert format_amount(Decimal("0.1") + Decimal("0.2"), language="zh-hans") == "0.3"
    assert format_amount(Decimal("0.005"), language="en") == "0.01"
    # 30 digits: beyond the default 28-digit decimal context
    assert format_amount(Decimal("123456789012345678901234567890"), language="zh-hans") == (
        "123,456,789,012,345,678.9万亿"
    )


def test_amount_refuses_what_is_not_a_number():
    with pytest.raises(ValueError, match="cannot format"):
        format_amount(Decimal("NaN"), language="en")


# --- format_money -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "usd", "jpy", "gbp"),
    [
        ("zh-hans", "3,500万美元", "8,992.4亿日元", "3,500万英镑"),
        ("ja", "3,500万米ドル", "8,992.4億円", "3,500万英国ポンド"),
        ("ko", f"3,500만{NBSP}달러", f"8,992.4억{NBSP}엔", f"3,500만{NBSP}영국 파운드"),
        ("en", "$35 million", "¥899.24 billion", "£35 million"),
        ("fr", f"35 millions{NBSP}$US", f"899,24 milliards{NBSP}JPY", f"35 millions{NBSP}£GB"),
        ("ar", f"{RLM}35 مليون{NBSP}US$", f"{RLM}899.24 مليار{NBSP}JP¥", f"{RLM}35 مليون{NBSP}UK£"),
    ],
)
def test_money_compact_other_currencies(language, usd, jpy, gbp):
    assert format_money(Decimal(35_000_000), "USD", compact=True, language=language) == usd
    assert format_money(INVESTMENT, "jpy", compact=True, language=language) == jpy
    assert format_money(Decimal(35_000_000), "GBP", compact=True, language=language) == gbp


def test_money_compact_negative_zero_and_small():
    assert format_money(Decimal(-12_345), "CNY", compact=True, language="zh-hans") == "-1.23万元"
    assert format_money(Decimal(-12_345), "CNY", compact=True, language="en") == "-CN¥12.35 thousand"
    assert format_money(Decimal(-35_000_000), "CNY", compact=True, language="ar") == f"{RLM}-35 مليون{NBSP}CN¥"
    assert format_money(Decimal(0), "CNY", compact=True, language="zh-hans") == "0元"
    assert format_money(Decimal(0), "CNY", compact=True, language="en") == "CN¥0"
    assert format_money(Decimal("9999.5"), "CNY", compact=True, language="zh-hans") == "9,999.5元"


def test_money_full_uses_the_currency_decimals_rounded_half_up():
    assert format_money(Decimal("899240000000.005"), "CNY", language="zh-hans") == "¥899,240,000,000.01"
    assert format_money(INVESTMENT, "JPY", language="ja") == "￥899,240,000,000"
    assert format_money(Decimal(-35_000_000), "USD", language="en") == "-$35,000,000.00"
    assert format_money(Decimal("0.1") + Decimal("0.2"), "EUR", language="fr") == f"0,30{NBSP}€"


# --- numbers and percentages ------------------------------------------------------------


def test_number_decimals():
    assert format_number(Decimal("1234.50"), language="en") == "1,234.5"
    assert format_number(Decimal("1234.5"), decimals=2, language="fr") == f"1{NNBSP}234,50"
    assert format_number(Decimal("2.675"), decimals=2, language="en") == "2.68"  # the float 2.675 would give 2.67
    assert format_number(0.1 + 0.2, decimals=2, language="en") == "0.30"
    assert format_number(Decimal("0.1") + Decimal("0.2"), language="en") == "0.3"
    assert format_number(-1234, language="es") == "-1.234"
    assert format_number(Decimal("-0.001"), decimals=2, language="en") == "0.00"


def test_percent_rounding_and_edges():
    assert format_percent(Decimal(0), language="zh-hans") == "0.0%"
    assert format_percent(Decimal("-3.25"), language="en") == "-3.3%"
    assert format_percent(Decimal("-0.04"), language="en") == "0.0%"
    assert format_percent(Decimal("11.6"), decimals=2, language="ru") == f"11,60{NBSP}%"
    assert format_percent(20, decimals=0, language="en") == "20%"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", Decimal(1), "1 percentage point"),
        ("en", Decimal("1.0"), "1 percentage point"),
        ("en", Decimal(0), "0 percentage points"),
        ("en", Decimal("-1.5"), "-1.5 percentage points"),
        ("fr", Decimal("1.5"), "1,5 point de pourcentage"),
        ("fr", Decimal(2), "2 points de pourcentage"),
        ("es", Decimal(1), "1 punto porcentual"),
        ("ru", Decimal(1), "1 процентный пункт"),
        ("ru", Decimal(3), "3 процентных пункта"),
        ("ru", Decimal(5), "5 процентных пунктов"),
        ("ru", Decimal(21), "21 процентный пункт"),
        ("ar", Decimal(5), "5 نقاط مئوية"),
        ("ar", Decimal(11), "11 نقطة مئوية"),
        ("zh-hans", Decimal("-0.5"), "-0.5个百分点"),
        ("ko", Decimal(2), "2%포인트"),
    ],
)
def test_percentage_points_follow_plural_rules(language, value, expected):
    assert format_percentage_points(value, language=language) == expected


def test_percentage_points_with_fixed_decimals():
    assert format_percentage_points(Decimal(1), decimals=1, language="en") == "1.0 percentage points"
    assert format_percentage_points(Decimal("6.849"), decimals=1, language="ja") == "6.8ポイント"


# --- dates ------------------------------------------------------------------------------

DAY = dt.date(2026, 11, 24)
MOMENT = dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)  # 14:30 in Shanghai

# language: (medium date, long date, medium datetime)
DATES = {
    "zh-hans": ("2026年11月24日", "2026年11月24日", "2026年11月24日 14:30:00"),
    "en": ("Nov 24, 2026", "November 24, 2026", f"Nov 24, 2026, 2:30:00{NNBSP}PM"),
    "ja": ("2026/11/24", "2026年11月24日", "2026/11/24 14:30:00"),
    "ko": ("2026. 11. 24.", "2026년 11월 24일", "2026. 11. 24. PM 2:30:00"),
    "ar": (f"24{RLM}/11{RLM}/2026", "24 نوفمبر 2026", f"24{RLM}/11{RLM}/2026، 2:30:00 م"),
    "es": ("24 nov 2026", "24 de noviembre de 2026", "24 nov 2026, 14:30:00"),
    "fr": ("24 nov. 2026", "24 novembre 2026", "24 nov. 2026, 14:30:00"),
    "ru": (f"24 нояб. 2026{NNBSP}г.", f"24 ноября 2026{NNBSP}г.", f"24 нояб. 2026{NNBSP}г., 14:30:00"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_in_every_language(language):
    shown = (
        format_date(DAY, language=language),
        format_date(DAY, format="long", language=language),
        format_datetime(MOMENT, language=language),
    )
    assert shown == DATES[language]


def test_date_of_a_datetime_is_the_local_date():
    evening_in_utc = dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.UTC)  # already the 24th in Shanghai
    assert format_date(evening_in_utc, language="en") == "Nov 24, 2026"


def test_naive_datetime_is_taken_in_the_current_time_zone():
    assert format_datetime(dt.datetime(2026, 11, 24, 14, 30), language="zh-hans") == "2026年11月24日 14:30:00"


def test_datetime_follows_an_activated_time_zone():
    with timezone.override(ZoneInfo("Asia/Dubai")):
        assert format_datetime(MOMENT, format="short", language="en") == f"11/24/26, 10:30{NNBSP}AM"


# --- template filters -------------------------------------------------------------------


def test_filters_render_in_the_active_language():
    template = Template(
        "{% load yz_format %}"
        '{{ investment|amount }}|{{ investment|money:"CNY" }}|{{ investment|money_compact:"CNY" }}|'
        '{{ investment|money_compact:"JPY" }}|{{ views|number }}|{{ ratio|number:2 }}|{{ growth|percent }}|'
        '{{ change|pp }}|{{ day|ldate }}|{{ day|ldate:"long" }}|{{ moment|ldatetime }}|{{ missing|amount }}'
    )
    context = Context(
        {
            "investment": INVESTMENT,
            "views": 53227,
            "ratio": Decimal("0.5"),
            "growth": Decimal("11.6"),
            "change": Decimal("6.8"),
            "day": DAY,
            "moment": MOMENT,
            "missing": None,
        }
    )
    with translation.override("ja"):
        rendered = template.render(context)
    assert rendered.split("|") == [
        "8,992.4億",
        "元899,240,000,000.00",
        "8,992.4億人民元",
        "8,992.4億円",
        "53,227",
        "0.50",
        "11.6%",
        "6.8ポイント",
        "2026/11/24",
        "2026年11月24日",
        "2026/11/24 14:30:00",
        "",
    ]


def test_filters_accept_numbers_as_text_and_ignore_what_is_not_a_number():
    template = Template("{% load yz_format %}{{ a|amount }}|{{ b|percent }}|{{ c|money }}|{{ d|ldate }}")
    with translation.override("zh-hans"):
        rendered = template.render(Context({"a": "35000000", "b": "abc", "c": "", "d": "2026-11-24"}))
    assert rendered == "3,500万|||"
