"""E-mails to the investor about their filing, in the language they filed in.

Each carries the reference number and the private link to the filing's status page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from yunzhao.intake.models import Filing


def status_url(filing: Filing) -> str:
    """The filing's private status page, in the filer's language."""
    with translation.override(filing.language or settings.LANGUAGE_CODE):
        path = reverse("filing:status", args=[filing.access_token])
    return settings.SITE_URL.rstrip("/") + path


def send_filing_email(*, filing_pk: int, what: str) -> bool:
    """Tell the filer what happened (``what``: received, accepted, declined).  False when the filing is gone."""
    filing = Filing.objects.filter(pk=filing_pk).first()
    if filing is None:
        return False
    with translation.override(filing.language or settings.LANGUAGE_CODE):
        context = {"filing": filing, "what": what, "url": status_url(filing)}
        subject = " ".join(render_to_string("intake/email/filing_subject.txt", context).split())
        body = render_to_string("intake/email/filing_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [filing.email]).send(fail_silently=False)
    return True
