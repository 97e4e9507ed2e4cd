"""Enqueue the morning's background work: escalate overdue hand-overs, send each person's digest.

Run it from cron or a systemd timer once every morning, e.g. ``0 8 * * * manage.py
enqueue_daily_tasks``; the task workers (``manage.py db_worker``) do the work.  Running it
twice on one day sends nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from yunzhao.crm import digest
from yunzhao.crm.tasks import send_daily_digest
from yunzhao.pipeline.tasks import escalate_overdue_handovers


class Command(BaseCommand):
    help = "Enqueue today's hand-over escalation and the daily digests."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--day", help="the day of the digests, YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        day = parse_date(options["day"]) if options["day"] else timezone.localdate()
        if day is None:
            self.stderr.write("--day must be a date written YYYY-MM-DD")
            raise SystemExit(2)
        escalate_overdue_handovers.enqueue()
        count = 0
        for user_pk in digest.recipients().values_list("pk", flat=True):
            send_daily_digest.enqueue(user_pk, day.isoformat())
            count += 1
        self.stdout.write(f"Enqueued the hand-over escalation and {count} digests for {day.isoformat()}.")
