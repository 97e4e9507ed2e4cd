from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from tests.factories import DepartmentFactory, IndustryFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.demo.identifiers import credit_code_check_char

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def credit_code(serial: int) -> str:
    """A well-formed credit code whose check character is right."""
    first17 = f"91110115MA{serial:07d}"
    return first17 + credit_code_check_char(first17)


def xlsx_bytes(headers: Sequence[Any], rows: Sequence[Sequence[Any]], *, title: str = "Sheet1") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(headers: Sequence[Any], rows: Sequence[Sequence[Any]], *, name: str = "企业名单.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(headers, rows), content_type=XLSX)


def read_back(content: bytes) -> list[list[Any]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


@pytest.fixture
def industries():
    section = IndustryFactory(code="I", name_zh_hans="信息传输、软件和信息技术服务业", name_en="Information technology")
    division = IndustryFactory(code="65", name_zh_hans="软件和信息技术服务业", name_en="Software", parent=section)
    return {"I": section, "65": division}


@pytest.fixture
def staff():
    unit = DepartmentFactory(code="unit-1", name="招商一部")
    return UserFactory(email="officer@example.org", full_name="李明", role=Role.OFFICER, department=unit)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
