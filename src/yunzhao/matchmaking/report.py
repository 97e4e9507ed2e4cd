"""The organiser's report after a fair: requests, meetings, enquiries, leads — in total and per
exhibitor (booth), per hall and per participant's country, on the page and as an .xlsx.

How each figure is counted
--------------------------

- **Requests sent / received** — meeting requests whose sender / recipient belongs to the row.
  A request's *sides* are its sender, its recipient and, for group meetings, its guests.
- **Accepted**, **acceptance rate** — requests with a side in the row that were accepted;
  the rate is accepted ÷ (accepted + declined + expired): requests still pending or cancelled
  by their sender are left out, as nobody decided on them.
- **Meetings scheduled** — meetings (not cancelled) whose request has a side in the row.
- **Held** — a scheduled meeting that at least one side marked *we met* and no side marked
  *the other side did not come*.  **No-shows** — a scheduled meeting that at least one side
  marked as a no-show.  Meetings nobody marked are neither (scheduled − held − no-shows of them
  are unknown).
- **Average rating** — the mean of the 1–5 ratings given on the row's meetings, by either side.
- **Enquiries received** — enquiries to the row's booths (per exhibitor and hall) or from
  visitors of the row's country (per country); **answered in time** — those first answered no
  later than their deadline (``first_answered_at <= due_at``).
- **Leads** — enquiries that became a lead in the project platform (``Enquiry.project``);
  **projects** — the distinct projects among those leads that moved past the lead stage and
  are not lost.

Who belongs to a row: per exhibitor, the booth's participants (``Participant.booth``) and its
enquiries; per hall, the same for every booth of the hall; per country, the participants of that
country (visitors and exhibitors).  A request between two rows counts in both, so the rows may
add up to more than the totals, which count each request, meeting and enquiry once.

The report reads the fair in a fixed number of queries whatever its size.
"""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from yunzhao.matchmaking.models import (
    Attendance,
    Booth,
    Enquiry,
    Fair,
    Hall,
    Meeting,
    MeetingRequest,
    MeetingStatus,
    Participant,
    RequestStatus,
)
from yunzhao.pipeline.models import Stage

DECIDED = frozenset({RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.EXPIRED})
NOT_PROJECTS = frozenset({Stage.LEAD, Stage.LOST})


@dataclass
class Figures:
    """The figures of one row (or of the whole fair)."""

    requests_sent: int = 0
    requests_received: int = 0
    accepted: int = 0
    decided: int = 0
    meetings: int = 0
    held: int = 0
    no_shows: int = 0
    rating_sum: int = 0
    ratings: int = 0
    enquiries: int = 0
    answered_in_time: int = 0
    leads: int = 0
    projects: set[int] = field(default_factory=set)

    @property
    def acceptance_rate(self) -> float | None:
        """Percent, one decimal; None when nothing was decided."""
        return round(100 * self.accepted / self.decided, 1) if self.decided else None

    @property
    def average_rating(self) -> float | None:
        return round(self.rating_sum / self.ratings, 2) if self.ratings else None

    @property
    def answered_in_time_rate(self) -> float | None:
        return round(100 * self.answered_in_time / self.enquiries, 1) if self.enquiries else None

    @property
    def projects_created(self) -> int:
        return len(self.projects)


@dataclass(frozen=True)
class Row:
    key: Any
    label: str
    figures: Figures
    detail: str = ""  # e.g. the booth's hall


@dataclass(frozen=True)
class FairReport:
    fair: Fair
    totals: Figures
    booths: list[Row]
    halls: list[Row]
    countries: list[Row]
    made_at: Any


@dataclass(frozen=True)
class _Meeting:
    sides: frozenset[int]
    held: bool
    no_show: bool
    ratings: tuple[int, ...]


def fair_report(fair: Fair) -> FairReport:
    """Every figure of ``fair`` (see the module's documentation for what each one counts)."""
    booths = list(Booth.objects.filter(fair=fair).select_related("hall").order_by("hall__position", "number", "pk"))
    halls = list(Hall.objects.filter(fair=fair).order_by("position", "pk"))
    people = {
        pk: (booth_id, hall_id, country)
        for pk, booth_id, hall_id, country in Participant.objects.filter(fair=fair).values_list(
            "pk", "booth_id", "booth__hall_id", "country"
        )
    }
    guests: dict[int, set[int]] = defaultdict(set)
    for request_id, participant_id in MeetingRequest.guests.through.objects.filter(
        meetingrequest__fair=fair
    ).values_list("meetingrequest_id", "participant_id"):
        guests[request_id].add(participant_id)
    requests = list(MeetingRequest.objects.filter(fair=fair).values_list("pk", "sender_id", "recipient_id", "status"))
    outcomes: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for meeting_id, outcome, rating in Attendance.objects.filter(meeting__fair=fair).values_list(
        "meeting_id", "outcome", "rating"
    ):
        outcomes[meeting_id].append((outcome, rating))
    meetings = []
    for pk, request_id, sender_id, recipient_id in (
        Meeting.objects.filter(fair=fair)
        .exclude(status=MeetingStatus.CANCELLED)
        .values_list("pk", "request_id", "request__sender_id", "request__recipient_id")
    ):
        marks = outcomes.get(pk, [])
        no_show = any(outcome == Attendance.Outcome.NO_SHOW for outcome, _rating in marks)
        meetings.append(
            _Meeting(
                sides=frozenset({sender_id, recipient_id, *guests.get(request_id, ())}),
                held=not no_show and any(outcome == Attendance.Outcome.HELD for outcome, _rating in marks),
                no_show=no_show,
                ratings=tuple(rating for _outcome, rating in marks if rating is not None),
            )
        )
    enquiries = list(
        Enquiry.objects.filter(booth__fair=fair).values_list(
            "booth_id",
            "booth__hall_id",
            "participant__country",
            "due_at",
            "first_answered_at",
            "project_id",
            "project__stage",
        )
    )

    # Which rows each participant belongs to, per grouping.
    groupings: dict[str, Callable[[int], Any]] = {
        "booth": lambda pk: people.get(pk, (None, None, None))[0],
        "hall": lambda pk: people.get(pk, (None, None, None))[1],
        "country": lambda pk: people.get(pk, (None, None, None))[2],
    }
    tables: dict[str, dict[Any, Figures]] = {name: defaultdict(Figures) for name in groupings}
    totals = Figures()

    for pk, sender_id, recipient_id, status in requests:
        sides = {sender_id, recipient_id, *guests.get(pk, ())}
        _count_request(totals, status, sent=True, received=True)
        for name, group_of in groupings.items():
            groups = {group_of(side) for side in sides} - {None}
            sender_group, recipient_group = group_of(sender_id), group_of(recipient_id)
            for group in groups:
                _count_request(
                    tables[name][group], status, sent=group == sender_group, received=group == recipient_group
                )

    for meeting in meetings:
        _count_meeting(totals, meeting)
        for name, group_of in groupings.items():
            for group in {group_of(side) for side in meeting.sides} - {None}:
                _count_meeting(tables[name][group], meeting)

    for booth_id, hall_id, country, due_at, answered_at, project_id, stage in enquiries:
        for figures in (totals, tables["booth"][booth_id], tables["hall"][hall_id], tables["country"][country]):
            figures.enquiries += 1
            if answered_at is not None and answered_at <= due_at:
                figures.answered_in_time += 1
            if project_id is not None:
                figures.leads += 1
                if stage not in NOT_PROJECTS:
                    figures.projects.add(project_id)

    booth_rows = [
        Row(
            key=booth.pk,
            label=f"{booth.number} {booth.name}",
            detail=str(booth.hall),
            figures=tables["booth"][booth.pk],
        )
        for booth in booths
    ]
    hall_rows = [Row(key=hall.pk, label=str(hall), figures=tables["hall"][hall.pk]) for hall in halls]
    country_rows = [
        Row(key=code, label=code, figures=tables["country"][code])
        for code in sorted(code for code in tables["country"] if code)
    ]
    return FairReport(
        fair=fair, totals=totals, booths=booth_rows, halls=hall_rows, countries=country_rows, made_at=timezone.now()
    )


def _count_request(figures: Figures, status: str, *, sent: bool, received: bool) -> None:
    figures.requests_sent += int(sent)
    figures.requests_received += int(received)
    figures.accepted += int(status == RequestStatus.ACCEPTED)
    figures.decided += int(status in DECIDED)


def _count_meeting(figures: Figures, meeting: _Meeting) -> None:
    figures.meetings += 1
    figures.held += int(meeting.held)
    figures.no_shows += int(meeting.no_show)
    figures.rating_sum += sum(meeting.ratings)
    figures.ratings += len(meeting.ratings)


# --- The workbook --------------------------------------------------------------------------------

COLUMNS: tuple[tuple[str | Promise, Callable[[Figures], Any]], ...] = (
    (gettext_lazy("Requests sent"), lambda f: f.requests_sent),
    (gettext_lazy("Requests received"), lambda f: f.requests_received),
    (gettext_lazy("Requests accepted"), lambda f: f.accepted),
    (gettext_lazy("Acceptance rate (%)"), lambda f: f.acceptance_rate),
    (gettext_lazy("Meetings scheduled"), lambda f: f.meetings),
    (gettext_lazy("Meetings held"), lambda f: f.held),
    (gettext_lazy("No-shows"), lambda f: f.no_shows),
    (gettext_lazy("Average rating (1–5)"), lambda f: f.average_rating),
    (gettext_lazy("Enquiries received"), lambda f: f.enquiries),
    (gettext_lazy("Answered in time"), lambda f: f.answered_in_time),
    (gettext_lazy("Leads"), lambda f: f.leads),
    (gettext_lazy("Projects"), lambda f: f.projects_created),
)


def _sheet(workbook: Workbook, title: str, heads: list[str], rows: Iterable[list[Any]]) -> None:
    # Excel refuses some characters in a sheet's name (a translated "Exhibitors / booths" among them).
    sheet = workbook.create_sheet(title=re.sub(r"[\\/*?:\[\]]", "-", title)[:31])
    for index in range(1, len(heads) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 34 if index <= 2 else 16
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for head in heads:
        cell = WriteOnlyCell(sheet, value=head)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(row)


def _figure_cells(figures: Figures) -> list[Any]:
    return [value(figures) for _head, value in COLUMNS]


def _rows(rows: list[Row], *, with_detail: bool) -> Iterator[list[Any]]:
    for row in rows:
        yield [row.label, *([row.detail] if with_detail else []), *_figure_cells(row.figures)]


def report_workbook(report: FairReport, file: IO[bytes] | None = None) -> IO[bytes]:
    """The report as an .xlsx, headed in the active language: totals, exhibitors, halls, countries."""
    target: IO[bytes] = file if file is not None else tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it
    workbook = Workbook(write_only=True)
    figure_heads = [str(head) for head, _value in COLUMNS]
    _sheet(workbook, _("Totals"), [_("Fair"), *figure_heads], [[str(report.fair), *_figure_cells(report.totals)]])
    _sheet(workbook, _("Exhibitors"), [_("Booth"), _("Hall"), *figure_heads], _rows(report.booths, with_detail=True))
    _sheet(workbook, _("Halls"), [_("Hall"), *figure_heads], _rows(report.halls, with_detail=False))
    _sheet(workbook, _("Countries"), [_("Country"), *figure_heads], _rows(report.countries, with_detail=False))
    workbook.save(target)
    target.seek(0)
    return target


def workbook_name(fair: Fair) -> str:
    return f"fair-report-{fair.slug}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
