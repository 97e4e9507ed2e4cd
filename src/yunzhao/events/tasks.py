"""Background work of events: each task takes primary keys and calls one domain function."""

from __future__ import annotations

from django_tasks import task

from yunzhao.events import emails


@task()
def send_registration_email(registration_pk: int, what: str) -> bool:
    return emails.send_registration_email(registration_pk=registration_pk, what=what)
