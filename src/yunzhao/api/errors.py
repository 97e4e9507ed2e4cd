"""Error bodies of the API: a message in the reader's language (``Accept-Language``), a stable
code, and per-field messages on validation failures.

    {"detail": "…", "code": "validation_error", "errors": {"title_zh_hans": ["…"]}}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from yunzhao.pipeline.circulation import HandoverError
from yunzhao.pipeline.lifecycle import ConcurrentEditError, TransitionError

if TYPE_CHECKING:
    from ninja import NinjaAPI


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] = {}


class ConflictOut(ErrorOut):
    current_version: int | None = None


class ApiError(Exception):
    """Refuse a request with ``status`` and a translated message, optionally per field."""

    def __init__(
        self, status: int, code: str, detail: Any, errors: dict[str, list[str]] | None = None, **extra: Any
    ) -> None:
        super().__init__(str(detail))
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or {}
        self.extra = extra


NOT_FOUND = gettext_lazy("Not found, or you may not see it.")
NOT_AUTHENTICATED = gettext_lazy("Give a valid API token: Authorization: Bearer <token>.")
FORBIDDEN = gettext_lazy("You may not do this.")
INVALID = gettext_lazy("Some values are not valid; see the errors by field.")
CHANGED_MEANWHILE = gettext_lazy(
    "Someone else changed this project since you loaded it (version %(version)s). Load it again, then retry."
)

#: Pydantic's error types that Django's own (translated) messages say as well.
_FIELD_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_type": gettext_lazy("Enter a whole number."),
    "decimal_parsing": gettext_lazy("Enter a number."),
    "decimal_type": gettext_lazy("Enter a number."),
    "float_parsing": gettext_lazy("Enter a number."),
    "date_parsing": gettext_lazy("Enter a valid date."),
    "date_from_datetime_parsing": gettext_lazy("Enter a valid date."),
    "date_type": gettext_lazy("Enter a valid date."),
    "datetime_parsing": gettext_lazy("Enter a valid date/time."),
    "datetime_from_date_parsing": gettext_lazy("Enter a valid date/time."),
    "datetime_type": gettext_lazy("Enter a valid date/time."),
    "timezone_aware": gettext_lazy("Give the time with its time zone, e.g. 2026-05-01T09:30:00+08:00."),
    "bool_parsing": gettext_lazy("Enter true or false."),
    "bool_type": gettext_lazy("Enter true or false."),
    "enum": gettext_lazy("Select a valid choice. That choice is not one of the available choices."),
    "literal_error": gettext_lazy("Select a valid choice. That choice is not one of the available choices."),
    "string_type": gettext_lazy("Enter a text."),
    "list_type": gettext_lazy("Enter a list of values."),
    "extra_forbidden": gettext_lazy("This field is not known."),
    "string_pattern_mismatch": gettext_lazy("Enter a valid value."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
}
_LOCATIONS = {"body", "payload", "query", "path", "filters", "header", "data"}


def field_errors_from_pydantic(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for error in errors:
        parts = [str(part) for part in error.get("loc", ()) if str(part) not in _LOCATIONS]
        field = ".".join(parts) or "__all__"
        kind = str(error.get("type", ""))
        if kind == "greater_than_equal":
            message = _("Ensure this value is greater than or equal to %(limit_value)s.") % {
                "limit_value": error.get("ctx", {}).get("ge")
            }
        elif kind == "less_than_equal":
            message = _("Ensure this value is less than or equal to %(limit_value)s.") % {
                "limit_value": error.get("ctx", {}).get("le")
            }
        elif kind == "string_too_long":
            message = _("Ensure this value has at most %(limit)s characters.") % {
                "limit": error.get("ctx", {}).get("max_length")
            }
        elif kind == "string_too_short":
            message = _("This field cannot be blank.")
        elif kind == "value_error" and "error" in error.get("ctx", {}):
            message = str(error["ctx"]["error"])
        elif kind in _FIELD_MESSAGES:
            message = str(_FIELD_MESSAGES[kind])
        else:
            message = str(error.get("msg", ""))
        result.setdefault(field, []).append(message)
    return result


def field_errors_from_django(
    error: DjangoValidationError, rename: dict[str, str] | None = None
) -> dict[str, list[str]]:
    rename = rename or {}
    if hasattr(error, "error_dict"):
        return {rename.get(field, field): list(messages) for field, messages in error.message_dict.items()}
    return {"__all__": list(error.messages)}


def field_errors_from_form(form: Any) -> dict[str, list[str]]:
    return {field: [str(message) for message in messages] for field, messages in form.errors.items()}


def install(api: NinjaAPI) -> None:
    """Every refusal of ``api`` speaks the same error body."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        body = {"detail": str(exc.detail), "code": exc.code, "errors": exc.errors, **exc.extra}
        return respond(request, exc.status, body)

    def on_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = field_errors_from_pydantic(list(exc.errors))
        return respond(request, 422, {"detail": str(INVALID), "code": "validation_error", "errors": errors})

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        errors = field_errors_from_django(exc)
        return respond(request, 422, {"detail": str(INVALID), "code": "validation_error", "errors": errors})

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, {"detail": str(NOT_FOUND), "code": "not_found", "errors": {}})

    def on_authentication(request: HttpRequest, exc: Exception) -> HttpResponse:
        response = respond(request, 401, {"detail": str(NOT_AUTHENTICATED), "code": "not_authenticated", "errors": {}})
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 401:
            return on_authentication(request, exc)
        if exc.status_code == 403:
            return respond(request, 403, {"detail": str(FORBIDDEN), "code": "forbidden", "errors": {}})
        return respond(request, exc.status_code, {"detail": str(exc), "code": "http_error", "errors": {}})

    def on_transition(request: HttpRequest, exc: TransitionError) -> HttpResponse:
        return respond(request, 422, {"detail": str(exc), "code": "transition_refused", "errors": {}})

    def on_handover(request: HttpRequest, exc: HandoverError) -> HttpResponse:
        return respond(request, 409, {"detail": str(exc), "code": "handover_refused", "errors": {}})

    def on_concurrent(request: HttpRequest, exc: ConcurrentEditError) -> HttpResponse:
        version = getattr(exc, "current_version", None)
        return respond(
            request,
            409,
            {
                "detail": str(CHANGED_MEANWHILE % {"version": version}),
                "code": "version_conflict",
                "errors": {"version": [str(CHANGED_MEANWHILE % {"version": version})]},
                "current_version": version,
            },
        )

    handlers: list[tuple[type[Exception], Callable[[HttpRequest, Any], HttpResponse]]] = [
        (ApiError, on_api_error),
        (NinjaValidationError, on_validation),
        (DjangoValidationError, on_django_validation),
        (Http404, on_not_found),
        (ObjectDoesNotExist, on_not_found),
        (AuthenticationError, on_authentication),
        (HttpError, on_http_error),
        (TransitionError, on_transition),
        (HandoverError, on_handover),
        (ConcurrentEditError, on_concurrent),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)
