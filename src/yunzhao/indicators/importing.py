"""Quarterly values from an Excel workbook: a template, a preview with errors per row, all or nothing.

The workbook's first sheet has one header row, then one value per row in the columns
indicator code · year · quarter · value · source. :func:`read_workbook` checks every row and
says what is wrong in the reader's language; :func:`apply_import` writes the rows in one
transaction (a row for a quarter that already has a value replaces it), or nothing at all if
anything is wrong by then. The preview carries the parsed rows to the apply step signed, so
the file is read once and the rows applied are exactly those previewed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any
from zipfile import BadZipFile

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from yunzhao.core import audit, pagecache
from yunzhao.indicators.entry import MAX_ABS_VALUE
from yunzhao.indicators.models import FIRST_YEAR, LAST_YEAR, Indicator, IndicatorValue

MAX_ROWS = 5_000
MAX_BYTES = 2 * 1024 * 1024
SOURCE_MAX = IndicatorValue._meta.get_field("source").max_length or 200
SIGNING_SALT = "yunzhao.indicators.import"
SIGNED_MAX_AGE = 60 * 60


@dataclass(frozen=True)
class ImportRow:
    number: int  # the row's number in the sheet
    code: str
    year: int
    quarter: int
    value: Decimal
    source: str
    replaces: Decimal | None = None  # the value it replaces, if the quarter has one


@dataclass
class ImportPreview:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, messages)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error and bool(self.rows)

    def signed(self) -> str:
        return signing.dumps(
            [[row.number, row.code, row.year, row.quarter, str(row.value), row.source] for row in self.rows],
            salt=SIGNING_SALT,
            compress=True,
        )


def template_workbook() -> bytes:
    """The empty template with the columns, an example row and the list of indicator codes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Values")[:31]
    sheet.append([_("Indicator code"), _("Year"), _("Quarter (1–4)"), _("Value"), _("Source")])
    sheet.append(["trade_total", 2024, 1, 8992.4, _("Beijing Customs")])
    for column, width in zip("ABCDE", (24, 8, 14, 16, 40), strict=True):
        sheet.column_dimensions[column].width = width
    codes = book.create_sheet(_("Indicators")[:31])
    codes.append([_("Indicator code"), _("Name"), _("Unit"), _("Kind of figure")])
    for indicator in Indicator.objects.order_by("sort_order", "code"):
        codes.append([indicator.code, indicator.name, indicator.unit, indicator.get_aggregation_display()])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _integer(cell: Any) -> int | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    text = _text(cell)
    return int(text) if text.isdigit() else None


def parse_number(cell: Any) -> Decimal | None:
    """A cell or a typed text as a Decimal: ``8992.4``, ``8,992.4`` (commas group thousands)."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return Decimal(repr(cell))
    text = str(cell).strip().replace(",", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def read_workbook(upload: IO[bytes], *, size: int | None = None) -> ImportPreview:
    """Check every row of the uploaded workbook; nothing is written."""
    preview = ImportPreview()
    if size is not None and size > MAX_BYTES:
        preview.file_error = _("The file is larger than 2 MB: split it into several files.")
        return preview
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError):
        preview.file_error = _("This is not an Excel workbook (.xlsx): download the template and fill it in.")
        return preview
    try:
        sheet = book.worksheets[0]
        indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
        existing = {
            (code, year, quarter): value
            for code, year, quarter, value in IndicatorValue.objects.values_list(
                "indicator__code", "year", "quarter", "value"
            )
        }
        seen: dict[tuple[str, int, int], int] = {}
        for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=5, values_only=True), start=2):
            cells = tuple(cells) + (None,) * (5 - len(cells))
            if all(_text(cell) == "" for cell in cells):
                continue
            if len(preview.rows) + len(preview.errors) >= MAX_ROWS:
                preview.file_error = _("The file has more than %(count)s rows: split it into several files.") % {
                    "count": MAX_ROWS
                }
                return preview
            row, errors = _check_row(number, cells, indicators, existing, seen)
            if errors:
                preview.errors.append((number, errors))
            elif row is not None:
                preview.rows.append(row)
    finally:
        book.close()
    if not preview.rows and not preview.errors:
        preview.file_error = _("The file has no values under its header row.")
    return preview


def _check_row(
    number: int,
    cells: tuple[Any, ...],
    indicators: dict[str, Indicator],
    existing: dict[tuple[str, int, int], Decimal],
    seen: dict[tuple[str, int, int], int],
) -> tuple[ImportRow | None, list[str]]:
    code_cell, year_cell, quarter_cell, value_cell, source_cell = cells[:5]
    errors: list[str] = []
    code = _text(code_cell)
    if not code:
        errors.append(_("The indicator code is missing."))
    elif code not in indicators:
        errors.append(
            _("“%(code)s” is not an indicator code (see the Indicators sheet of the template).") % {"code": code}
        )
    year = _integer(year_cell)
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        errors.append(
            _("The year “%(value)s” is not a year between %(first)s and %(last)s.")
            % {"value": _text(year_cell), "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    quarter = _integer(quarter_cell)
    if quarter is None or not 1 <= quarter <= 4:
        errors.append(_("The quarter “%(value)s” is not 1, 2, 3 or 4.") % {"value": _text(quarter_cell)})
    value = parse_number(value_cell)
    if value is None:
        errors.append(_("The value “%(value)s” is not a number.") % {"value": _text(value_cell)})
    elif value.copy_abs() >= MAX_ABS_VALUE:
        errors.append(_("The value “%(value)s” is too large.") % {"value": _text(value_cell)})
    elif value.as_tuple().exponent < -4:  # type: ignore[operator]
        errors.append(_("The value “%(value)s” has more than four decimals.") % {"value": _text(value_cell)})
    source = _text(source_cell)
    if len(source) > SOURCE_MAX:
        errors.append(_("The source is longer than %(count)s characters.") % {"count": SOURCE_MAX})
    if errors or year is None or quarter is None or value is None:
        return None, errors
    key = (code, year, quarter)
    if key in seen:
        return None, [
            _("Row %(row)s already gives %(code)s for %(year)s Q%(quarter)s.")
            % {"row": seen[key], "code": code, "year": year, "quarter": quarter}
        ]
    seen[key] = number
    return ImportRow(number, code, year, quarter, value, source, replaces=existing.get(key)), []


def rows_from_signed(token: str) -> list[ImportRow]:
    """The rows a preview signed; :class:`ValidationError` if the token is altered or too old."""
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=SIGNED_MAX_AGE)
    except signing.BadSignature as error:
        raise ValidationError(_("This preview has expired: upload the file again.")) from error
    return [
        ImportRow(int(number), str(code), int(year), int(quarter), Decimal(str(value)), str(source))
        for number, code, year, quarter, value, source in data
    ]


def apply_import(*, rows: Iterable[ImportRow], by: Any, file_name: str = "") -> int:
    """Write every row (replacing a quarter's value where it has one) or none; the count written."""
    rows = list(rows)
    with transaction.atomic():
        indicators = {
            indicator.code: indicator for indicator in Indicator.objects.filter(code__in={row.code for row in rows})
        }
        missing = sorted({row.code for row in rows} - set(indicators))
        if missing:
            raise ValidationError(
                _("These indicators no longer exist: %(codes)s. Nothing was imported.") % {"codes": ", ".join(missing)}
            )
        existing = {
            (entry.indicator_id, entry.year, entry.quarter): entry
            for entry in IndicatorValue.objects.select_for_update().filter(indicator__in=indicators.values())
        }
        to_create, to_update = [], []
        now = timezone.now()
        for row in rows:
            indicator = indicators[row.code]
            entry = existing.get((indicator.pk, row.year, row.quarter))
            if entry is None:
                to_create.append(
                    IndicatorValue(
                        indicator=indicator,
                        year=row.year,
                        quarter=row.quarter,
                        value=row.value,
                        source=row.source,
                        updated_by=by,
                    )
                )
            else:
                entry.value, entry.source, entry.updated_by, entry.updated_at = row.value, row.source, by, now
                to_update.append(entry)
        IndicatorValue.objects.bulk_create(to_create)
        IndicatorValue.objects.bulk_update(to_update, ["value", "source", "updated_by", "updated_at"])
        audit.record(
            actor=by,
            action="indicator.values.imported",
            data={
                "file": file_name,
                "created": len(to_create),
                "replaced": len(to_update),
                "rows": [[row.code, row.year, row.quarter, str(row.value)] for row in rows],
            },
        )
        pagecache.content_changed()
    return len(rows)
