"""The online audience of an event: views, viewers live now and the peak, as the viewer pages beat.

Each open viewer page sends a heartbeat with its own random key every ``BEAT_SECONDS``.  The
first beat of a key is a view; a page is live while its last beat is younger than
``LIVE_SECONDS``; the peak is raised whenever the live count passes it.  Three short queries
per beat, none of which locks more than the one viewer row and (rarely) the event row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from yunzhao.events.models import Event, Viewer

BEAT_SECONDS = 15
LIVE_SECONDS = 45
MAX_KEY_LENGTH = 64


@dataclass(frozen=True)
class Audience:
    live: int
    peak: int
    views: int


def live_count(event: Event, *, now: dt.datetime | None = None) -> int:
    since = (now or timezone.now()) - dt.timedelta(seconds=LIVE_SECONDS)
    return Viewer.objects.filter(event=event, last_seen_at__gte=since).count()


def audience(event: Event) -> Audience:
    return Audience(live=live_count(event), peak=event.peak_viewers, views=event.total_views)


def beat(*, event: Event, key: str) -> Audience:
    """Record that the viewer page ``key`` is open now and return the counts it shows."""
    key = key.strip()[:MAX_KEY_LENGTH]
    now = timezone.now()
    if key:
        seen = Viewer.objects.filter(event=event, key=key).update(last_seen_at=now)
        if not seen:
            try:
                with transaction.atomic():
                    Viewer.objects.create(event=event, key=key, opened_at=now, last_seen_at=now)
                    Event.objects.filter(pk=event.pk).update(total_views=F("total_views") + 1)
            except IntegrityError:
                pass  # two first beats of one page raced; the other one counted the view
    live = live_count(event, now=now)
    Event.objects.filter(pk=event.pk, peak_viewers__lt=live).update(peak_viewers=live, peak_viewers_at=now)
    fresh = Event.objects.values_list("peak_viewers", "total_views").get(pk=event.pk)
    return Audience(live=live, peak=fresh[0], views=fresh[1])
