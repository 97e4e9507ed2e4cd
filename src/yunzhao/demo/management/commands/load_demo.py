"""``manage.py load_demo``: the demonstration zone, created once and left alone after."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from yunzhao.accounts.models import Department
from yunzhao.crm.models import Channel, Enterprise, Ownership
from yunzhao.demo.builder import DEMO_ACCOUNTS, FUNNEL
from yunzhao.demo.loader import load_demo
from yunzhao.pipeline.models import Project

FOREIGN_FUNDED = [Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT]


class Command(BaseCommand):
    help = "Load the demonstration zone (enterprises, channels, projects, one account per role). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        result = load_demo()
        elapsed = time.monotonic() - started
        if result.created:
            made = ", ".join(f"{count:,} {kind}" for kind, count in result.created.items())
            self.stdout.write(self.style.SUCCESS(f"Demonstration data loaded in {elapsed:.1f} s: created {made}."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Demonstration data already complete ({elapsed:.1f} s): nothing changed.")
            )
        self._summary()
        self._accounts()

    def _summary(self) -> None:
        zone = Enterprise.objects.aggregate(
            registered=Count("pk", filter=Q(registered_in_zone_on__isnull=False)),
            foreign_funded=Count("pk", filter=Q(registered_in_zone_on__isnull=False, ownership__in=FOREIGN_FUNDED)),
            abroad=Count("pk", filter=Q(registered_in_zone_on__isnull=True)),
        )
        projects = Project.objects.aggregate(total=Count("pk"), key=Count("pk", filter=Q(is_key=True)))
        stages = dict(Project.objects.order_by().values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
        funnel = " · ".join(f"{stage.label} {stages.get(stage, 0)}" for stage, _, _ in FUNNEL)
        rows = [
            ("Enterprises registered in the zone", f"{zone['registered']:,} ({zone['foreign_funded']} foreign-funded)"),
            ("Prospective investors abroad", f"{zone['abroad']:,}"),
            ("Key projects", f"{projects['key']:,} of {projects['total']:,} projects"),
            ("International investment channels", f"{Channel.objects.count():,}"),
            ("Departments", f"{Department.objects.count():,}"),
        ]
        for label, value in rows:
            self.stdout.write(f"  {label:<36} {value}")
        self.stdout.write(f"  Funnel: {funnel}")

    def _accounts(self) -> None:
        names = dict(Department.objects.values_list("code", "short_name"))
        self.stdout.write("\nDemo accounts:")
        header = ("e-mail", "role", "password", "department")
        table = [header] + [
            (a.email, str(a.role), a.password, names.get(a.department, "") if a.department else "—")
            for a in DEMO_ACCOUNTS
        ]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        for row in table:
            self.stdout.write("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
