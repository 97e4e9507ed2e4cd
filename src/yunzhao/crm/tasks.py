"""Background work of the CRM: each task takes primary keys and calls one domain function."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from yunzhao.crm import digest


@task()
def send_daily_digest(user_pk: int, day: str) -> bool:
    return digest.send_daily_digest(user_pk=user_pk, day=dt.date.fromisoformat(day))
