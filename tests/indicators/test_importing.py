"""Values from Excel: real .xlsx files built with openpyxl, a preview, all or nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from yunzhao.core.models import AuditEntry
from yunzhao.indicators import importing
from yunzhao.indicators.models import IndicatorValue

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(*rows: tuple[object, ...]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["指标代码", "年份", "季度", "数值", "来源"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "values.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


def test_a_good_file_previews_every_row_and_applies_them_all(officer):
    IndicatorFactory(code="trade_total")
    IndicatorFactory(code="key_projects", aggregation="stock", scale=0)
    existing = IndicatorValueFactory(indicator__code="trade_total", year=2023, quarter=1, value=Decimal("8000"))
    content = workbook(
        ("trade_total", 2023, 1, 8992.4, "北京海关"),
        ("trade_total", 2023, 2, "17,540.3", ""),
        ("key_projects", "2023", 2, 279, "投资促进局"),
    )

    preview = importing.read_workbook(io.BytesIO(content))

    assert preview.ok
    assert preview.errors == []
    assert [(row.number, row.code, row.year, row.quarter, row.value, row.replaces) for row in preview.rows] == [
        (2, "trade_total", 2023, 1, Decimal("8992.4"), Decimal("8000.0000")),
        (3, "trade_total", 2023, 2, Decimal("17540.3"), None),
        (4, "key_projects", 2023, 2, Decimal("279"), None),
    ]
    assert IndicatorValue.objects.count() == 1  # a preview writes nothing

    rows = importing.rows_from_signed(preview.signed())
    assert importing.apply_import(rows=rows, by=officer, file_name="values.xlsx") == 3

    assert sorted(IndicatorValue.objects.values_list("indicator__code", "year", "quarter", "value", "source")) == [
        ("key_projects", 2023, 2, Decimal("279.0000"), "投资促进局"),
        ("trade_total", 2023, 1, Decimal("8992.4000"), "北京海关"),
        ("trade_total", 2023, 2, Decimal("17540.3000"), ""),
    ]
    existing.refresh_from_db()
    assert existing.updated_by == officer
    entry = AuditEntry.objects.get(action="indicator.values.imported")
    assert entry.data["created"] == 2
    assert entry.data["replaced"] == 1


def test_bad_rows_are_listed_with_what_is_wrong_in_the_reader_language():
    IndicatorFactory(code="trade_total")
    content = workbook(
        ("trade_total", 2023, 1, 8992.4, ""),
        ("gdpp", 2023, 1, 10, ""),
        ("trade_total", 2023, 5, "八千", ""),
        ("trade_total", 1900, 2, 1, ""),
        ("trade_total", 2023, 1, 1, ""),
        (None, None, None, None, None),
        ("trade_total", 2023, 3, 1.23456, "x" * 201),
    )

    with translation.override("en"):
        preview = importing.read_workbook(io.BytesIO(content))

    assert not preview.ok
    assert [row.number for row in preview.rows] == [2]
    assert preview.errors == [
        (3, ["“gdpp” is not an indicator code (see the Indicators sheet of the template)."]),
        (4, ["The quarter “5” is not 1, 2, 3 or 4.", "The value “八千” is not a number."]),
        (5, ["The year “1900” is not a year between 1978 and 2100."]),
        (6, ["Row 2 already gives trade_total for 2023 Q1."]),
        (8, ["The value “1.23456” has more than four decimals.", "The source is longer than 200 characters."]),
    ]


def test_a_file_that_is_not_a_workbook_is_refused():
    with translation.override("en"):
        preview = importing.read_workbook(io.BytesIO(b"%PDF-1.7 not excel"))
    assert preview.file_error == "This is not an Excel workbook (.xlsx): download the template and fill it in."
    assert not preview.ok


def test_nothing_is_applied_when_an_indicator_went_away_meanwhile(officer):
    IndicatorFactory(code="trade_total")
    gone = IndicatorFactory(code="exports")
    preview = importing.read_workbook(
        io.BytesIO(workbook(("trade_total", 2023, 1, 1, ""), ("exports", 2023, 1, 2, "")))
    )
    rows = importing.rows_from_signed(preview.signed())
    gone.delete()

    with pytest.raises(ValidationError):
        importing.apply_import(rows=rows, by=officer)

    assert IndicatorValue.objects.count() == 0


def test_an_altered_preview_is_refused():
    with pytest.raises(ValidationError):
        importing.rows_from_signed("not-a-signed-token")


def test_the_template_has_the_columns_and_the_codes():
    IndicatorFactory(code="trade_total", name_zh_hans="进出口总额")
    with translation.override("en"):
        content = importing.template_workbook()
    book = load_workbook(io.BytesIO(content))
    assert [cell.value for cell in book.worksheets[0][1]] == [
        "Indicator code",
        "Year",
        "Quarter (1–4)",
        "Value",
        "Source",
    ]
    assert book.worksheets[1]["A2"].value == "trade_total"


def test_the_import_pages_preview_then_apply(officer_client):
    IndicatorFactory(code="trade_total")
    response = officer_client.post(
        "/en/office/figures/import/", {"file": upload(workbook(("trade_total", 2023, 1, 8992.4, "Customs")))}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 row ready" in html
    assert IndicatorValue.objects.count() == 0
    token = response.context["apply_form"].initial["rows"]

    applied = officer_client.post(
        "/en/office/figures/import/apply/", {"rows": token, "file_name": "values.xlsx"}, follow=True
    )

    assert applied.redirect_chain == [("/en/office/figures/", 302)]
    assert "1 values were imported." in applied.content.decode()
    assert IndicatorValue.objects.get().value == Decimal("8992.4")


def test_the_import_page_shows_errors_per_row_and_no_apply_button(officer_client):
    IndicatorFactory(code="trade_total")
    response = officer_client.post(
        "/en/office/figures/import/",
        {"file": upload(workbook(("trade_total", 2023, 1, 1, ""), ("trade_total", 2023, 9, 1, "")))},
    )
    html = response.content.decode()
    assert "1 row has a problem" in html
    assert "Row 3: The quarter “9” is not 1, 2, 3 or 4." in html
    assert "/office/figures/import/apply/" not in html


def test_the_template_downloads(officer_client):
    response = officer_client.get("/en/office/figures/import/template.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["A1"].value == "Indicator code"
