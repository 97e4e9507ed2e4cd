"""Inserting many rows fast: one ``executemany`` per batch with the primary keys given.

``bulk_create`` runs every value through the SQL compiler (expression checks, ``pre_save``,
``get_db_prep_save``): at 100,000 enterprises of twenty-odd columns that is most of an
import.  The objects an import builds already hold database-ready values, so here only
dates, date-times, decimals and JSON go through the backend's adapters, and everything
else is passed as it is.

Primary keys are given, not returned: the import's transaction reserves them first — on
PostgreSQL from the table's identity sequence, on SQLite above the largest id ever used
(the import's ``BEGIN IMMEDIATE`` transaction holds the write lock, so no one else can
take them meanwhile).  Other databases fall back to ``bulk_create``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model

_Converter = Callable[[Any], Any]


def _converter(field: Any) -> _Converter | None:
    ops = connection.ops
    kind = field.get_internal_type()
    if kind == "DateField":
        return ops.adapt_datefield_value
    if kind == "DateTimeField":
        return ops.adapt_datetimefield_value
    if kind == "DecimalField":
        return lambda value: ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
    if kind == "JSONField":
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def _insert_sql(model: type[Model], columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608 -- names quoted


def reserve_ids(model: type[Model], count: int) -> list[int]:
    """``count`` primary keys no other row has or will get; call inside the writing transaction."""
    if count == 0:
        return []
    table = model._meta.db_table
    pk = model._meta.pk
    assert pk is not None
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(pk.column)}), 0) FROM {quote(table)}")  # noqa: S608 -- names quoted
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
        if cursor.fetchone():
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + 1 + count))


def insert(model: type[Model], objects: Sequence[Model], *, with_ids: bool = True) -> None:
    """INSERT ``objects`` (unsaved) in one statement run for every row; with ``with_ids`` they get their pks."""
    if not objects:
        return
    if connection.vendor not in {"sqlite", "postgresql"}:
        model._default_manager.bulk_create(objects)
        return
    fields = [field for field in model._meta.concrete_fields if with_ids or not field.primary_key]
    if with_ids:
        pk_name = model._meta.pk.attname
        for obj, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
            obj.__dict__[pk_name] = pk
    attnames = [field.attname for field in fields]
    converters = [(index, convert) for index, field in enumerate(fields) if (convert := _converter(field)) is not None]
    rows = []
    for obj in objects:
        values = obj.__dict__
        row = [values[name] for name in attnames]
        for index, convert in converters:
            if row[index] is not None:
                row[index] = convert(row[index])
        rows.append(row)
    with connection.cursor() as cursor:
        cursor.executemany(_insert_sql(model, [field.column for field in fields]), rows)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
