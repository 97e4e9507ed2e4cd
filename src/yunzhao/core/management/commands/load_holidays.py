"""Load China's public holidays and make-up working days (or a zone's own calendar) into the calendar.

``manage.py load_holidays`` loads the bundled calendar (2024–2026, State Council notices);
``manage.py load_holidays --file my-zone.txt`` loads a file in the same format.  Running it
again changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from yunzhao.core import holidays


class Command(BaseCommand):
    help = "Load public holidays and make-up working days into the working-day calendar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", help="a calendar file (default: China's official calendar, bundled)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = holidays.load(options["file"] or None)
        except (OSError, holidays.CalendarFileError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Calendar loaded: {result.created} days added, {result.updated} changed, {result.unchanged} unchanged."
        )
