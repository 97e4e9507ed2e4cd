"""iCalendar (RFC 5545) files for invitations: events, bookings and meeting agendas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class Entry:
    """One appointment; ``uid`` stays the same when it is sent again after a change."""

    uid: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False  # sent with method="CANCEL": calendars remove the appointment of this uid


def calendar_file(entries: Iterable[Entry], *, method: str = "PUBLISH") -> bytes:
    """An .ics file holding ``entries`` (times in UTC, as every calendar reads them)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Yunzhao//Investment promotion//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    stamp = dt.datetime.now(dt.UTC)
    domain = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "yunzhao"
    for entry in entries:
        event = CalendarEvent()
        event.add("uid", f"{entry.uid}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.starts_at.astimezone(dt.UTC))
        event.add("dtend", entry.ends_at.astimezone(dt.UTC))
        event.add("summary", entry.title)
        if entry.location:
            event.add("location", entry.location)
        if entry.description:
            event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        if entry.cancelled:
            event.add("status", "CANCELLED")
            event.add("sequence", 1)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
