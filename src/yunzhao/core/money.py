"""Amounts in several currencies, converted to yuan with the rates table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from yunzhao.core.models import ExchangeRate

BASE_CURRENCY = "CNY"
CENT = Decimal("0.01")


class MissingRateError(LookupError):
    """No exchange rate is known for a currency on a day."""

    def __init__(self, currency: str, on: dt.date) -> None:
        super().__init__(f"no exchange rate for {currency} on {on}")
        self.currency = currency
        self.on = on


def rates_on(on: dt.date, currencies: Iterable[str]) -> dict[str, Decimal]:
    """The rate in force on ``on`` for each currency (the latest with ``valid_from`` ≤ ``on``)."""
    wanted = {c for c in currencies if c != BASE_CURRENCY}
    rates: dict[str, Decimal] = {BASE_CURRENCY: Decimal(1)}
    for currency, rate in (
        ExchangeRate.objects.filter(currency__in=wanted, valid_from__lte=on)
        .order_by("currency", "-valid_from")
        .values_list("currency", "cny_per_unit")
    ):
        rates.setdefault(currency, rate)
    for currency in wanted:
        if currency not in rates:
            raise MissingRateError(currency, on)
    return rates


def total_in_cny(amounts: Iterable[tuple[Decimal, str]], *, on: dt.date) -> Decimal:
    """The sum of (amount, currency) pairs in yuan, rounded to the fen."""
    pairs = list(amounts)
    rates = rates_on(on, {currency for _amount, currency in pairs})
    return sum((amount * rates[currency] for amount, currency in pairs), Decimal(0)).quantize(CENT)
