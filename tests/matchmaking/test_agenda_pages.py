"""A participant's agenda: the page in their time zone, the PDF, the calendar file, why it may be empty."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from tests.factories import UserFactory
from tests.matchmaking.factories import ParticipantFactory
from tests.matchmaking.test_planning_schedule import SmallFair, accepted, small_fair
from yunzhao.accounts.models import Role
from yunzhao.matchmaking import planning
from yunzhao.matchmaking.models import Meeting, MeetingRequest, MeetingStatus, RequestStatus

pytestmark = pytest.mark.django_db


def published_fair() -> SmallFair:
    small = small_fair()
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    planning.publish_schedule(fair=small.fair, by=None)
    return small


def tokyo_time(meeting: Meeting) -> str:
    return f"{meeting.slot.starts_at.astimezone(dt.timezone(dt.timedelta(hours=9))):%H:%M}"


def test_agenda_lists_the_meetings_in_time_order_in_the_readers_time_zone(client):
    small = published_fair()
    sato = small.people["sato"]
    client.force_login(sato.user)
    page = client.get(f"/en/fairs/{small.fair.slug}/agenda/").content.decode()

    mine = list(
        Meeting.objects.filter(request__in=[small.requests[k] for k in ("sato-wang", "sato-li", "group")])
        .select_related("slot", "table")
        .order_by("slot__starts_at")
    )
    assert len(mine) == 3
    assert "Times in Asia/Tokyo (UTC+0900)." in page  # Japan has one time zone
    positions = [page.index(f'id="meeting-{m.pk}"') for m in mine]
    assert positions == sorted(positions)
    for meeting in mine:
        card = page[page.index(f'id="meeting-{meeting.pk}"') :]
        card = card[: card.index("</li>")]
        assert f">{tokyo_time(meeting)}–" in card
        assert f'Table: <bdi class="fw-semibold">{meeting.table.name}</bdi>' in card
    group = page[
        page.index(f'id="meeting-{mine[[m.request_id for m in mine].index(small.requests["group"].pk)].pk}"') :
    ]
    assert "<bdi>أمل حداد</bdi> (<bdi>Gulf Partners</bdi>), <bdi>Chen Jun</bdi>" in group[: group.index("</li>")]
    assert "王丽" in page
    assert "Li Wei" in page
    assert "María López" not in page  # someone else's meeting


def test_agenda_shows_the_video_link_of_an_online_meeting_and_other_zones_on_request(client):
    small = published_fair()
    maria = small.people["maria"]
    client.force_login(maria.user)
    online = Meeting.objects.get(request=small.requests["maria-chen"])
    page = client.get(f"/en/fairs/{small.fair.slug}/agenda/?tz=UTC").content.decode()
    assert f'<a href="{online.video_url}" rel="noopener" class="text-break">{online.video_url}</a>' in page
    assert "Times in UTC (UTC+0000)." in page
    assert f">{online.slot.starts_at.astimezone(dt.UTC):%H:%M}–" in page


def test_agenda_says_why_it_is_empty(client, investor):
    small = small_fair()
    url = f"/en/fairs/{small.fair.slug}/agenda/"
    assert client.get(url).status_code == 302  # sign in first

    client.force_login(investor)
    assert "You have no profile in this fair." in client.get(url).content.decode()

    client.force_login(small.people["sato"].user)
    planning.run_schedule(fair=small.fair, by=None, seconds=1)  # planned, not published
    page = client.get(url).content.decode()
    assert "The organiser has not published the meeting schedule yet" in page
    assert 'id="agenda"' not in page

    nobody = ParticipantFactory(fair=small.fair, name="Quiet Visitor")
    client.force_login(nobody.user)
    assert "You have no accepted meeting requests yet" in client.get(url).content.decode()


def test_agenda_of_someone_left_out_gives_the_reason(client):
    small = small_fair()
    nadia = ParticipantFactory(fair=small.fair, name="Nadia Petrova", organisation="Volga Trade", country="RU")
    nadia.available_slots.set(small.slots[3:])
    accepted(small.fair, nadia, small.people["maria"])
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    planning.publish_schedule(fair=small.fair, by=None)
    client.force_login(nadia.user)
    page = client.get(f"/en/fairs/{small.fair.slug}/agenda/").content.decode()
    assert "None of your accepted requests could be placed in the schedule" in page
    assert "have no available slot in common." in page


def test_agenda_pdf_holds_the_other_side_and_the_time():
    small = published_fair()
    wang = small.people["wang"]
    from django.test import Client

    client = Client()
    client.force_login(wang.user)
    response = client.get(f"/en/fairs/{small.fair.slug}/agenda.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    meeting = Meeting.objects.select_related("slot").get(request=small.requests["sato-wang"])
    assert "佐藤 健一" in text
    assert "Osaka Trading" in text
    assert f"{timezone.localtime(meeting.slot.starts_at):%H:%M}" in text  # China: the fair's own zone
    assert "María López" in text


def test_agenda_ics_holds_one_event_per_meeting_with_stable_uids(client):
    small = published_fair()
    sato = small.people["sato"]
    client.force_login(sato.user)
    url = f"/en/fairs/{small.fair.slug}/agenda.ics"
    first = Calendar.from_ical(client.get(url).content)
    second = Calendar.from_ical(client.get(url).content)

    events = list(first.walk("VEVENT"))
    mine = Meeting.objects.filter(request__in=[small.requests[k] for k in ("sato-wang", "sato-li", "group")])
    assert len(events) == mine.count() == 3
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in second.walk("VEVENT")]
    by_start = {e.decoded("dtstart"): e for e in events}
    for meeting in mine.select_related("slot", "table"):
        event = by_start[meeting.slot.starts_at]
        assert event.decoded("dtend") == meeting.slot.ends_at
        assert str(event["location"]) == f"Table {meeting.table.name}"
        assert str(event["uid"]).startswith(f"fair-meeting-{meeting.pk}-{sato.pk}@")

    client.force_login(small.people["maria"].user)
    online = Meeting.objects.get(request=small.requests["maria-chen"])
    events = list(Calendar.from_ical(client.get(url).content).walk("VEVENT"))
    assert [str(e["location"]) for e in events if e.decoded("dtstart") == online.slot.starts_at] == [online.video_url]


def test_agenda_files_need_a_profile(client, investor):
    small = published_fair()
    client.force_login(investor)
    assert client.get(f"/en/fairs/{small.fair.slug}/agenda.ics").status_code == 404
    assert client.get(f"/en/fairs/{small.fair.slug}/agenda.pdf").status_code == 404


def with_meetings(count: int):
    """A participant with ``count`` published meetings, each with a different exhibitor."""
    small = small_fair()
    person = ParticipantFactory(fair=small.fair, name="Counted Buyer")
    for n in range(count):
        other = ParticipantFactory(fair=small.fair, role="exhibitor", name=f"Exhibitor {n}")
        request = accepted(small.fair, person, other)
        Meeting.objects.create(
            fair=small.fair, request=request, slot=small.slots[n], table=small.tables[n % 2], status="published"
        )
    return small, person


def test_agenda_page_query_count_does_not_grow_with_the_meetings(client, count_queries):
    counts = []
    for n in (1, 3):
        small, person = with_meetings(n)
        client.force_login(person.user)
        url = f"/en/fairs/{small.fair.slug}/agenda/"
        client.get(url)
        with count_queries() as counted:
            page = client.get(url).content.decode()
        assert page.count('id="meeting-') == n
        counts.append(counted.count)
    assert counts[0] == counts[1]


def test_staff_who_are_not_participants_see_no_agenda(client):
    small = published_fair()
    client.force_login(UserFactory(role=Role.OFFICER))
    page = client.get(f"/en/fairs/{small.fair.slug}/agenda/").content.decode()
    assert "You have no profile in this fair." in page
    assert MeetingRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 5
    assert Meeting.objects.filter(status=MeetingStatus.PUBLISHED).count() == 5
