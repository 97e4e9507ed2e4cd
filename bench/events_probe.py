"""Set-up and checks behind ``bench_events``; runs in its own process against the database named
by ``DATABASE_URL``.

``python bench/events_probe.py setup CAPACITY`` migrates, creates a published forum with that
capacity and a door keeper, and prints the event's id and a signed-in session cookie for the
door; ``python bench/events_probe.py verify EVENT_ID EMAILS_FILE`` compares what the database
holds with the registrants that were sent and prints the figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yunzhao.config.settings")


def setup(capacity: int) -> dict[str, object]:
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from yunzhao.accounts.models import Department, Role, User
    from yunzhao.events.models import Event, EventKind, EventStatus

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # served as in production
    department, _created = Department.objects.get_or_create(
        code="bench-events", defaults={"name": "会展部", "path": "", "depth": 0}
    )
    if not department.path:
        department.path = f"{department.pk}/"
        department.save(update_fields=["path"])
    door, _created = User.objects.get_or_create(
        email="door@bench.example",
        defaults={"full_name": "检票员", "role": Role.OFFICER, "department": department},
    )
    start = timezone.now() + dt.timedelta(days=7)
    event = Event.objects.create(
        kind=EventKind.FORUM,
        title_zh_hans="国际会展业创新发展大会",
        title_en="International Conference on Innovation and Development of the Exhibition Industry",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        status=EventStatus.PUBLISHED,
        registration_open=True,
        capacity=capacity,
        department=department,
        owner=door,
    )
    client = Client()
    client.force_login(door)
    return {"event": event.pk, "session": client.cookies[settings.SESSION_COOKIE_NAME].value}


def verify(event_id: int, emails_file: str) -> dict[str, object]:
    from django.db.models import Count

    from yunzhao.events.models import LIVE_STATUSES, Event, Registration, RegistrationStatus

    event = Event.objects.get(pk=event_id)
    sent = json.loads(Path(emails_file).read_text())  # [email, ...] in the order they were sent
    registrations = list(
        Registration.objects.filter(event=event).order_by("pk").values_list("pk", "email_key", "status", "created_at")
    )
    stored = {email for _pk, email, status, _at in registrations if status in LIVE_STATUSES}
    lost = len({email.lower() for email in sent} - stored)
    duplicates = sum(
        row["n"] - 1
        for row in Registration.objects.filter(event=event, status__in=LIVE_STATUSES)
        .values("email_key")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    confirmed = [row for row in registrations if row[2] == RegistrationStatus.CONFIRMED]
    waiting = [row for row in registrations if row[2] == RegistrationStatus.WAITING]
    over = max(0, len(confirmed) - (event.capacity or 0)) if event.capacity is not None else 0
    # Arrival order: every confirmed registration arrived before every waiting one, and the
    # waiting list's order (by id) is the order they were stored in.
    out_of_order = 0
    if confirmed and waiting and max(row[0] for row in confirmed) > min(row[0] for row in waiting):
        out_of_order += sum(1 for row in waiting if row[0] < max(r[0] for r in confirmed))
    times = [row[3] for row in waiting]
    out_of_order += sum(1 for earlier, later in itertools.pairwise(times) if later < earlier)
    return {
        "sent": len(sent),
        "stored": len(stored),
        "lost": lost,
        "duplicates": duplicates,
        "over_capacity": over,
        "confirmed": len(confirmed),
        "waiting": len(waiting),
        "out_of_order": out_of_order,
        "codes": list(
            Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
            .order_by("pk")
            .values_list("code", flat=True)[:400]
        ),
    }


if __name__ == "__main__":
    import django

    django.setup()
    command = sys.argv[1]
    if command == "setup":
        print(json.dumps(setup(int(sys.argv[2]))))
    else:
        print(json.dumps(verify(int(sys.argv[2]), sys.argv[3])))
