"""The columns an import reads and an export writes, per kind, and how headers are recognised.

A translated field (an enterprise's name, a project's title) has one column per language:
``name_zh_hans``, ``name_en`` …, headed "名称 (English)" — the field's label in the reader's
language and the language's own name.  The import recognises a header written in any of
the platform's languages, the export's own headers, and the field keys themselves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import TextChoices
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.crm.models import DataSource, EnterpriseSize, Ownership
from yunzhao.pipeline.models import KeyLevel, Source, Stage
from yunzhao.workbooks.models import ImportKind

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT_LANGUAGE: str = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Column:
    """One column of a workbook: ``key`` is the model field (or the reference) it fills."""

    key: str
    label: str | Promise
    kind: str = "text"  # how a cell is read: see validation.CELL_READERS
    required: bool = False
    max_length: int | None = None
    choices: type[TextChoices] | None = None
    language: str | None = None  # for one language's column of a translated field
    field: str = ""  # the translated field's name ("name"), for its per-language columns

    def header(self) -> str:
        """The column's header in the active language: "名称 (English)" for a language's column."""
        if self.language is None:
            return str(self.label)
        language_name = translation.get_language_info(self.language)["name_local"]
        return _("%(field)s (%(language)s)") % {"field": self.label, "language": language_name}


def _translated(field: str, label: Promise, *, max_length: int, required_default: bool) -> list[Column]:
    return [
        Column(
            key=build_localized_fieldname(field, code),
            label=label,
            max_length=max_length,
            required=required_default and code == DEFAULT_LANGUAGE,
            language=code,
            field=field,
        )
        for code in LANGUAGE_CODES
    ]


ENTERPRISE_COLUMNS: tuple[Column, ...] = (
    *_translated("name", _("Name"), max_length=300, required_default=True),
    Column("credit_code", _("Unified social credit code"), kind="credit_code", max_length=18),
    Column("registration_number", _("Registration number"), max_length=60),
    Column("country", _("Country"), kind="country"),
    Column("industry", _("Industry code"), kind="industry"),
    Column("ownership", _("Ownership"), kind="choice", choices=Ownership),
    Column("size", _("Size"), kind="choice", choices=EnterpriseSize),
    Column("website", _("Website"), kind="url", max_length=200),
    Column("registered_in_zone_on", _("Registered in the zone on"), kind="date"),
    Column("department", _("Department code"), kind="department"),
    Column("owner", _("Officer's e-mail address"), kind="user"),
)

ENTERPRISE_REFERENCE_COLUMNS: tuple[Column, ...] = (
    Column("enterprise_id", _("Enterprise ID"), kind="integer"),
    Column("enterprise_credit_code", _("Enterprise's credit code"), kind="text", max_length=18),
    Column("enterprise_name", _("Enterprise"), kind="text", max_length=300),
)

CONTACT_COLUMNS: tuple[Column, ...] = (
    *ENTERPRISE_REFERENCE_COLUMNS,
    Column("name", _("Name"), required=True, max_length=200),
    Column("latin_name", _("Name in Latin letters"), max_length=200),
    Column("title", _("Job title"), max_length=200),
    Column("languages", _("Languages"), kind="languages"),
    Column("email", _("E-mail address"), kind="email", max_length=254),
    Column("phone", _("Phone"), kind="phone", max_length=50),
    Column("wechat_id", _("WeChat ID"), kind="wechat", max_length=50),
    Column("data_source", _("Where their data came from"), kind="choice", choices=DataSource, required=True),
    Column("consented", _("Consented"), kind="boolean"),
)

PROJECT_COLUMNS: tuple[Column, ...] = (
    *_translated("title", _("Title"), max_length=300, required_default=True),
    *ENTERPRISE_REFERENCE_COLUMNS,
    Column("industry", _("Industry code"), kind="industry"),
    Column("stage", _("Stage"), kind="choice", choices=Stage),
    Column("planned_investment", _("Planned investment"), kind="amount"),
    Column("currency", _("Currency"), kind="currency"),
    Column("registered_capital", _("Registered capital"), kind="amount"),
    Column("expected_jobs", _("Expected jobs"), kind="integer"),
    Column("expected_annual_output", _("Expected annual output"), kind="amount"),
    Column("expected_annual_tax", _("Expected annual tax"), kind="amount"),
    Column("land_need_mu", _("Land needed (mu)"), kind="area"),
    Column("space_need_sqm", _("Floor space needed (m²)"), kind="area"),
    Column("is_key", _("Key project"), kind="boolean"),
    Column("key_level", _("Key project level"), kind="choice", choices=KeyLevel),
    Column("source", _("Source"), kind="choice", choices=Source),
    Column("channel", _("Channel"), kind="channel"),
    Column("department", _("Department code"), kind="department", required=True),
    Column("owner", _("Officer's e-mail address"), kind="user"),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    ImportKind.ENTERPRISES: ENTERPRISE_COLUMNS,
    ImportKind.CONTACTS: CONTACT_COLUMNS,
    ImportKind.PROJECTS: PROJECT_COLUMNS,
}


def columns_for(kind: str) -> tuple[Column, ...]:
    return COLUMNS[kind]


def column_by_key(kind: str) -> dict[str, Column]:
    return {column.key: column for column in COLUMNS[kind]}


def normalise_header(text: object) -> str:
    """Fold a header for comparison: NFKC, case, no spaces, no required-field marks or colons."""
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(char for char in folded if not char.isspace() and char not in "*:")


@lru_cache(maxsize=16)
def _aliases(kind: str) -> dict[str, str]:
    """Every header text (normalised) that names a column of ``kind`` → the column's key."""
    aliases: dict[str, str] = {}
    columns = COLUMNS[kind]
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for column in columns:
                aliases.setdefault(normalise_header(column.header()), column.key)
                # The bare label of a translated field means its default language's column.
                if column.language in (None, DEFAULT_LANGUAGE):
                    aliases.setdefault(normalise_header(column.label), column.key)
    for column in columns:
        aliases.setdefault(normalise_header(column.key), column.key)
        if column.field and column.language == DEFAULT_LANGUAGE:
            aliases.setdefault(normalise_header(column.field), column.key)
    return aliases


def guess_mapping(kind: str, headers: Sequence[object]) -> dict[str, str]:
    """Column index (as text) → field key, for each header that names a column; each key once."""
    aliases = _aliases(kind)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = aliases.get(normalise_header(header))
        if key and key not in taken:
            mapping[str(index)] = key
            taken.add(key)
    return mapping
