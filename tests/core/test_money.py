import datetime as dt
from decimal import Decimal

import pytest

from yunzhao.core.models import ExchangeRate
from yunzhao.core.money import MissingRateError, rates_on, total_in_cny

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates():
    ExchangeRate.objects.create(currency="JPY", valid_from=dt.date(2026, 1, 1), cny_per_unit=Decimal("0.048"))
    ExchangeRate.objects.create(currency="JPY", valid_from=dt.date(2026, 7, 1), cny_per_unit=Decimal("0.050"))
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2026, 1, 1), cny_per_unit=Decimal("7.10"))


def test_rate_in_force_on_a_day_is_the_latest_before_it(rates):
    assert rates_on(dt.date(2026, 6, 30), ["JPY", "CNY"]) == {"CNY": Decimal(1), "JPY": Decimal("0.048")}
    assert rates_on(dt.date(2026, 7, 1), ["JPY"])["JPY"] == Decimal("0.050")


def test_total_in_yuan_is_exact_to_the_fen(rates):
    amounts = [
        (Decimal("1000000000"), "JPY"),
        (Decimal("3000000.00"), "USD"),
        (Decimal("0.10"), "CNY"),
        (Decimal("0.20"), "CNY"),
    ]
    assert total_in_cny(amounts, on=dt.date(2026, 8, 1)) == Decimal("71300000.30")


def test_missing_rate_is_said_plainly(rates):
    with pytest.raises(MissingRateError, match="EUR"):
        total_in_cny([(Decimal(1), "EUR")], on=dt.date(2026, 8, 1))
    with pytest.raises(MissingRateError, match="JPY"):
        rates_on(dt.date(2025, 12, 31), ["JPY"])
