"""Escalate the questions whose first-reply time has run out.

Run it from cron or a systemd timer every hour on the hour, e.g. ``0 * * * * manage.py
escalate_questions`` (the clock runs by the hour, so a daily run would tell people up to a day
late); ``--enqueue`` hands the work to the task workers (``manage.py db_worker``) instead of
doing it here.  Running it twice escalates nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from yunzhao.consulting import questions
from yunzhao.consulting.tasks import escalate_overdue_questions


class Command(BaseCommand):
    help = "Escalate questions past their first-reply time."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="let the task workers do it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            escalate_overdue_questions.enqueue()
            self.stdout.write("Enqueued the escalation of overdue questions.")
            return
        escalated = questions.escalate_overdue_questions()
        self.stdout.write(f"{len(escalated)} questions escalated.")
