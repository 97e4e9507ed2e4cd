"""E-mails of fair enquiries, each in its reader's language.

The visitor gets the acknowledgement (reference, the time the exhibitor must answer by — in
their country's time zone when it has only one — and the link to the thread) and every answer;
the booth's exhibitor accounts get each new enquiry and each follow-up, with the link to their
inbox and the due time in the zone's time.  Times carry the zone's name and UTC offset.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yunzhao.matchmaking.agenda import reader_zone
from yunzhao.matchmaking.models import Enquiry

TEMPLATES = "matchmaking/enquiries/email"


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def visitor_url(enquiry: Enquiry, language: str) -> str:
    with translation.override(language):
        return site_url(reverse("fairs:enquiry-detail", args=[enquiry.booth.fair.slug, enquiry.reference]))


def exhibitor_url(enquiry: Enquiry, language: str) -> str:
    with translation.override(language):
        return site_url(reverse("fairs:exhibitor-enquiry", args=[enquiry.booth.fair.slug, enquiry.reference]))


def _load(enquiry_pk: int) -> Enquiry | None:
    return Enquiry.objects.select_related("booth__fair", "participant", "product").filter(pk=enquiry_pk).first()


def _send(template: str, context: dict[str, object], address: str) -> None:
    subject = " ".join(render_to_string(f"{TEMPLATES}/{template}_subject.txt", context).split())
    body = render_to_string(f"{TEMPLATES}/{template}_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]).send(fail_silently=False)


def _visitor_email(enquiry_pk: int, what: str) -> bool:
    enquiry = _load(enquiry_pk)
    if enquiry is None or not enquiry.participant.email:
        return False
    language = enquiry.participant.language or settings.LANGUAGE_CODE
    answer = enquiry.messages.filter(from_exhibitor=True).order_by("-created_at", "-pk").first()
    zone = reader_zone(enquiry.participant)
    with translation.override(language), timezone.override(zone):
        context = {
            "enquiry": enquiry,
            "what": what,
            "answer": answer,
            "url": visitor_url(enquiry, language),
            "due": timezone.localtime(enquiry.due_at, zone),
            "zone": zone.key,
        }
        _send("visitor", context, enquiry.participant.email)
    return True


def send_acknowledgement(*, enquiry_pk: int) -> bool:
    """To the visitor: we have your enquiry, its reference, when the exhibitor will answer by."""
    return _visitor_email(enquiry_pk, "acknowledgement")


def send_reply(*, enquiry_pk: int) -> bool:
    """To the visitor: the exhibitor's latest answer."""
    return _visitor_email(enquiry_pk, "answer")


def send_to_exhibitors(*, enquiry_pk: int, what: str) -> int:
    """To each active exhibitor account of the booth: a ``new`` enquiry or a ``follow_up``.
    How many were sent."""
    enquiry = _load(enquiry_pk)
    if enquiry is None:
        return 0
    latest = enquiry.messages.filter(from_exhibitor=False).order_by("-created_at", "-pk").first()
    sent = 0
    for account in enquiry.booth.accounts.filter(is_active=True).order_by("pk"):
        if not account.email:
            continue
        language = account.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language), timezone.override(timezone.get_default_timezone()):
            context = {
                "enquiry": enquiry,
                "what": what,
                "message": latest,
                "url": exhibitor_url(enquiry, language),
                "due": timezone.localtime(enquiry.due_at, timezone.get_default_timezone()),
                "zone": settings.TIME_ZONE,
            }
            _send("exhibitor", context, account.email)
        sent += 1
    return sent
