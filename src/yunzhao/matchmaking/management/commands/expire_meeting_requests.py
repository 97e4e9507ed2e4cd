"""Expire the meeting requests left unanswered past their time.

Run it from cron or a systemd timer often enough that an expired request stops counting
soon, e.g. ``*/10 * * * * manage.py expire_meeting_requests`` (a request past its expiry
already counts as expired for new requests and on the pages; this run records it and tells
the sender).  ``--enqueue`` hands the work to the task workers (``manage.py db_worker``)
instead of doing it here.  Running it twice expires nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from yunzhao.matchmaking import meeting_requests
from yunzhao.matchmaking.tasks import expire_meeting_requests


class Command(BaseCommand):
    help = "Expire meeting requests left unanswered past their expiry time."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="let the task workers do it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            expire_meeting_requests.enqueue()
            self.stdout.write("Enqueued the expiry of meeting requests.")
            return
        expired = meeting_requests.expire_requests()
        self.stdout.write(f"{len(expired)} meeting requests expired.")
