"""Background work of filings: each task takes primary keys (or nothing) and calls one function."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from yunzhao.intake import emails
from yunzhao.intake.models import Attachment

#: Files uploaded to a filing that was never sent are removed after this long.
DRAFT_FILES_KEPT = dt.timedelta(days=2)


@task()
def send_filing_email(filing_pk: int, what: str) -> bool:
    return emails.send_filing_email(filing_pk=filing_pk, what=what)


def purge_abandoned_attachments(*, older_than: dt.timedelta = DRAFT_FILES_KEPT) -> int:
    """Delete the files of drafts never submitted; returns how many."""
    count = 0
    for attachment in Attachment.objects.filter(filing__isnull=True, uploaded_at__lt=timezone.now() - older_than):
        attachment.file.delete(save=False)
        attachment.delete()
        count += 1
    return count


@task()
def purge_abandoned_attachments_task() -> int:
    return purge_abandoned_attachments()
