"""What every public form needs: a honeypot, a rate limit by address, and an error that keeps the input.

A form class mixes in :class:`HoneypotFormMixin` and renders ``{% include
"includes/honeypot.html" %}``; its view mixes in :class:`RateLimitedFormMixin` and names a
``rate_scope``. A refused submission re-renders the form with everything typed and a message
in the visitor's language, never a bare error page. Counters live in the shared cache, so the
limit holds across web processes.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"
NOT_SENT = _("This form could not be sent. Please check it and send it again.")
TOO_MANY = _(
    "Too many submissions from your address in a short time. Please wait a few minutes and send again; "
    "what you typed is kept below."
)


class HoneypotFormMixin(forms.Form):
    """A field people never see (the template hides it) and robots fill in."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(NOT_SENT, code="honeypot")
        return cleaned


def client_address(request: HttpRequest) -> str:
    """The visitor's address; behind a reverse proxy, configure it to set REMOTE_ADDR."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def over_limit(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count one submission of ``scope`` from this address; True once the window's ``limit`` is passed."""
    bucket = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window_seconds):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window_seconds)
            count = 1
    return count > limit


class RateLimitedFormMixin:
    """For a FormView on the portal: at most ``rate_limit`` valid submissions per address per window.

    It takes over ``post`` (as Django's ``ProcessFormView`` does it, with the limit checked once
    the form is valid), so the view's own ``form_valid`` runs only for submissions let through.
    """

    rate_scope: ClassVar[str] = ""
    rate_limit: ClassVar[int | None] = None  # None: settings.PUBLIC_FORM_RATE_LIMIT
    rate_window_seconds: ClassVar[int] = 600
    request: HttpRequest

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form()  # type: ignore[attr-defined]
        if not form.is_valid():
            return self.form_invalid(form)  # type: ignore[attr-defined]
        limit = self.rate_limit if self.rate_limit is not None else int(settings.PUBLIC_FORM_RATE_LIMIT)
        scope = self.rate_scope or type(self).__name__
        if over_limit(request, scope, limit=limit, window_seconds=self.rate_window_seconds):
            form.add_error(None, TOO_MANY)
            return self.form_invalid(form)  # type: ignore[attr-defined]
        return self.form_valid(form)  # type: ignore[attr-defined]
