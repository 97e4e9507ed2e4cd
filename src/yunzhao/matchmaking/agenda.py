"""A participant's agenda (page, PDF, iCalendar), the fair's table plan, and marking meetings afterwards.

Only published meetings are anyone's agenda; planned ones are the organiser's draft.  After a
meeting's slot has started, each side says whether it was held or the other side did not come,
and how useful it was (1–5); they may change it until a week after the fair's last day.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from babel.core import get_global
from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_bidi, gettext

from yunzhao.core import audit
from yunzhao.core.ical import Entry, calendar_file
from yunzhao.matchmaking.models import (
    Attendance,
    Fair,
    Meeting,
    MeetingRequest,
    MeetingStatus,
    Participant,
    RequestStatus,
    Slot,
    Table,
)
from yunzhao.matchmaking.planning import members
from yunzhao.signing.documents import FONT_STACK, render_pdf

#: How long after the fair's last day the sides may still mark their meetings.
MARKING_DAYS = 7


# --- Time zones -------------------------------------------------------------------------------------


def zone_choices(participant: Participant | None) -> list[str]:
    """The zones offered to the reader: the fair's, their country's, and UTC."""
    zones = [settings.TIME_ZONE]
    if participant is not None and participant.country:
        zones += get_global("territory_zones").get(participant.country.upper(), [])
    zones.append("UTC")
    return list(dict.fromkeys(zones))


def reader_zone(participant: Participant | None, asked: str = "") -> zoneinfo.ZoneInfo:
    """The zone the reader asked for (any IANA name), else their country's when it has only one, else the fair's."""
    if asked:
        try:
            return zoneinfo.ZoneInfo(asked)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    if participant is not None and participant.country:
        own = get_global("territory_zones").get(participant.country.upper(), [])
        if len(own) == 1:
            return zoneinfo.ZoneInfo(own[0])
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


# --- The agenda -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaItem:
    meeting: Meeting
    others: list[Participant]
    starts_at: dt.datetime  # in the reader's zone
    ends_at: dt.datetime
    kind: str
    table: Table | None
    video_url: str
    mine: Attendance | None
    can_mark: bool


def published_meetings_of(participant: Participant) -> QuerySet[Meeting]:
    mine = MeetingRequest.objects.filter(
        Q(sender=participant) | Q(recipient=participant) | Q(guests=participant)
    ).values("pk")
    return (
        Meeting.objects.filter(fair_id=participant.fair_id, status=MeetingStatus.PUBLISHED, request__in=mine)
        .select_related("slot", "table", "request__sender", "request__recipient")
        .prefetch_related(
            "request__guests",
            Prefetch("attendances", queryset=Attendance.objects.filter(participant=participant), to_attr="own"),
        )
        .order_by("slot__starts_at", "pk")
    )


def agenda_for(
    participant: Participant, *, zone: dt.tzinfo | None = None, now: dt.datetime | None = None
) -> list[AgendaItem]:
    """``participant``'s published meetings in time order, times in ``zone``."""
    zone = zone or zoneinfo.ZoneInfo(settings.TIME_ZONE)
    now = now or timezone.now()
    fair = participant.fair
    items = []
    for meeting in published_meetings_of(participant):
        own: list[Attendance] = getattr(meeting, "own", [])
        items.append(
            AgendaItem(
                meeting=meeting,
                others=[p for p in members(meeting.request) if p.pk != participant.pk],
                starts_at=meeting.slot.starts_at.astimezone(zone),
                ends_at=meeting.slot.ends_at.astimezone(zone),
                kind=meeting.request.get_kind_display(),
                table=meeting.table,
                video_url=meeting.video_url,
                mine=own[0] if own else None,
                can_mark=marking_open(fair, meeting.slot, now),
            )
        )
    return items


def why_empty(participant: Participant) -> str:
    """Why a participant's agenda holds no meeting, in the active language."""
    fair = participant.fair
    accepted = MeetingRequest.objects.filter(
        Q(sender=participant) | Q(recipient=participant) | Q(guests=participant),
        fair=fair,
        status=RequestStatus.ACCEPTED,
    )
    if not accepted.exists():
        return gettext("You have no accepted meeting requests yet: meetings are scheduled once both sides accept.")
    if fair.schedule_published_at is None:
        return gettext("The organiser has not published the meeting schedule yet; you will get an e-mail when it is.")
    if accepted.filter(answered_at__gt=fair.schedule_published_at).exists():
        return gettext(
            "Your requests were accepted after the schedule was published; the organiser places them on the next run."
        )
    return gettext("None of your accepted requests could be placed in the schedule; the reasons are below.")


def meeting_title(item: AgendaItem) -> str:
    names = gettext(", ").join(p.name for p in item.others)
    return gettext("Meeting with %(names)s") % {"names": names}


def meeting_location(item: AgendaItem) -> str:
    if item.video_url:
        return item.video_url
    if item.table is not None:
        return gettext("Table %(name)s") % {"name": item.table.name}
    return ""


def agenda_calendar(participant: Participant, items: list[AgendaItem]) -> bytes:
    """The agenda as an .ics file: one event per meeting, with a uid that stays across re-sends."""
    entries = []
    for item in items:
        lines = [f"{p.name} ({p.organisation})" for p in item.others]
        lines.append(f"{item.kind}: {meeting_location(item)}")
        entries.append(
            Entry(
                uid=f"fair-meeting-{item.meeting.pk}-{participant.pk}",
                title=meeting_title(item),
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                location=meeting_location(item),
                description="\n".join(lines),
                url=item.video_url,
            )
        )
    return calendar_file(entries)


def agenda_pdf(participant: Participant, items: list[AgendaItem], zone: dt.tzinfo) -> bytes:
    """The agenda as a printable PDF in the active language (CJK, Latin and Arabic fonts)."""
    html = render_to_string(
        "matchmaking/agenda/pdf.html",
        {
            "participant": participant,
            "fair": participant.fair,
            "items": items,
            "zone": str(zone),
            "font_stack": FONT_STACK,
            "direction": "rtl" if get_language_bidi() else "ltr",
            "language": translation.get_language(),
        },
    )
    return render_pdf(html)


# --- The table plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    slot: Slot
    day: dt.date  # the slot's day in the fair's time zone
    cells: list[Meeting | None]  # one per table
    online: list[Meeting]


@dataclass(frozen=True)
class TablePlan:
    tables: list[Table]
    rows: list[PlanRow]


def table_plan(fair: Fair, *, published_only: bool = False) -> TablePlan:
    """Per slot, which table holds which meeting (and the online meetings of the slot)."""
    tables = list(Table.objects.filter(fair=fair).order_by("position", "name", "pk"))
    column = {t.pk: i for i, t in enumerate(tables)}
    statuses = [MeetingStatus.PUBLISHED] if published_only else [MeetingStatus.PUBLISHED, MeetingStatus.PLANNED]
    meetings = (
        Meeting.objects.filter(fair=fair, status__in=statuses)
        .select_related("request__sender", "request__recipient")
        .prefetch_related("request__guests")
    )
    by_slot: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_slot.setdefault(meeting.slot_id, []).append(meeting)
    rows = []
    for slot in Slot.objects.filter(fair=fair).order_by("starts_at", "pk"):
        cells: list[Meeting | None] = [None] * len(tables)
        online = []
        for meeting in by_slot.get(slot.pk, []):
            if meeting.table_id is not None and meeting.table_id in column:
                cells[column[meeting.table_id]] = meeting
            else:
                online.append(meeting)
        rows.append(PlanRow(slot, timezone.localdate(slot.starts_at), cells, online))
    return TablePlan(tables, rows)


# --- Marking meetings afterwards ---------------------------------------------------------------------


class OutcomeError(Exception):
    """The meeting cannot be marked by this participant now (the message says why, translated)."""


def marking_deadline(fair: Fair) -> dt.datetime:
    """The end of the seventh day after the fair's last day, in the fair's time zone."""
    last = fair.ends_on + dt.timedelta(days=MARKING_DAYS + 1)
    return timezone.make_aware(dt.datetime.combine(last, dt.time.min))


def marking_open(fair: Fair, slot: Slot, now: dt.datetime) -> bool:
    return slot.starts_at <= now < marking_deadline(fair)


def is_party(meeting: Meeting, participant: Participant) -> bool:
    return participant.pk in {p.pk for p in members(meeting.request)}


def mark_outcome(
    *,
    meeting: Meeting,
    participant: Participant,
    outcome: str,
    rating: int | None,
    now: dt.datetime | None = None,
) -> Attendance:
    """``participant``'s account of ``meeting``: held (with a 1–5 rating) or the other side did not come."""
    now = now or timezone.now()
    if outcome not in Attendance.Outcome.values:
        raise OutcomeError(gettext("Say whether the meeting took place."))
    if outcome == Attendance.Outcome.HELD and (rating is None or not 1 <= rating <= 5):
        raise OutcomeError(gettext("Rate the meeting from 1 to 5."))
    if outcome == Attendance.Outcome.NO_SHOW:
        rating = None
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("slot", "fair", "request").get(pk=meeting.pk)
        if meeting.status != MeetingStatus.PUBLISHED or not is_party(meeting, participant):
            raise OutcomeError(gettext("This is not one of your meetings."))
        if now < meeting.slot.starts_at:
            raise OutcomeError(gettext("You can mark a meeting once it has started."))
        if now >= marking_deadline(meeting.fair):
            raise OutcomeError(gettext("Meetings can be marked until a week after the fair; that time is over."))
        attendance, created = Attendance.objects.update_or_create(
            meeting=meeting,
            participant=participant,
            defaults={"outcome": outcome, "rating": rating, "marked_at": now},
        )
        audit.record(
            actor=participant.user,
            action="matchmaking.meeting.marked",
            target=meeting,
            data={"participant": participant.pk, "outcome": outcome, "rating": rating, "changed": not created},
        )
    return attendance
