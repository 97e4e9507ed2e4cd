"""E-mails to registrants, in the language they registered in.

A confirmed seat comes with the event as an iCalendar file and the QR code that checks them
in; every e-mail carries the link where they see their registration and can cancel it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from yunzhao.core.ical import CONTENT_TYPE, Entry, calendar_file
from yunzhao.core.qr import qr_png
from yunzhao.events.models import Event, Registration, RegistrationStatus
from yunzhao.events.registrations import waiting_position


def registration_url(registration: Registration) -> str:
    """The registrant's own page (status, QR code, cancel), in their language."""
    with translation.override(registration.language):
        path = reverse("events:registration", args=[registration.code])
    return settings.SITE_URL.rstrip("/") + path


def event_entry(event: Event) -> Entry:
    location = ", ".join(part for part in (event.venue, event.city) if part)
    if event.video_url:
        location = f"{location} · {event.video_url}" if location else event.video_url
    return Entry(
        uid=f"event-{event.pk}",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        location=location,
        description=event.summary,
        url=event.video_url,
    )


def send_registration_email(*, registration_pk: int, what: str) -> bool:
    """Tell the registrant what happened (``what``: received, promoted, approved, waiting,
    declined, cancelled).  False when the registration is gone."""
    registration = Registration.objects.select_related("event").filter(pk=registration_pk).first()
    if registration is None:
        return False
    event = registration.event
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "what": what,
            "url": registration_url(registration),
            "position": waiting_position(registration),
            "starts": event.starts_at,
        }
        subject = " ".join(render_to_string("events/email/registration_subject.txt", context).split())
        body = render_to_string("events/email/registration_body.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
        if registration.status == RegistrationStatus.CONFIRMED and what in {"received", "promoted", "approved"}:
            message.attach(f"event-{event.pk}.ics", calendar_file([event_entry(event)]), CONTENT_TYPE)
            message.attach("check-in.png", qr_png(registration.code), "image/png")
    message.send(fail_silently=False)
    return True
