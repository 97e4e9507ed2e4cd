import pytest

from yunzhao.accounts.models import DepartmentKind
from yunzhao.accounts.organisation import create_department
from yunzhao.core import audit

pytestmark = pytest.mark.django_db


def test_departments_form_a_tree_queried_by_path(officer):
    agency = create_department(name="管委会", code="agency", kind=DepartmentKind.AGENCY, by=officer)
    bureau = create_department(name="投资促进局", code="bureau", kind=DepartmentKind.BUREAU, parent=agency, by=officer)
    unit = create_department(name="招商一部", code="unit-1", kind=DepartmentKind.DEPARTMENT, parent=bureau, by=officer)
    platform = create_department(name="平台公司", code="platform", kind=DepartmentKind.PLATFORM_COMPANY, parent=agency)

    assert (unit.depth, unit.path) == (2, f"{agency.pk}/{bureau.pk}/{unit.pk}/")
    assert list(bureau.subtree()) == [bureau, unit]
    assert list(unit.ancestors()) == [agency, bureau]
    assert unit.is_within(agency)
    assert not platform.is_within(bureau)
    assert [e.action for e in audit.history_for(unit)] == ["department.created"]
