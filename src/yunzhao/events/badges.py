"""Name badges as a PDF for printing: eight to an A4 sheet, each with the QR code that checks its
holder in.  Names keep their own script — Chinese, Japanese, Korean, Latin, Arabic — each set in
the Noto face for its language (the badge's ``lang`` picks the Chinese, Japanese or Korean forms)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string

from yunzhao.core.qr import qr_svg
from yunzhao.events.models import Event, Registration, RegistrationStatus

#: The HTML ``lang`` for each language code, so fonts pick the right forms of shared characters.
HTML_LANG = {"zh-hans": "zh-Hans", "ja": "ja", "ko": "ko", "ar": "ar"}


def is_rtl(text: str) -> bool:
    return any("\u0590" <= char <= "\u08ff" for char in text)


def badge_holders(event: Event) -> QuerySet[Registration]:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).order_by("name", "pk")


def badges_pdf(event: Event, holders: QuerySet[Registration] | None = None) -> bytes:
    from weasyprint import HTML

    badges = [
        {
            "registration": registration,
            "lang": HTML_LANG.get(registration.language, registration.language or "en"),
            "rtl": is_rtl(registration.name),
            "qr": qr_svg(registration.code),
        }
        for registration in (holders if holders is not None else badge_holders(event))
    ]
    html = render_to_string("events/badges.html", {"event": event, "badges": badges})
    return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())
