"""Checking rows of a workbook in batches, with every lookup loaded once, never per row.

``check_rows`` reads cells with the column's reader (``CELL_READERS``), then resolves what
needs the database — credit codes already taken, the enterprise a contact or project
belongs to — for a whole chunk of rows with one query each.  An error is a code with
parameters (see :mod:`yunzhao.workbooks.messages`), tied to a sheet row and a column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db.models import Q
from django.utils import translation
from django.utils.dateparse import parse_date

from yunzhao.accounts.models import INTERNAL_ROLES, Department, User
from yunzhao.crm.languages import ISO_639_1
from yunzhao.crm.models import Channel, Enterprise, Industry
from yunzhao.demo.identifiers import CREDIT_CODE_ALPHABET, credit_code_check_char
from yunzhao.workbooks.columns import LANGUAGE_CODES, Column, column_by_key, normalise_header
from yunzhao.workbooks.models import ImportKind

CHUNK_SIZE = 2000
_EMAIL = EmailValidator()
_URL = URLValidator(schemes=["http", "https"])
_PHONE = re.compile(r"^\+?[0-9(][0-9 ()./-]*[0-9]$")
_WECHAT = re.compile(r"^[A-Za-z0-9_-]+$")
_TRUE = {"1", "true", "yes", "y", "x", "✓", "是", "はい", "예", "نعم", "sí", "si", "oui", "да"}
_FALSE = {"0", "false", "no", "n", "否", "いいえ", "아니요", "لا", "non", "нет", "-"}
_CENT = Decimal("0.01")


class CellError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class CheckedRow:
    number: int  # the row's number in the sheet, as Excel shows it
    values: dict[str, Any]
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: An enterprise's name keys (``crm.duplicates.name_key``), worked out once by the check.
    name_keys: list[str] | None = None

    def add_error(self, key: str, code: str, **params: Any) -> None:
        self.errors.append({"row": self.number, "field": key, "code": code, "params": params})


# --- Lookups, loaded once per job ----------------------------------------------------------


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


@lru_cache(maxsize=32)
def choice_values(choices: Any) -> dict[str, str]:
    """Every way of writing a choice (its value, its label in each language) → its value."""
    found: dict[str, str] = {}
    for value, _label in choices.choices:
        found[normalise_header(value)] = value
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for value, label in choices.choices:
                found.setdefault(normalise_header(label), value)
    return found


@dataclass
class Lookups:
    """What cells are resolved against: dictionaries loaded with one query each."""

    industries: dict[str, int]
    departments: dict[str, int]
    users: dict[str, int]
    channels: dict[str, int]

    @classmethod
    def load(cls, kind: str) -> Lookups:
        industries = dict(Industry.objects.values_list("code", "pk"))
        departments = {code.casefold(): pk for code, pk in Department.objects.values_list("code", "pk")}
        users = {
            email.casefold(): pk
            for email, pk in User.objects.filter(role__in=INTERNAL_ROLES, is_active=True).values_list("email", "pk")
        }
        channels: dict[str, int] = {}
        if kind == ImportKind.PROJECTS:
            names = [f"name_{code.replace('-', '_')}" for code in LANGUAGE_CODES]
            for pk, *values in Channel.objects.values_list("pk", *names):
                channels[str(pk)] = pk
                for value in values:
                    if value:
                        channels.setdefault(normalise_header(value), pk)
        return cls(industries=industries, departments=departments, users=users, channels=channels)


# --- Cell readers --------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_text(value: Any, column: Column, lookups: Lookups) -> str:
    text = _text(value)
    if column.max_length is not None and len(text) > column.max_length:
        raise CellError("too_long", limit=column.max_length, length=len(text))
    return text


def read_credit_code(value: Any, column: Column, lookups: Lookups) -> str | None:
    code = _text(value).upper().replace(" ", "")
    if not code:
        return None
    if len(code) != 18 or any(char not in CREDIT_CODE_ALPHABET for char in code):
        raise CellError("invalid_credit_code", value=code)
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise CellError("credit_code_check", value=code, expected=expected)
    return code


def read_country(value: Any, column: Column, lookups: Lookups) -> str:
    code = _text(value).upper()
    if code not in country_codes():
        raise CellError("unknown_country", value=code)
    return code


def read_industry(value: Any, column: Column, lookups: Lookups) -> int:
    code = _text(value).upper()
    if code.isdigit():
        code = code.zfill(2)
    if code not in lookups.industries:
        # "I 信息传输…" as the export writes nothing like it, but people do: take the code before a space.
        head = code.split(" ", 1)[0]
        if head not in lookups.industries:
            raise CellError("unknown_industry", value=_text(value))
        code = head
    return lookups.industries[code]


def read_department(value: Any, column: Column, lookups: Lookups) -> int:
    code = _text(value)
    pk = lookups.departments.get(code.casefold())
    if pk is None:
        raise CellError("unknown_department", value=code)
    return pk


def read_user(value: Any, column: Column, lookups: Lookups) -> int:
    email = _text(value)
    pk = lookups.users.get(email.casefold())
    if pk is None:
        raise CellError("unknown_user", value=email)
    return pk


def read_channel(value: Any, column: Column, lookups: Lookups) -> int:
    name = _text(value)
    pk = lookups.channels.get(normalise_header(name))
    if pk is None:
        raise CellError("unknown_channel", value=name)
    return pk


def read_choice(value: Any, column: Column, lookups: Lookups) -> str:
    assert column.choices is not None
    text = _text(value)
    found = choice_values(column.choices).get(normalise_header(text))
    if found is None:
        raise CellError("invalid_choice", value=text)
    return found


def read_email(value: Any, column: Column, lookups: Lookups) -> str:
    email = read_text(value, column, lookups)
    try:
        _EMAIL(email)
    except ValidationError:
        raise CellError("invalid_email") from None
    return email


def read_url(value: Any, column: Column, lookups: Lookups) -> str:
    url = read_text(value, column, lookups)
    if "://" not in url:
        url = f"https://{url}"
    try:
        _URL(url)
    except ValidationError:
        raise CellError("invalid_url") from None
    return url


def read_phone(value: Any, column: Column, lookups: Lookups) -> str:
    phone = read_text(value, column, lookups)
    if not _PHONE.match(phone):
        raise CellError("invalid_phone")
    return phone


def read_wechat(value: Any, column: Column, lookups: Lookups) -> str:
    wechat = read_text(value, column, lookups)
    if not _WECHAT.match(wechat):
        raise CellError("invalid_wechat")
    return wechat


def read_date(value: Any, column: Column, lookups: Lookups) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        parsed = parse_date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise CellError("invalid_date")
    return parsed


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise CellError("invalid_number")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = _text(value).replace(",", "").replace(" ", "").replace("\u00a0", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError("invalid_number") from None
    if not number.is_finite():
        raise CellError("invalid_number")
    if number < 0:
        raise CellError("negative", limit_value=0)
    return number


def _bounded(number: Decimal, max_digits: int) -> Decimal:
    number = number.quantize(_CENT)
    if len(number.as_tuple().digits) > max_digits:
        raise CellError("too_many_digits")
    return number


def read_amount(value: Any, column: Column, lookups: Lookups) -> Decimal:
    return _bounded(_decimal(value), 18)


def read_area(value: Any, column: Column, lookups: Lookups) -> Decimal:
    return _bounded(_decimal(value), 12)


def read_integer(value: Any, column: Column, lookups: Lookups) -> int:
    number = _decimal(value)
    if number != number.to_integral_value():
        raise CellError("invalid_integer")
    if number > 2_147_483_647:
        raise CellError("too_many_digits")
    return int(number)


def read_currency(value: Any, column: Column, lookups: Lookups) -> str:
    code = _text(value).upper()
    if code not in currency_codes():
        raise CellError("invalid_currency", value=_text(value))
    return code


def read_boolean(value: Any, column: Column, lookups: Lookups) -> bool:
    if isinstance(value, bool):
        return value
    text = normalise_header(_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError("invalid_boolean", value=_text(value))


def read_languages(value: Any, column: Column, lookups: Lookups) -> list[str]:
    codes = [code.strip().lower() for code in re.split(r"[,;/、，\s]+", _text(value)) if code.strip()]
    unknown = [code for code in codes if code not in ISO_639_1]
    if unknown:
        raise CellError("invalid_language", value=", ".join(unknown))
    return list(dict.fromkeys(codes))


CELL_READERS: dict[str, Callable[[Any, Column, Lookups], Any]] = {
    "text": read_text,
    "credit_code": read_credit_code,
    "country": read_country,
    "industry": read_industry,
    "department": read_department,
    "user": read_user,
    "channel": read_channel,
    "choice": read_choice,
    "email": read_email,
    "url": read_url,
    "phone": read_phone,
    "wechat": read_wechat,
    "date": read_date,
    "amount": read_amount,
    "area": read_area,
    "integer": read_integer,
    "currency": read_currency,
    "boolean": read_boolean,
    "languages": read_languages,
}


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- Rows and chunks -----------------------------------------------------------------------


class RowChecker:
    """Checks the rows of one job: cells one by one, then the database questions per chunk."""

    def __init__(self, kind: str, mapping: dict[str, str], lookups: Lookups | None = None) -> None:
        self.kind = kind
        columns = column_by_key(kind)
        self.mapped: list[tuple[int, Column, Callable[[Any, Column, Lookups], Any]]] = [
            (int(index), columns[key], CELL_READERS[columns[key].kind])
            for index, key in sorted(mapping.items(), key=lambda item: int(item[0]))
            if key in columns
        ]
        mapped_keys = {column.key for _index, column, _reader in self.mapped}
        self.missing_required = [
            column for column in columns.values() if column.required and column.key not in mapped_keys
        ]
        self.lookups = lookups if lookups is not None else Lookups.load(kind)
        self.seen_credit_codes: dict[str, int] = {}

    def check_row(self, number: int, cells: tuple[Any, ...]) -> CheckedRow:
        row = CheckedRow(number=number, values={})
        for column in self.missing_required:
            row.add_error(column.key, "required")
        width = len(cells)
        for index, column, reader in self.mapped:
            value = cells[index] if index < width else None
            if _is_empty(value):
                if column.required:
                    row.add_error(column.key, "required")
                continue
            try:
                row.values[column.key] = reader(value, column, self.lookups)
            except CellError as error:
                row.add_error(column.key, error.code, **error.params)
        return row

    def check_chunk(self, rows: list[CheckedRow]) -> list[CheckedRow]:
        if self.kind == ImportKind.ENTERPRISES:
            self._check_credit_codes(rows)
        else:
            self._resolve_enterprises(rows)
        return rows

    def check(self, numbered_rows: Iterable[tuple[int, tuple[Any, ...]]]) -> Iterator[list[CheckedRow]]:
        """Chunks of checked rows, in sheet order."""
        chunk: list[CheckedRow] = []
        for number, cells in numbered_rows:
            chunk.append(self.check_row(number, cells))
            if len(chunk) >= CHUNK_SIZE:
                yield self.check_chunk(chunk)
                chunk = []
        if chunk:
            yield self.check_chunk(chunk)

    def _check_credit_codes(self, rows: list[CheckedRow]) -> None:
        codes = {row.values["credit_code"] for row in rows if row.values.get("credit_code")}
        taken = dict(Enterprise.objects.filter(credit_code__in=codes).values_list("credit_code", "pk")) if codes else {}
        for row in rows:
            code = row.values.get("credit_code")
            if not code:
                continue
            if code in taken:
                row.add_error("credit_code", "credit_code_taken", value=code, id=taken[code])
            elif code in self.seen_credit_codes:
                row.add_error("credit_code", "credit_code_repeated", value=code, first_row=self.seen_credit_codes[code])
            else:
                self.seen_credit_codes[code] = row.number

    def _resolve_enterprises(self, rows: list[CheckedRow]) -> None:
        ids = {row.values["enterprise_id"] for row in rows if "enterprise_id" in row.values}
        codes = {
            row.values["enterprise_credit_code"].upper() for row in rows if row.values.get("enterprise_credit_code")
        }
        names = {row.values["enterprise_name"] for row in rows if row.values.get("enterprise_name")}
        known_ids = set(Enterprise.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
        by_code = (
            dict(Enterprise.objects.filter(credit_code__in=codes).values_list("credit_code", "pk")) if codes else {}
        )
        by_name: dict[str, set[int]] = {}
        if names:
            matches = Enterprise.objects.filter(Q(name_zh_hans__in=names) | Q(name_en__in=names))
            for pk, name_zh, name_en in matches.values_list("pk", "name_zh_hans", "name_en"):
                for name in (name_zh, name_en):
                    if name in names:
                        by_name.setdefault(name, set()).add(pk)
        for row in rows:
            values = row.values
            if "enterprise_id" in values:
                if values["enterprise_id"] in known_ids:
                    values["enterprise"] = values["enterprise_id"]
                else:
                    row.add_error("enterprise_id", "unknown_enterprise", value=values["enterprise_id"])
            elif values.get("enterprise_credit_code"):
                code = values["enterprise_credit_code"].upper()
                if code in by_code:
                    values["enterprise"] = by_code[code]
                else:
                    row.add_error("enterprise_credit_code", "unknown_enterprise", value=code)
            elif values.get("enterprise_name"):
                found = by_name.get(values["enterprise_name"], set())
                if len(found) == 1:
                    values["enterprise"] = next(iter(found))
                elif found:
                    row.add_error("enterprise_name", "ambiguous_enterprise", value=values["enterprise_name"])
                else:
                    row.add_error("enterprise_name", "unknown_enterprise", value=values["enterprise_name"])
            elif not any(error["field"].startswith("enterprise") for error in row.errors):
                row.add_error("enterprise_name", "enterprise_missing")
