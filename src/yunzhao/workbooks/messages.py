"""Row errors and failures are stored as codes with parameters and turned into text when read.

So an officer reading the job page in Arabic sees Arabic messages for a file uploaded by a
colleague working in Chinese.  Where Django already words a message (required fields,
e-mail addresses, numbers, dates, choices) its wording — and its translations — are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from yunzhao.workbooks.columns import column_by_key

MESSAGES: dict[str, Promise] = {
    # Django's own wording, translated by Django's catalogs.
    "required": _("This field is required."),
    "invalid_email": _("Enter a valid email address."),
    "invalid_url": _("Enter a valid URL."),
    "invalid_date": _("Enter a valid date."),
    "invalid_number": _("Enter a number."),
    "invalid_integer": _("Enter a whole number."),
    "invalid_choice": _("Select a valid choice. %(value)s is not one of the available choices."),
    "negative": _("Ensure this value is greater than or equal to %(limit_value)s."),
    # Ours.
    "too_long": _("At most %(limit)s characters; this has %(length)s."),
    "too_many_digits": _("This number is too large."),
    "invalid_credit_code": _(
        "A unified social credit code has 18 digits and capital letters (no I, O, S, V or Z): %(value)s."
    ),
    "credit_code_check": _("The check character of credit code %(value)s is wrong: it should end in %(expected)s."),
    "credit_code_taken": _("An enterprise with credit code %(value)s exists already (ID %(id)s)."),
    "credit_code_repeated": _("Credit code %(value)s is also in row %(first_row)s."),
    "unknown_country": _("Not a two-letter ISO country code: %(value)s."),
    "unknown_industry": _("No industry has the code %(value)s (GB/T 4754-2017 section letter or two-digit division)."),
    "unknown_department": _("No department has the code %(value)s."),
    "unknown_user": _("No staff member has the e-mail address %(value)s."),
    "unknown_channel": _("No investment channel is named %(value)s."),
    "invalid_currency": _("Not an ISO 4217 currency code: %(value)s."),
    "invalid_boolean": _("Write yes or no (or 1 or 0): %(value)s."),
    "invalid_language": _("Not an ISO 639-1 language code: %(value)s."),
    "invalid_phone": _("Enter a phone number: digits, with +, spaces, hyphens or brackets."),
    "invalid_wechat": _("A WeChat ID holds only Latin letters, digits, underscores and hyphens."),
    "enterprise_missing": _("Give the enterprise's ID, credit code or name."),
    "unknown_enterprise": _("No enterprise matches %(value)s."),
    "ambiguous_enterprise": _("Several enterprises are named %(value)s: give its ID or credit code."),
    # Whole-job failures.
    "database": _("The database refused the data (%(detail)s). Nothing was imported."),
    "row_invalid": _("Row %(row)s no longer passes the checks (%(message)s). Nothing was imported."),
    "unreadable": _("The workbook could not be read (%(detail)s). Nothing was imported."),
    "unexpected": _("The import stopped on an unexpected error (%(detail)s). Nothing was imported."),
}


def message(code: str, params: dict[str, Any] | None = None) -> str:
    """The text of ``code`` in the active language."""
    template = MESSAGES.get(code, MESSAGES["unexpected"])
    try:
        return str(template) % (params or {}) if "%(" in str(template) else str(template)
    except (KeyError, TypeError, ValueError):
        return str(template)


@dataclass(frozen=True)
class ShownError:
    row: int
    column: str
    message: str


def shown_errors(kind: str, errors: list[dict[str, Any]]) -> list[ShownError]:
    """Stored row errors as the reader sees them: row, column header, message — in the active language."""
    columns = column_by_key(kind)
    shown = []
    for error in errors:
        column = columns.get(error.get("field", ""))
        shown.append(
            ShownError(
                row=int(error["row"]),
                column=column.header() if column is not None else "",
                message=message(error["code"], error.get("params")),
            )
        )
    return shown


def failure_message(failure: dict[str, Any]) -> str:
    params = dict(failure.get("params") or {})
    if failure.get("code") == "row_invalid" and "error" in params:
        error = params.pop("error")
        params["message"] = message(error["code"], error.get("params"))
    return message(str(failure.get("code", "unexpected")), params)
