"""Template filters for figures in the active language (see :mod:`yunzhao.core.formatting`).

    {% load yz_format %}
    {{ zone.investment|money_compact:"CNY" }}   8,992.4亿元 / 8,992.4億人民元 / CN¥899.24 billion
    {{ zone.investment|money:"CNY" }}           ¥899,240,000,000.00
    {{ zone.investment|amount }}                8,992.4亿
    {{ enterprises|number }}  {{ ratio|number:2 }}
    {{ growth|percent }}  {{ growth|percent:2 }}  {{ change|pp }}
    {{ event.starts_on|ldate }}  {{ event.starts_on|ldate:"long" }}  {{ event.starts_at|ldatetime }}

``None``, ``""`` and values that are not numbers (or dates) render as an empty string,
as Django's ``floatformat`` does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from yunzhao.core.formatting import (
    format_amount,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_percentage_points,
)

register = template.Library()


def _number(value: Any) -> Decimal | int | float | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, Decimal | int | float):
        number: Decimal | int | float = value
    else:
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            return None
    return number if Decimal(str(number)).is_finite() else None


def _digits(arg: Any, default: int | None) -> int | None:
    if arg is None or arg == "":
        return default
    try:
        return int(arg)
    except (TypeError, ValueError):
        return default


@register.filter
def number(value: Any, decimals: Any = None) -> str:
    """Grouped the locale's way; ``number:2`` for exactly two decimals."""
    figure = _number(value)
    return "" if figure is None else format_number(figure, decimals=_digits(decimals, None))


@register.filter
def amount(value: Any) -> str:
    """A large amount in the reader's units: 8,992.4亿, 899.24 billion."""
    figure = _number(value)
    return "" if figure is None else format_amount(figure)


@register.filter
def money(value: Any, currency: str = "CNY") -> str:
    """The full amount with currency: ¥899,240,000,000.00."""
    figure = _number(value)
    return "" if figure is None else format_money(figure, currency)


@register.filter
def money_compact(value: Any, currency: str = "CNY") -> str:
    """The amount in the reader's units with currency: 8,992.4亿元, CN¥899.24 billion."""
    figure = _number(value)
    return "" if figure is None else format_money(figure, currency, compact=True)


@register.filter
def percent(value: Any, decimals: Any = None) -> str:
    """``11.6`` → 11.6% (one decimal unless given: ``percent:2``)."""
    figure = _number(value)
    digits = _digits(decimals, None)
    return "" if figure is None else format_percent(figure, decimals=1 if digits is None else digits)


@register.filter
def isolate(value: Any) -> str:
    """A figure kept whole and left to right inside right-to-left text (−1.1% must not read 1.1%−)."""
    return f"\u2066{value}\u2069" if value not in (None, "") else ""


@register.filter
def pp(value: Any, decimals: Any = None) -> str:
    """``6.8`` → 6.8个百分点 / 6.8 percentage points."""
    figure = _number(value)
    return "" if figure is None else format_percentage_points(figure, decimals=_digits(decimals, None))


@register.filter
def ldate(value: Any, format: str = "medium") -> str:
    """A date (or a datetime's local date) in the locale's ``medium`` (or given) form."""
    if not isinstance(value, dt.date):
        return ""
    return format_date(value, format=format)


@register.filter
def ldatetime(value: Any, format: str = "medium") -> str:
    """A datetime in the current time zone, in the locale's ``medium`` (or given) form."""
    if not isinstance(value, dt.datetime):
        return ""
    return format_datetime(value, format=format)
