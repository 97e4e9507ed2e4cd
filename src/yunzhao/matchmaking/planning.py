"""The automatic scheduler wired to the database: build the instance of a fair, run the engine, save
the schedule, publish it.

- :func:`build_instance` turns a fair into the engine's :class:`~yunzhao.matchmaking.scheduling.Instance`:
  slots in time order grouped by local day, the tables, the people of the accepted requests with
  their available slots, hosted buyers and their tables; published meetings are *locked* (they stay
  where they are on every re-run).
- :func:`run_schedule` runs the engine and replaces the fair's planned (unpublished) meetings by the
  result in one transaction, with a :class:`ScheduleRun` holding what the engine reported.
- :func:`publish_schedule` publishes the planned meetings and e-mails everyone their agenda link.
- :func:`unscheduled_rows` renders the stored reasons as sentences in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from yunzhao.core import audit
from yunzhao.core.video import meeting_url
from yunzhao.matchmaking import scheduling
from yunzhao.matchmaking.models import (
    Fair,
    Meeting,
    MeetingKind,
    MeetingRequest,
    MeetingStatus,
    Participant,
    RequestStatus,
    ScheduleRun,
    Slot,
    Table,
)

#: The engine stops after this many seconds unless ``YUNZHAO["FAIR_SCHEDULER_SECONDS"]`` says otherwise.
DEFAULT_TIME_LIMIT = 20.0
#: Video rooms of online meetings are named after this (see :func:`yunzhao.core.video.meeting_url`).
VIDEO_PREFIX = "yunzhao-fair"

_TYPES = {
    MeetingKind.TABLE: scheduling.instance.ONE_TO_ONE,
    MeetingKind.ONLINE: scheduling.instance.ONLINE,
    MeetingKind.GROUP: scheduling.instance.GROUP,
}


class PlanningError(Exception):
    """The fair cannot be scheduled as it is set up (the message says what to fix, translated)."""


def time_limit() -> float:
    return float(settings.YUNZHAO.get("FAIR_SCHEDULER_SECONDS", DEFAULT_TIME_LIMIT))


# --- From the database to the engine ------------------------------------------------------------


@dataclass
class Built:
    """An instance and the rows its ids stand for (ids are the primary keys as strings)."""

    instance: scheduling.Instance
    requests: dict[str, MeetingRequest] = field(default_factory=dict)
    slots: dict[str, Slot] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)


def members(request: MeetingRequest) -> list[Participant]:
    """Who meets: the two sides, or for a group meeting the host (the recipient), the sender and the guests."""
    if request.kind == MeetingKind.GROUP:
        others = [
            request.sender,
            *(g for g in request.guests.all() if g.pk not in (request.sender_id, request.recipient_id)),
        ]
        return [request.recipient, *others]
    return [request.sender, request.recipient]


def schedulable_requests(fair: Fair) -> QuerySet[MeetingRequest]:
    """The accepted requests between active participants without a cancelled meeting."""
    return (
        MeetingRequest.objects.filter(fair=fair, status=RequestStatus.ACCEPTED)
        .filter(sender__is_active=True, recipient__is_active=True)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
    )


def build_instance(fair: Fair) -> Built:
    """The engine's instance of ``fair``: its slots and tables, the accepted requests and the people in
    them; the published meetings locked where they are."""
    slots = {str(s.pk): s for s in Slot.objects.filter(fair=fair).order_by("starts_at", "pk")}
    if not slots:
        raise PlanningError(gettext("The fair has no meeting slots yet."))
    tables = {str(t.pk): t for t in Table.objects.filter(fair=fair).order_by("position", "name", "pk")}
    published = list(Meeting.objects.filter(fair=fair, status=MeetingStatus.PUBLISHED).order_by("pk"))
    requests = {
        str(r.pk): r
        for r in MeetingRequest.objects.filter(
            Q(pk__in=schedulable_requests(fair).values("pk")) | Q(pk__in=[m.request_id for m in published])
        )
        .select_related("sender", "recipient")
        .prefetch_related("guests")
        .order_by("created_at", "pk")
    }
    groups = {ident: members(request) for ident, request in requests.items()}
    people = {p.pk: p for group in groups.values() for p in group}
    locked = [
        scheduling.Locked(str(m.request_id), str(m.slot_id), str(m.table_id) if m.table_id else None)
        for m in published
        if str(m.request_id) in requests
    ]
    instance = scheduling.Instance(
        slots=[_engine_slot(ident, slot) for ident, slot in slots.items()],
        participants=_engine_people(fair, people, slots, tables),
        requests=[
            scheduling.Request(
                ident,
                tuple(str(p.pk) for p in groups[ident]),
                priority=min(max(request.priority, 1), scheduling.instance.MAX_PRIORITY),
                type=_TYPES[MeetingKind(request.kind)],
            )
            for ident, request in requests.items()
        ],
        tables=[scheduling.Table(ident) for ident in tables],
        locked=locked,
        name=fair.title,
    )
    hosted = len(instance.hosted_ids())
    if hosted > len(tables):
        raise PlanningError(
            gettext(
                "Every hosted buyer needs a table of their own: add tables or unmark hosted buyers (hosted buyers: %(hosted)d, tables: %(tables)d)."
            )
            % {"hosted": hosted, "tables": len(tables)}
        )
    return Built(instance, requests, slots, tables, {m.request for m in locked})


def _engine_slot(ident: str, slot: Slot) -> scheduling.Slot:
    """A slot labelled with its day in the fair's time zone (idle gaps are counted within a day)."""
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return scheduling.Slot(ident, day=start.date().isoformat(), start=f"{start:%H:%M}", end=f"{end:%H:%M}")


def _engine_people(
    fair: Fair, people: dict[int, Participant], slots: dict[str, Slot], tables: dict[str, Table]
) -> list[scheduling.Participant]:
    """The people of the requests with their available slots (none chosen: every slot) and host tables."""
    available: dict[int, list[str]] = {}
    through = Participant.available_slots.through
    pairs = through.objects.filter(participant_id__in=list(people), slot__fair=fair).values_list(
        "participant_id", "slot_id"
    )
    for person_id, slot_id in pairs:
        available.setdefault(person_id, []).append(str(slot_id))
    order = {ident: i for i, ident in enumerate(slots)}
    out = []
    for person in sorted(people.values(), key=lambda p: p.pk):
        own = available.get(person.pk)
        table = str(person.host_table_id) if person.host_table_id else None
        if table not in tables:
            table = None
        out.append(
            scheduling.Participant(
                str(person.pk),
                available=tuple(sorted(own, key=order.__getitem__)) if own else None,
                hosted=person.hosted or table is not None,
                table=table,
                name=person.name,
            )
        )
    return out


# --- Running and saving --------------------------------------------------------------------------


def run_schedule(*, fair: Fair, by: Any, seconds: float | None = None, now: dt.datetime | None = None) -> ScheduleRun:
    """Schedule every accepted request of ``fair`` around its published meetings and replace its planned
    (unpublished) meetings by the result.  The fair's row is locked, so two runs (or a run and a
    publication) never interleave."""
    now = now or timezone.now()
    with transaction.atomic():
        fair = Fair.objects.select_for_update().get(pk=fair.pk)
        built = build_instance(fair)
        solution = scheduling.schedule(built.instance, time_limit=time_limit() if seconds is None else seconds)
        Meeting.objects.filter(fair=fair, status=MeetingStatus.PLANNED).delete()
        new = [
            Meeting(
                fair=fair,
                request=built.requests[m.request],
                slot=built.slots[m.slot],
                table=built.tables[m.table] if m.table is not None else None,
                video_url=meeting_url(VIDEO_PREFIX) if m.type == scheduling.instance.ONLINE else "",
                status=MeetingStatus.PLANNED,
            )
            for m in solution.meetings
            if m.request not in built.locked
        ]
        Meeting.objects.bulk_create(new)
        over = {o.participant: o for o in solution.oversubscribed}
        unscheduled = []
        for item in solution.unscheduled:
            entry: dict[str, Any] = {"request": int(item.request), "code": item.code, "never": item.never}
            if item.participant is not None:
                entry["participant"] = int(item.participant)
                if item.participant in over:
                    entry["accepted"] = over[item.participant].accepted
                    entry["slots"] = over[item.participant].slots
            unscheduled.append(entry)
        run = ScheduleRun.objects.create(
            fair=fair,
            run_by=by if getattr(by, "is_authenticated", False) else None,
            started_at=now,
            seconds=round(solution.seconds, 3),
            requests=len(built.requests),
            placed=len(solution.meetings),
            weight=solution.placed_weight,
            upper_bound=float(solution.upper_bound),
            idle_gaps=solution.idle_gaps,
            never_schedulable=solution.never_schedulable,
            suggested_cap=solution.suggested_cap,
            unscheduled=unscheduled,
        )
        audit.record(
            actor=by,
            action="matchmaking.schedule.run",
            target=fair,
            data={"run": run.pk, "placed": run.placed, "requests": run.requests, "kept": len(built.locked)},
        )
    return run


def latest_run(fair: Fair) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(fair=fair).select_related("run_by").order_by("-started_at", "-pk").first()


def publish_schedule(*, fair: Fair, by: Any, now: dt.datetime | None = None) -> int:
    """Publish the fair's planned meetings; everyone with a newly published meeting gets their agenda
    link by e-mail.  How many meetings were published."""
    now = now or timezone.now()
    with transaction.atomic():
        fair = Fair.objects.select_for_update().get(pk=fair.pk)
        planned = list(Meeting.objects.filter(fair=fair, status=MeetingStatus.PLANNED).values_list("pk", flat=True))
        Meeting.objects.filter(pk__in=planned).update(status=MeetingStatus.PUBLISHED)
        fair.schedule_published_at = now
        fair.save(update_fields=["schedule_published_at"])
        run = latest_run(fair)
        if run is not None and run.published_at is None:
            run.published_at = now
            run.save(update_fields=["published_at"])
        audit.record(actor=by, action="matchmaking.schedule.published", target=fair, data={"meetings": len(planned)})
        # One task per person, handed to the workers once the publication is committed: a fair
        # of hundreds of participants is not e-mailed inside the organiser's request.
        recipients = [p.pk for p in participants_of(Meeting.objects.filter(pk__in=planned))]
        fair_pk = fair.pk
        transaction.on_commit(lambda: _enqueue_agenda_emails(fair_pk, recipients))
    return len(planned)


def _enqueue_agenda_emails(fair_pk: int, participant_pks: list[int]) -> None:
    from yunzhao.matchmaking import tasks

    for participant_pk in participant_pks:
        tasks.send_agenda_email.enqueue(fair_pk, participant_pk)


def participants_of(meetings: QuerySet[Meeting]) -> list[Participant]:
    """Everyone who sits in one of ``meetings``, once each."""
    requests = MeetingRequest.objects.filter(meeting__in=meetings)
    return list(
        Participant.objects.filter(
            Q(sent_requests__in=requests) | Q(received_requests__in=requests) | Q(group_requests__in=requests)
        )
        .distinct()
        .order_by("pk")
    )


def agenda_url(fair: Fair, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse("fairs:agenda", args=[fair.slug])


def send_agenda_email(*, fair: Fair, participant: Participant) -> None:
    """The participant's agenda link, in their language (the task ``tasks.send_agenda_email``)."""
    language = participant.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"fair": fair, "participant": participant, "url": agenda_url(fair, language)}
        subject = " ".join(render_to_string("matchmaking/schedule/email/agenda_subject.txt", context).split())
        body = render_to_string("matchmaking/schedule/email/agenda_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.email]).send(fail_silently=False)


# --- Reading a run --------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnscheduledRow:
    request: MeetingRequest | None
    who: list[Participant]
    reason: str
    never: bool


@dataclass(frozen=True)
class Oversubscribed:
    participant: Participant
    accepted: int
    slots: int


def isolated(name: str) -> str:
    """A name kept in its own direction inside a sentence (an Arabic name in English, a Latin one in Arabic)."""
    return f"\u2068{name}\u2069"


def _names(people: Iterable[Participant]) -> str:
    return gettext(", ").join(isolated(p.name) for p in people)


def reason_text(entry: dict[str, Any], who: list[Participant], named: Participant | None) -> str:
    """The engine's reason code as a sentence in the active language."""
    code = entry.get("code", "")
    name = isolated(named.name) if named is not None else ""
    if code == "no_common_slot":
        return gettext("%(names)s have no available slot in common.") % {"names": _names(who)}
    if code == "host_table_closed":
        return gettext("The table of hosted buyer %(name)s is not open in any slot they all share.") % {"name": name}
    if code == "no_table":
        return gettext("No table is open in any slot they share.")
    if code == "oversubscribed":
        slots = int(entry.get("slots", 0))
        return ngettext(
            "%(name)s has %(accepted)d accepted requests but can meet in only %(slots)d slot: "
            "no schedule holds them all. Cap acceptances at %(slots)d.",
            "%(name)s has %(accepted)d accepted requests but can meet in only %(slots)d slots: "
            "no schedule holds them all. Cap acceptances at %(slots)d.",
            slots,
        ) % {"name": name, "accepted": int(entry.get("accepted", 0)), "slots": slots}
    if code == "booked" and named is not None:
        return gettext("%(name)s already has a meeting in every slot they share.") % {"name": name}
    if code == "booked":
        return gettext("In every slot they share, one of them already has a meeting.")
    if code == "tables_full":
        return gettext("Every table is taken in the slots where they are all free.")
    return gettext("Not placed.")


def unscheduled_rows(run: ScheduleRun, *, participant: Participant | None = None) -> list[UnscheduledRow]:
    """The run's unscheduled requests with their reasons in the active language (of ``participant`` only, if given)."""
    entries = [e for e in run.unscheduled if isinstance(e, dict)]
    requests = {
        r.pk: r
        for r in MeetingRequest.objects.filter(pk__in=[e.get("request") for e in entries])
        .select_related("sender", "recipient")
        .prefetch_related("guests")
    }
    named_ids = {e["participant"] for e in entries if e.get("participant")}
    named = {p.pk: p for p in Participant.objects.filter(pk__in=named_ids)}
    rows = []
    for entry in entries:
        request = requests.get(entry.get("request", 0))
        who = members(request) if request is not None else []
        if participant is not None and participant.pk not in {p.pk for p in who}:
            continue
        person = named.get(entry.get("participant") or 0)
        rows.append(UnscheduledRow(request, who, reason_text(entry, who, person), bool(entry.get("never"))))
    return rows


def oversubscribed(run: ScheduleRun) -> list[Oversubscribed]:
    """The participants with more accepted requests than slots, as the run found them."""
    seen: dict[int, tuple[int, int]] = {}
    for entry in run.unscheduled:
        if isinstance(entry, dict) and entry.get("code") == "oversubscribed" and entry.get("participant"):
            seen[int(entry["participant"])] = (int(entry.get("accepted", 0)), int(entry.get("slots", 0)))
    people = Participant.objects.filter(pk__in=list(seen)).order_by("name", "pk")
    return [Oversubscribed(p, *seen[p.pk]) for p in people]


@dataclass(frozen=True)
class Counts:
    requests: int
    participants: int
    slots: int
    tables: int
    planned: int
    published: int


def schedule_counts(fair: Fair) -> Counts:
    accepted = schedulable_requests(fair)
    people = Participant.objects.filter(
        Q(sent_requests__in=accepted) | Q(received_requests__in=accepted) | Q(group_requests__in=accepted)
    ).distinct()
    meetings = Meeting.objects.filter(fair=fair)
    return Counts(
        requests=accepted.count(),
        participants=people.count(),
        slots=Slot.objects.filter(fair=fair).count(),
        tables=Table.objects.filter(fair=fair).count(),
        planned=meetings.filter(status=MeetingStatus.PLANNED).count(),
        published=meetings.filter(status=MeetingStatus.PUBLISHED).count(),
    )
