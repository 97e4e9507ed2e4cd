import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import DepartmentFactory, IndustryFactory
from yunzhao.accounts.models import DepartmentKind
from yunzhao.core import pagecache
from yunzhao.core.models import ExchangeRate


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    pagecache.clear()
    yield
    pagecache.clear()


@pytest.fixture
def usd_rate(db):
    return ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7.24"))


@pytest.fixture
def manufacturing(db):
    return IndustryFactory(code="C", name_zh_hans="制造业", name_en="Manufacturing", isic_code="C")


@pytest.fixture
def batteries(manufacturing):
    return IndustryFactory(
        code="38",
        name_zh_hans="电气机械和器材制造业",
        name_en="Manufacture of electrical machinery and apparatus",
        parent=manufacturing,
        isic_code="27",
    )


@pytest.fixture
def software(db):
    return IndustryFactory(
        code="I", name_zh_hans="信息传输、软件和信息技术服务业", name_en="Information technology", isic_code="J"
    )


@pytest.fixture
def daxing(db):
    return DepartmentFactory(name="大兴区", code="daxing", kind=DepartmentKind.DISTRICT)


@pytest.fixture
def tongzhou(db):
    return DepartmentFactory(name="通州区", code="tongzhou", kind=DepartmentKind.DISTRICT)
