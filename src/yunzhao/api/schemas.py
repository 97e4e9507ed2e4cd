"""Input and output schemas of the API.

Amounts are decimal strings in JSON ("10000000.00"); times are ISO 8601 with their offset;
names of things staff write come in the reader's language (``name``) and per language.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Path, Schema
from pydantic import AfterValidator, AwareDatetime

#: The largest primary key a database column holds (64-bit signed).
MAX_ID = 2**63 - 1


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError(_("Text cannot hold NUL characters."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(_("Text must be valid Unicode.")) from error
    return value


def _sane_moment(value: dt.datetime) -> dt.datetime:
    try:
        in_utc = value.astimezone(dt.UTC)
    except OverflowError as error:
        raise ValueError(_("Give a date between 1900 and 2999.")) from error
    if not 1900 <= in_utc.year <= 2999:
        raise ValueError(_("Give a date between 1900 and 2999."))
    return value


def _sane_date(value: dt.date) -> dt.date:
    if not 1900 <= value.year <= 2999:
        raise ValueError(_("Give a date between 1900 and 2999."))
    return value


def text(max_length: int, *, min_length: int = 0) -> Any:
    return Annotated[str, Field(max_length=max_length, min_length=min_length), AfterValidator(_clean_text)]


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(..., ge=1, le=MAX_ID)]
Moment = Annotated[AwareDatetime, AfterValidator(_sane_moment)]
Day = Annotated[dt.date, AfterValidator(_sane_date)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=2, allow_inf_nan=False)]
Country = Annotated[str, Field(min_length=2, max_length=2, pattern=r"^[A-Za-z]{2}$")]
Currency = Annotated[str, Field(min_length=3, max_length=3, pattern=r"^[A-Za-z]{3}$")]


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# --- References ------------------------------------------------------------------------


class Ref(Schema):
    id: int
    name: str


class UserRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj)


class IndustryRef(Schema):
    id: int
    code: str
    name: str


def ref(obj: Any) -> dict[str, Any] | None:
    return None if obj is None else {"id": obj.pk, "name": str(obj)}


# --- Pages ------------------------------------------------------------------------------


class PageParams(Schema):
    limit: int = Field(20, ge=1, le=100, description="How many items to return (1–100).")
    offset: int = Field(0, ge=0, le=10**9, description="How many items to skip.")
