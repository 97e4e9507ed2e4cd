"""Duplicate review: rows of an enterprise import that look like enterprises already on file.

The matching itself is ``yunzhao.crm.duplicates.find_duplicates_for_rows``; this module
calls it per chunk and keeps what the review page shows as JSON.  Where that module is not
there, the import goes on without a duplicate check and says so in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from yunzhao.workbooks.columns import ENTERPRISE_COLUMNS
from yunzhao.workbooks.validation import CheckedRow

logger = logging.getLogger(__name__)

#: At most this many matches are kept per row.
MATCHES_PER_ROW = 3
NAME_KEYS = [column.key for column in ENTERPRISE_COLUMNS if column.field == "name"]


def _finder() -> Callable[[Sequence[tuple[list[str], str | None]]], dict[int, list[Any]]] | None:
    try:
        from yunzhao.crm.duplicates import find_duplicates_for_rows
    except ImportError:
        logger.warning("yunzhao.crm.duplicates is not available: the import runs without a duplicate check")
        return None
    return find_duplicates_for_rows


def _name_key() -> Callable[[str], str] | None:
    try:
        from yunzhao.crm.duplicates import name_key
    except ImportError:
        return None
    return name_key


def _reason_code(reason: Any) -> str:
    return str(getattr(reason, "value", reason))


def find_duplicates(rows: Sequence[CheckedRow]) -> list[dict[str, Any]] | None:
    """One entry per row that matches enterprises on file; ``None`` when no check is available."""
    finder = _finder()
    if finder is None:
        return None
    pairs = [
        ([row.values[key] for key in NAME_KEYS if row.values.get(key)], row.values.get("credit_code")) for row in rows
    ]
    key_of = _name_key()
    if key_of is not None:
        # Worked out once here (and cached by name_key for the finder just below), kept with
        # the checked rows so that the run stores them without working them out again.
        for row, (names, _code) in zip(rows, pairs, strict=True):
            row.name_keys = sorted({key for key in map(key_of, names) if key})
    found = finder(pairs)
    entries = []
    for index in sorted(found):
        matches = found[index]
        if not matches:
            continue
        row = rows[index]
        entries.append(
            {
                "row": row.number,
                "names": pairs[index][0],
                "matches": [
                    {
                        "id": match.enterprise.pk,
                        "name": str(match.enterprise),
                        "reasons": [_reason_code(reason) for reason in match.reasons],
                    }
                    for match in matches[:MATCHES_PER_ROW]
                ],
            }
        )
    return entries


def reason_label(code: str) -> str:
    """A reason in the reader's language, where the duplicates module names its reasons."""
    try:
        from yunzhao.crm import duplicates as module  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return code
    for name in ("Reason", "MatchReason", "DuplicateReason"):
        choices = getattr(module, name, None)
        labels = dict(getattr(choices, "choices", []) or [])
        if code in labels:
            return str(labels[code])
    return code
