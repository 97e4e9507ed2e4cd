import pytest

from yunzhao.crm.industries import DIVISIONS, SECTIONS, load_industries, section_of
from yunzhao.crm.models import Industry


def test_the_classification_has_20_sections_and_97_divisions_in_order():
    assert [entry.code for entry in SECTIONS] == list("ABCDEFGHIJKLMNOPQRST")
    assert [entry.code for entry in DIVISIONS] == [f"{n:02d}" for n in range(1, 98)]
    assert [section_of(code) for code in ("01", "05", "06", "13", "43", "44", "66", "69", "84", "86", "96", "97")] == [
        "A", "A", "B", "C", "C", "D", "J", "J", "Q", "R", "S", "T",
    ]  # fmt: skip


@pytest.mark.django_db
def test_load_industries_creates_sections_and_divisions():
    assert load_industries() == (117, 0)

    sections = Industry.objects.filter(parent__isnull=True)
    divisions = Industry.objects.filter(parent__isnull=False).select_related("parent")
    assert list(sections.values_list("code", flat=True)) == list("ABCDEFGHIJKLMNOPQRST")
    assert list(divisions.values_list("code", flat=True)) == [f"{n:02d}" for n in range(1, 98)]
    assert all(d.parent.parent_id is None and d.parent.code.isalpha() for d in divisions)
    assert Industry.objects.get(code="27").parent.code == "C"
    assert Industry.objects.get(code="84").parent.code == "Q"
    assert Industry.objects.get(code="97").parent.code == "T"
    assert (Industry.objects.get(code="J").name_zh_hans, Industry.objects.get(code="J").isic_code) == ("金融业", "K")
    assert Industry.objects.get(code="27").name_zh_hans == "医药制造业"


@pytest.mark.django_db
def test_load_industries_twice_changes_nothing():
    load_industries()

    assert load_industries() == (0, 0)
    assert Industry.objects.count() == 117
