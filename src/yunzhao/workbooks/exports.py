"""Export lists to .xlsx, streamed: rows come from the database in chunks and go straight to
openpyxl's write-only workbook in an anonymous temporary file, which the response then sends.

The columns are the import's own (:mod:`yunzhao.workbooks.columns`), headed in the reader's
language, one per language for translated fields, so an export re-imports as it is.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from django.db.models import Model, QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from yunzhao.accounts.models import Department, User
from yunzhao.crm.models import Channel, Contact, DataSource, Enterprise, EnterpriseSize, Industry, Ownership
from yunzhao.pipeline.models import KeyLevel, Project, Source, Stage
from yunzhao.workbooks.columns import CONTACT_COLUMNS, ENTERPRISE_COLUMNS, PROJECT_COLUMNS, Column
from yunzhao.workbooks.models import ImportKind

CHUNK = 2000
SHEET_TITLES = {
    ImportKind.ENTERPRISES: ImportKind.ENTERPRISES.label,
    ImportKind.CONTACTS: ImportKind.CONTACTS.label,
    ImportKind.PROJECTS: ImportKind.PROJECTS.label,
}


def _labels(choices: Any) -> dict[str, str]:
    """Choice value → label in the active language."""
    return {value: str(label) for value, label in choices.choices}


def _codes(model: type[Model], field: str) -> dict[int, str]:
    return dict(model._default_manager.values_list("pk", field))


def write_workbook(
    *, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], file: IO[bytes] | None = None
) -> IO[bytes]:
    """Write a header (bold, in the active language) and ``rows`` to ``file``; returns it rewound."""
    target: IO[bytes] = file if file is not None else tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(title)[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 28 if column.language or column.kind == "text" else 18
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header())
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(target)
    target.seek(0)
    return target


def _chunked(queryset: QuerySet[Any], fields: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    yield from queryset.values_list(*fields).iterator(chunk_size=CHUNK)


# --- Enterprises ----------------------------------------------------------------------------


def enterprise_rows(queryset: QuerySet[Enterprise]) -> Iterator[list[Any]]:
    """One list of cells per enterprise, in ``ENTERPRISE_COLUMNS`` order."""
    industries = _codes(Industry, "code")
    departments = _codes(Department, "code")
    emails = _codes(User, "email")
    ownership, sizes = _labels(Ownership), _labels(EnterpriseSize)
    name_fields = [column.key for column in ENTERPRISE_COLUMNS if column.field == "name"]
    fields = [
        *name_fields,
        "credit_code",
        "registration_number",
        "country",
        "industry_id",
        "ownership",
        "size",
        "website",
        "registered_in_zone_on",
        "department_id",
        "owner_id",
    ]
    count = len(name_fields)
    for values in _chunked(queryset, fields):
        (credit, registration, country, industry, owned, size, website, registered, department, owner) = values[count:]
        yield [
            *(name or None for name in values[:count]),
            credit,
            registration or None,
            country,
            industries.get(industry),
            ownership.get(owned, owned),
            sizes.get(size) if size else None,
            website or None,
            registered,
            departments.get(department),
            emails.get(owner),
        ]


def export_enterprises(queryset: QuerySet[Enterprise]) -> IO[bytes]:
    return write_workbook(
        title=str(SHEET_TITLES[ImportKind.ENTERPRISES]), columns=ENTERPRISE_COLUMNS, rows=enterprise_rows(queryset)
    )


# --- Contacts -------------------------------------------------------------------------------


def contact_rows(queryset: QuerySet[Contact]) -> Iterator[list[Any]]:
    sources = _labels(DataSource)
    fields = [
        "enterprise_id",
        "enterprise__credit_code",
        "enterprise__name_zh_hans",
        "name",
        "latin_name",
        "title",
        "languages",
        "email",
        "phone",
        "wechat_id",
        "data_source",
        "consented",
    ]
    for (
        enterprise,
        credit,
        enterprise_name,
        name,
        latin,
        title,
        languages,
        email,
        phone,
        wechat,
        source,
        consented,
    ) in _chunked(queryset, fields):
        yield [
            enterprise,
            credit,
            enterprise_name,
            name,
            latin or None,
            title or None,
            ", ".join(languages or []) or None,
            email or None,
            phone or None,
            wechat or None,
            sources.get(source, source),
            bool(consented),
        ]


def export_contacts(queryset: QuerySet[Contact]) -> IO[bytes]:
    return write_workbook(
        title=str(SHEET_TITLES[ImportKind.CONTACTS]), columns=CONTACT_COLUMNS, rows=contact_rows(queryset)
    )


# --- Projects -------------------------------------------------------------------------------


def project_rows(queryset: QuerySet[Project]) -> Iterator[list[Any]]:
    industries = _codes(Industry, "code")
    departments = _codes(Department, "code")
    emails = _codes(User, "email")
    channels = _codes(Channel, "name_zh_hans")
    stages, levels, sources = _labels(Stage), _labels(KeyLevel), _labels(Source)
    title_fields = [column.key for column in PROJECT_COLUMNS if column.field == "title"]
    amounts = [
        "planned_investment",
        "currency",
        "registered_capital",
        "expected_jobs",
        "expected_annual_output",
        "expected_annual_tax",
        "land_need_mu",
        "space_need_sqm",
    ]
    fields = [
        *title_fields,
        "enterprise_id",
        "enterprise__credit_code",
        "enterprise__name_zh_hans",
        "industry_id",
        "stage",
        *amounts,
        "is_key",
        "key_level",
        "source",
        "channel_id",
        "department_id",
        "owner_id",
    ]
    count = len(title_fields)
    for values in _chunked(queryset, fields):
        titles, rest = values[:count], values[count:]
        enterprise, credit, enterprise_name, industry, stage = rest[:5]
        figures = rest[5 : 5 + len(amounts)]
        is_key, level, source, channel, department, owner = rest[5 + len(amounts) :]
        yield [
            *(title or None for title in titles),
            enterprise,
            credit,
            enterprise_name,
            industries.get(industry),
            stages.get(stage, stage),
            *figures,
            bool(is_key),
            levels.get(level) if level else None,
            sources.get(source, source),
            channels.get(channel),
            departments.get(department),
            emails.get(owner),
        ]


def export_projects(queryset: QuerySet[Project]) -> IO[bytes]:
    return write_workbook(
        title=str(SHEET_TITLES[ImportKind.PROJECTS]), columns=PROJECT_COLUMNS, rows=project_rows(queryset)
    )


EXPORTERS: dict[str, Callable[[QuerySet[Any]], IO[bytes]]] = {
    ImportKind.ENTERPRISES: export_enterprises,
    ImportKind.CONTACTS: export_contacts,
    ImportKind.PROJECTS: export_projects,
}


def file_name(kind: str) -> str:
    return f"{kind}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
