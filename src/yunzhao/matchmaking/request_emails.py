"""E-mails about meeting requests, each to the other side, in their language.

``sent`` goes to the recipient, ``accepted``, ``declined`` and ``expired`` to the sender,
``cancelled`` to the side that did not cancel.  Each links to the reader's requests page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yunzhao.matchmaking.models import MeetingRequest, Participant

WHATS = ("sent", "accepted", "declined", "cancelled", "expired")


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def reader_of(request: MeetingRequest, what: str) -> Participant:
    """Who is told: the other side of whoever acted."""
    if what == "sent":
        return request.recipient
    if what == "cancelled":
        return request.sender if request.cancelled_by_id == request.recipient_id else request.recipient
    return request.sender


def send_request_email(*, request_pk: int, what: str) -> bool:
    """Tell the other side that the request was ``what`` (one of ``WHATS``); False when gone."""
    if what not in WHATS:
        raise ValueError(f"unknown request e-mail {what!r}")
    request = (
        MeetingRequest.objects.select_related("fair", "sender", "recipient", "sender__booth", "recipient__booth")
        .filter(pk=request_pk)
        .first()
    )
    if request is None:
        return False
    reader = reader_of(request, what)
    other = request.recipient if reader.pk == request.sender_id else request.sender
    with translation.override(reader.language or settings.LANGUAGE_CODE):
        context = {
            "request": request,
            "fair": request.fair,
            "what": what,
            "reader": reader,
            "other": other,
            "expires": timezone.localtime(request.expires_at),
            "zone": settings.TIME_ZONE,
            "url": site_url(reverse("fairs:requests", args=[request.fair.slug])),
        }
        subject = " ".join(render_to_string("matchmaking/people/email/request_subject.txt", context).split())
        body = render_to_string("matchmaking/people/email/request_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [reader.email]).send(fail_silently=False)
    return True
