"""``manage.py schedule_meetings --input X.json --output Y.json``: the meeting scheduler on a file.

Reads an instance file (format: docs/meeting-scheduler.md), validates it strictly — every
problem is listed with where it is — schedules it and writes the solution file; prints the
meetings placed, the upper bound it proves, the ratio, the idle gaps and the time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from yunzhao.matchmaking.scheduling import InstanceError, load_instance, schedule


class Command(BaseCommand):
    help = "Schedule accepted meeting requests into slots and tables from an instance file (JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="instance file (JSON, see docs/meeting-scheduler.md)")
        parser.add_argument("--output", required=True, help="where to write the schedule (JSON); '-' for stdout")
        parser.add_argument("--time-limit", type=float, default=20.0, help="seconds the search may take (default 20)")
        parser.add_argument("--seed", type=int, default=0, help="seed of the search's random choices (default 0)")

    def handle(self, *args: Any, **options: Any) -> None:
        time_limit = options["time_limit"]
        if not time_limit > 0:
            raise CommandError("--time-limit must be a positive number of seconds")
        try:
            instance = load_instance(options["input"])
        except InstanceError as exc:
            raise CommandError(f"{options['input']}: {exc}") from exc
        solution = schedule(instance, time_limit=time_limit, seed=options["seed"])
        text = json.dumps(solution.to_json(), ensure_ascii=False, indent=1)
        if options["output"] == "-":
            self.stdout.write(text)
        else:
            try:
                Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot write {options['output']}: {exc.strerror or exc}") from exc
        out = self.stderr if options["output"] == "-" else self.stdout
        requests = len(instance.requests)
        out.write(f"meetings placed: {len(solution.meetings)} of {requests} accepted requests")
        out.write(
            f"priority-weighted: {solution.placed_weight} of at most {solution.upper_bound} (proven upper bound), "
            f"ratio {solution.ratio:.4%}"
        )
        out.write(
            f"idle gaps: {solution.idle_gaps} (at most {solution.max_idle_gaps} for one participant, "
            f"{solution.participants_with_gaps} participants have any)"
        )
        out.write(
            f"unscheduled: {len(solution.unscheduled)}, of which no schedule could ever hold at least {solution.never_schedulable}"
        )
        if solution.oversubscribed:
            out.write(
                f"over-subscribed: {len(solution.oversubscribed)} participants have more accepted requests than "
                f"slots; cap acceptances at each participant's available slots (at most {solution.suggested_cap})"
            )
        if solution.zero_meeting_participants:
            out.write(
                f"without a meeting although a request of theirs fits a slot: {len(solution.zero_meeting_participants)} "
                f"({', '.join(solution.zero_meeting_participants[:10])})"
            )
        stopped = " (stopped by the time limit)" if solution.stats.get("stopped_by_time_limit") else ""
        out.write(f"time: {solution.seconds:.2f} s{stopped}")
