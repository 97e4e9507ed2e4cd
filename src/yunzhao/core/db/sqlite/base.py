"""SQLite backend with the audit log's append-only triggers kept through ``flush``.

The audit log refuses UPDATE and DELETE by trigger.  ``manage.py flush`` (and the
test runner, which flushes between transactional tests) wipes the whole database;
PostgreSQL does that with TRUNCATE, which row triggers do not see.  SQLite has no
TRUNCATE, so this backend drops the guard for the duration of the wipe and puts it
back in the same script.  Nothing else can remove a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.backends.sqlite3 import base, operations

from yunzhao.core.audit_sql import SQLITE_CREATE_TRIGGERS, SQLITE_DROP_TRIGGERS


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(
        self, style: Any, tables: Sequence[str], *, reset_sequences: bool = False, allow_cascade: bool = False
    ) -> list[str]:
        statements = super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        if "core_auditentry" not in tables:
            return statements
        return [*SQLITE_DROP_TRIGGERS, *statements, *SQLITE_CREATE_TRIGGERS]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
