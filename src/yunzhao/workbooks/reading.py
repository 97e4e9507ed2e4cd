"""Reading uploaded workbooks: checked by content, streamed row by row (openpyxl read-only)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

#: What the upload form accepts; larger files are refused before they are read.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


class NotAWorkbookError(ValueError):
    """The file is not an Office Open XML spreadsheet (whatever its name says)."""


def is_xlsx(file: IO[bytes]) -> bool:
    """True when ``file`` is a zip holding ``[Content_Types].xml`` and a workbook part."""
    position = file.tell()
    try:
        file.seek(0)
        if not zipfile.is_zipfile(file):
            return False
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
        return "[Content_Types].xml" in names and "xl/workbook.xml" in names
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    finally:
        file.seek(position)


@contextmanager
def open_workbook(file: IO[bytes]) -> Iterator[Any]:
    """The workbook in read-only streaming mode, closed (with its zip) afterwards."""
    file.seek(0)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise NotAWorkbookError(str(error)) from error
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_of(workbook: Any, name: str) -> ReadOnlyWorksheet:
    if name and name in workbook.sheetnames:
        return workbook[name]
    return workbook.worksheets[0]


def header_row(sheet: ReadOnlyWorksheet) -> list[str]:
    """The first row as text, trailing empty cells dropped."""
    for row in sheet.iter_rows(min_row=1, max_row=1, values_only=True):
        headers = ["" if value is None else str(value).strip() for value in row]
        while headers and not headers[-1]:
            headers.pop()
        return headers
    return []


def count_rows(workbook: Any, sheet: ReadOnlyWorksheet) -> int:
    """How many data rows (below the header) the sheet holds — by counting row tags in its XML.

    Much faster than parsing the cells; rows left empty in the middle count too, so this
    is an estimate for progress bars, made exact by the check.
    """
    count = 0
    tail = b""
    with workbook._archive.open(sheet._worksheet_path) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            count += len(_ROW_TAG.findall(data))
            # Keep a short tail so a tag cut between two chunks is seen once, in the next one.
            cut = max(0, len(data) - 16)
            count -= len(_ROW_TAG.findall(data[cut:]))
            tail = data[cut:]
    count += len(_ROW_TAG.findall(tail))
    return max(0, count - 1)


def iter_data_rows(sheet: ReadOnlyWorksheet) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(sheet row number, cell values) of every row below the header that holds something."""
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if any(value is not None and (not isinstance(value, str) or value.strip()) for value in row):
            yield number, row
