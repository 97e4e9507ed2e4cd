"""The online audience: a view per viewer page, live while it beats, the peak kept."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from tests.factories import EventFactory
from yunzhao.events import audience
from yunzhao.events.models import Viewer

pytestmark = pytest.mark.django_db


def test_each_page_is_one_view_live_while_it_beats_and_the_peak_stays():
    event = EventFactory(is_online=True)
    for key in ("a", "b", "c"):
        audience.beat(event=event, key=key)
    counts = audience.beat(event=event, key="a")  # the same page again: not a new view
    assert counts == audience.Audience(live=3, peak=3, views=3)

    # Two pages close (their last beat grows old); a new one opens.
    old = timezone.now() - dt.timedelta(seconds=audience.LIVE_SECONDS + 5)
    Viewer.objects.filter(key__in=["b", "c"]).update(last_seen_at=old)
    counts = audience.beat(event=event, key="d")
    assert counts == audience.Audience(live=2, peak=3, views=4)
    event.refresh_from_db()
    assert event.peak_viewers == 3
    assert event.peak_viewers_at is not None


def test_the_viewer_page_beats_through_its_form(client):
    event = EventFactory(is_online=True, video_url="https://meet.jit.si/yunzhao-event-x")
    page = client.get(f"/en/events/{event.pk}/live/").content.decode()
    assert "https://meet.jit.si/yunzhao-event-x" in page
    response = client.post(f"/en/events/{event.pk}/live/beat/", {"key": "page-1"})
    assert json.loads(response.content) == {"live": 1, "peak": 1, "views": 1}
    assert client.get(f"/en/events/{event.pk}/live/beat/").status_code == 405


def test_a_draft_events_viewer_page_is_not_found(client):
    event = EventFactory(status="draft")
    assert client.get(f"/en/events/{event.pk}/live/").status_code == 404
    assert client.post(f"/en/events/{event.pk}/live/beat/", {"key": "x"}).status_code == 404
