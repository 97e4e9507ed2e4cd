"""The organiser's report on a small hand-built fair: every figure exact, in a fixed number of
queries, on the page and in the .xlsx."""

from __future__ import annotations

import datetime as dt
import io
from itertools import count

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from tests.factories import ProjectFactory
from tests.matchmaking.factories import (
    BoothFactory,
    FairFactory,
    HallFactory,
    MeetingRequestFactory,
    ParticipantFactory,
    SlotFactory,
)
from yunzhao.matchmaking import report
from yunzhao.matchmaking.models import Attendance, Enquiry, Meeting, RequestStatus
from yunzhao.pipeline.models import Stage

pytestmark = pytest.mark.django_db

NOW = timezone.now()
_references = count(1)


def enquiry(booth, participant, *, answered_after_hours=None, project=None):
    due = NOW + dt.timedelta(hours=4)
    return Enquiry.objects.create(
        booth=booth,
        participant=participant,
        reference=f"Q-{next(_references):04d}",
        subject="报价",
        language="en",
        created_at=NOW,
        due_at=due,
        first_answered_at=None if answered_after_hours is None else NOW + dt.timedelta(hours=answered_after_hours),
        project=project,
    )


def meeting(fair, request, *, status="published", marks=()):
    held = Meeting.objects.create(fair=fair, request=request, slot=SlotFactory(fair=fair), status=status)
    for participant, outcome, rating in marks:
        Attendance.objects.create(meeting=held, participant=participant, outcome=outcome, rating=rating, marked_at=NOW)
    return held


@pytest.fixture
def fair():
    """Two halls, three booths, three visitors; eight requests, four meetings, four enquiries."""
    fair = FairFactory(slug="small-fair")
    hall_1 = HallFactory(fair=fair, name_zh_hans="一号馆", name_en="Hall 1", position=0)
    hall_2 = HallFactory(fair=fair, name_zh_hans="二号馆", name_en="Hall 2", position=1)
    b1 = BoothFactory(fair=fair, hall=hall_1, number="A1", name_zh_hans="华光储能", name_en="Huaguang Storage")
    b2 = BoothFactory(fair=fair, hall=hall_1, number="A2", name_zh_hans="东方电子", name_en="Dongfang Electronics")
    b3 = BoothFactory(
        fair=fair, hall=hall_2, number="B1", name_zh_hans="莱茵机械", name_en="Rhein Maschinen", country="DE"
    )
    e1 = ParticipantFactory(fair=fair, role="exhibitor", booth=b1, country="CN")
    e2 = ParticipantFactory(fair=fair, role="exhibitor", booth=b2, country="CN")
    e3 = ParticipantFactory(fair=fair, role="exhibitor", booth=b3, country="DE")
    v1 = ParticipantFactory(fair=fair, role="buyer", country="JP")
    v2 = ParticipantFactory(fair=fair, role="investor", country="JP")
    v3 = ParticipantFactory(fair=fair, role="buyer", country="KR")

    def request(sender, recipient, status):
        return MeetingRequestFactory(fair=fair, sender=sender, recipient=recipient, status=status)

    r1 = request(v1, e1, RequestStatus.ACCEPTED)
    r2 = request(v2, e1, RequestStatus.ACCEPTED)
    request(v3, e2, RequestStatus.DECLINED)
    request(v1, e3, RequestStatus.EXPIRED)
    request(v2, e2, RequestStatus.PENDING)
    r6 = request(e1, v3, RequestStatus.ACCEPTED)
    request(v3, e3, RequestStatus.CANCELLED)
    r8 = request(v1, e2, RequestStatus.ACCEPTED)

    held, no_show = Attendance.Outcome.HELD, Attendance.Outcome.NO_SHOW
    meeting(fair, r1, marks=[(v1, held, 5), (e1, held, 4)])  # held
    meeting(fair, r2, marks=[(v2, held, 4), (e1, no_show, None)])  # a no-show, not held
    meeting(fair, r6)  # nobody marked it
    meeting(fair, r8, status="cancelled", marks=[(v1, held, 1)])  # cancelled: not counted

    enquiry(b1, v1, answered_after_hours=1, project=ProjectFactory(stage=Stage.CONTACTED))
    enquiry(b1, v2, answered_after_hours=6, project=ProjectFactory(stage=Stage.LEAD))
    enquiry(b3, v3)
    enquiry(b3, v2, answered_after_hours=4)
    return fair


def figures(f: report.Figures) -> dict[str, object]:
    return {
        "sent": f.requests_sent,
        "received": f.requests_received,
        "accepted": f.accepted,
        "rate": f.acceptance_rate,
        "meetings": f.meetings,
        "held": f.held,
        "no_shows": f.no_shows,
        "rating": f.average_rating,
        "enquiries": f.enquiries,
        "in_time": f.answered_in_time,
        "leads": f.leads,
        "projects": f.projects_created,
    }


def row(sent, received, accepted, rate, meetings, held, no_shows, rating, enquiries, in_time, leads, projects):
    return {
        "sent": sent,
        "received": received,
        "accepted": accepted,
        "rate": rate,
        "meetings": meetings,
        "held": held,
        "no_shows": no_shows,
        "rating": rating,
        "enquiries": enquiries,
        "in_time": in_time,
        "leads": leads,
        "projects": projects,
    }


def test_totals(fair):
    result = report.fair_report(fair)

    assert figures(result.totals) == row(8, 8, 4, 66.7, 3, 1, 1, 4.33, 4, 2, 2, 1)


def test_per_exhibitor(fair):
    result = report.fair_report(fair)

    assert [(r.label, r.detail) for r in result.booths] == [
        ("A1 华光储能", "一号馆"),
        ("A2 东方电子", "一号馆"),
        ("B1 莱茵机械", "二号馆"),
    ]
    assert [figures(r.figures) for r in result.booths] == [
        row(1, 2, 3, 100.0, 3, 1, 1, 4.33, 2, 1, 2, 1),
        row(0, 3, 1, 50.0, 0, 0, 0, None, 0, 0, 0, 0),
        row(0, 2, 0, 0.0, 0, 0, 0, None, 2, 1, 0, 0),
    ]


def test_per_hall(fair):
    result = report.fair_report(fair)

    assert [r.label for r in result.halls] == ["一号馆", "二号馆"]
    assert [figures(r.figures) for r in result.halls] == [
        row(1, 5, 4, 80.0, 3, 1, 1, 4.33, 2, 1, 2, 1),
        row(0, 2, 0, 0.0, 0, 0, 0, None, 2, 1, 0, 0),
    ]


def test_per_country_of_the_participants(fair):
    result = report.fair_report(fair)

    assert [r.label for r in result.countries] == ["CN", "DE", "JP", "KR"]
    assert [figures(r.figures) for r in result.countries] == [
        row(1, 5, 4, 80.0, 3, 1, 1, 4.33, 0, 0, 0, 0),
        row(0, 2, 0, 0.0, 0, 0, 0, None, 0, 0, 0, 0),
        row(5, 0, 3, 75.0, 2, 1, 1, 4.33, 3, 2, 2, 1),
        row(2, 1, 1, 50.0, 1, 0, 0, None, 1, 0, 0, 0),
    ]


def test_an_empty_fair_has_no_rates():
    result = report.fair_report(FairFactory())

    assert figures(result.totals) == row(0, 0, 0, None, 0, 0, 0, None, 0, 0, 0, 0)
    assert (result.booths, result.halls, result.countries) == ([], [], [])


def test_the_report_reads_a_fixed_number_of_queries(fair, count_queries):
    small = FairFactory()
    BoothFactory(fair=small)
    with count_queries() as few:
        report.fair_report(small)
    with count_queries() as many:
        report.fair_report(fair)

    assert few.count == many.count == 8


def test_the_workbook_opens_with_a_sheet_per_view(fair):
    with translation.override("en"):
        file = report.report_workbook(report.fair_report(fair))
    workbook = load_workbook(io.BytesIO(file.read()), read_only=True)

    assert workbook.sheetnames == ["Totals", "Exhibitors", "Halls", "Countries"]
    totals = list(workbook["Totals"].iter_rows(values_only=True))
    assert totals[0][:5] == ("Fair", "Requests sent", "Requests received", "Requests accepted", "Acceptance rate (%)")
    assert totals[1][1:] == (8, 8, 4, 66.7, 3, 1, 1, 4.33, 4, 2, 2, 1)
    exhibitors = list(workbook["Exhibitors"].iter_rows(values_only=True))
    assert exhibitors[1] == ("A1 Huaguang Storage", "Hall 1", 1, 2, 3, 100.0, 3, 1, 1, 4.33, 2, 1, 2, 1)
    assert exhibitors[2][:6] == ("A2 Dongfang Electronics", "Hall 1", 0, 3, 1, 50.0)
    assert exhibitors[2][9] is None  # no rating
    countries = [r[0] for r in workbook["Countries"].iter_rows(min_row=2, values_only=True)]
    assert countries == ["CN", "DE", "JP", "KR"]
