"""The scheduler on a small fair in the database: the rules hold, re-runs keep what is published,
publishing mails the agendas, and the organiser's pages show the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation

from tests.factories import DepartmentFactory, UserFactory
from tests.matchmaking.factories import FairFactory, MeetingRequestFactory, ParticipantFactory, TableFactory
from tests.tasks import run_pending
from yunzhao.accounts.models import Role
from yunzhao.matchmaking import planning
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

pytestmark = pytest.mark.django_db


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def plain(text: str) -> str:
    """``text`` without the bidi isolates around names."""
    return text.replace("\u2068", "").replace("\u2069", "")


def accepted(fair: Fair, sender: Participant, recipient: Participant, **kwargs: Any) -> MeetingRequest:
    now = timezone.now()
    return MeetingRequestFactory(
        fair=fair, sender=sender, recipient=recipient, status=RequestStatus.ACCEPTED, answered_at=now, **kwargs
    )


@dataclass
class SmallFair:
    fair: Fair
    slots: list[Slot]
    tables: list[Table]
    people: dict[str, Participant]
    requests: dict[str, MeetingRequest]


def small_fair(*, first_day: dt.date | None = None, organiser_department: Any = None) -> SmallFair:
    """Two days, four slots, two tables; a hosted Japanese buyer with a group meeting, a Spanish buyer
    present only on the first morning, an online meeting."""
    day = first_day or timezone.localdate() + dt.timedelta(days=1)
    fair = FairFactory(
        starts_on=day, ends_on=day + dt.timedelta(days=1), department=organiser_department or DepartmentFactory()
    )
    slots = [
        Slot.objects.create(fair=fair, starts_at=local(d, h, m), ends_at=local(d, h, m) + dt.timedelta(minutes=25))
        for d, h, m in [(day, 9, 0), (day, 9, 30), (day, 10, 0), (day + dt.timedelta(days=1), 9, 0)]
    ]
    tables = [TableFactory(fair=fair, name="A1", position=1), TableFactory(fair=fair, name="A2", position=2)]

    def person(key: str, **kwargs: Any) -> Participant:
        return ParticipantFactory(fair=fair, **kwargs)

    people = {
        "sato": person(
            "sato", name="佐藤 健一", organisation="Osaka Trading", hosted=True, language="ja", country="JP"
        ),
        "maria": person("maria", name="María López", organisation="Iberia Foods", language="es", country="ES"),
        "wang": person(
            "wang", role="exhibitor", name="王丽", organisation="华光储能", language="zh-hans", country="CN"
        ),
        "li": person("li", role="exhibitor", name="Li Wei", organisation="Jinhua Solar", language="en", country="CN"),
        "chen": person(
            "chen", role="exhibitor", name="Chen Jun", organisation="Blue Port", language="en", country="CN"
        ),
        "amal": person(
            "amal", role="partner", name="أمل حداد", organisation="Gulf Partners", language="ar", country="AE"
        ),
    }
    people["maria"].available_slots.set(slots[:2])
    requests = {
        "sato-wang": accepted(fair, people["wang"], people["sato"], priority=3),
        "sato-li": accepted(fair, people["li"], people["sato"]),
        "maria-wang": accepted(fair, people["maria"], people["wang"], priority=2),
        "maria-chen": accepted(fair, people["maria"], people["chen"], kind=MeetingKind.ONLINE),
        "group": accepted(fair, people["amal"], people["sato"], kind=MeetingKind.GROUP),
    }
    requests["group"].guests.add(people["chen"])
    return SmallFair(fair, slots, tables, people, requests)


def members_of(meeting: Meeting) -> list[int]:
    return [p.pk for p in planning.members(meeting.request)]


def test_run_schedule_places_every_request_within_the_rules():
    small = small_fair()
    run = planning.run_schedule(fair=small.fair, by=None, seconds=2)

    meetings = list(Meeting.objects.filter(fair=small.fair).select_related("request", "slot", "table"))
    assert run.requests == 5
    assert run.placed == len(meetings) == 5
    assert run.weight == 8
    assert run.upper_bound == 8
    assert run.unscheduled == []
    assert {m.status for m in meetings} == {MeetingStatus.PLANNED}
    busy: set[tuple[int, int]] = set()
    for meeting in meetings:
        for person in members_of(meeting):
            assert (person, meeting.slot_id) not in busy  # nobody in two places at once
            busy.add((person, meeting.slot_id))
    maria = small.people["maria"]
    for meeting in meetings:
        if maria.pk in members_of(meeting):
            assert meeting.slot in small.slots[:2]  # only when present
    at_tables = [(m.slot_id, m.table_id) for m in meetings if m.table_id]
    assert len(at_tables) == len(set(at_tables)) == 4  # one meeting per table and slot
    sato = small.people["sato"]
    assert len({m.table_id for m in meetings if sato.pk in members_of(m)}) == 1  # hosted buyer at one table
    online = Meeting.objects.get(request=small.requests["maria-chen"])
    assert online.table is None
    assert online.video_url.startswith(settings.YUNZHAO["VIDEO_PROVIDER_URL"].rstrip("/") + "/yunzhao-fair-")
    assert all(m.video_url == "" for m in meetings if m.table_id)


def test_run_schedule_twice_replaces_the_planned_meetings():
    small = small_fair()
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    first = set(Meeting.objects.values_list("pk", flat=True))
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    assert Meeting.objects.count() == 5
    assert first.isdisjoint(Meeting.objects.values_list("pk", flat=True))
    assert ScheduleRun.objects.filter(fair=small.fair).count() == 2


def test_rerun_after_a_late_request_keeps_published_meetings_where_they_are(django_capture_on_commit_callbacks):
    small = small_fair()
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert planning.publish_schedule(fair=small.fair, by=None) == 5
    run_pending()
    published = {m.request_id: (m.pk, m.slot_id, m.table_id, m.video_url) for m in Meeting.objects.all()}
    mail.outbox.clear()

    late = accepted(small.fair, small.people["chen"], small.people["wang"])
    run = planning.run_schedule(fair=small.fair, by=None, seconds=1)

    assert run.requests == 6
    after = {m.request_id: (m.pk, m.slot_id, m.table_id, m.video_url) for m in Meeting.objects.exclude(request=late)}
    assert after == published
    assert set(Meeting.objects.exclude(request=late).values_list("status", flat=True)) == {MeetingStatus.PUBLISHED}
    new = Meeting.objects.get(request=late)
    assert new.status == MeetingStatus.PLANNED

    with django_capture_on_commit_callbacks(execute=True):
        assert planning.publish_schedule(fair=small.fair, by=None) == 1
    run_pending()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([small.people["chen"].email, small.people["wang"].email])


def test_publish_mails_each_participant_their_agenda_link_in_their_language(django_capture_on_commit_callbacks):
    small = small_fair()
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        planning.publish_schedule(fair=small.fair, by=None, now=now)
    assert mail.outbox == []  # the workers send them, not the organiser's request
    run_pending()

    small.fair.refresh_from_db()
    assert small.fair.schedule_published_at == now
    assert ScheduleRun.objects.get(fair=small.fair).published_at == now
    assert set(Meeting.objects.values_list("status", flat=True)) == {MeetingStatus.PUBLISHED}
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == sorted(p.email for p in small.people.values())
    slug = small.fair.slug
    assert f"/ja/fairs/{slug}/agenda/" in by_address[small.people["sato"].email].body
    assert f"/ar/fairs/{slug}/agenda/" in by_address[small.people["amal"].email].body
    assert f"/zh-hans/fairs/{slug}/agenda/" in by_address[small.people["wang"].email].body
    with translation.override("en"):
        assert by_address[small.people["li"].email].subject == f"Your meeting agenda for {small.fair.title_en}"


def test_unschedulable_requests_get_their_reasons():
    small = small_fair()
    fair = small.fair
    nadia = ParticipantFactory(fair=fair, name="Nadia Petrova", organisation="Volga Trade", country="RU")
    nadia.available_slots.set(small.slots[3:])
    lonely = accepted(fair, nadia, small.people["maria"])  # Maria only on the first morning
    run = planning.run_schedule(fair=fair, by=None, seconds=1)

    assert run.never_schedulable == 1
    assert run.unscheduled == [{"request": lonely.pk, "code": "no_common_slot", "never": True}]
    with translation.override("en"):
        rows = planning.unscheduled_rows(run)
    assert [(r.request, r.never) for r in rows] == [(lonely, True)]
    assert plain(rows[0].reason) == "Nadia Petrova, María López have no available slot in common."


def test_an_oversubscribed_participant_is_reported_with_a_cap():
    small = small_fair()
    fair = small.fair
    maria = small.people["maria"]  # two slots, already two requests
    extra = [ParticipantFactory(fair=fair, name=f"Seller {n}", role="exhibitor") for n in range(2)]
    for seller in extra:
        accepted(fair, seller, maria)
    run = planning.run_schedule(fair=fair, by=None, seconds=1)

    assert run.suggested_cap == 2
    assert run.never_schedulable == 2
    assert [(o.participant, o.accepted, o.slots) for o in planning.oversubscribed(run)] == [(maria, 4, 2)]
    with translation.override("en"):
        reasons = {plain(r.reason) for r in planning.unscheduled_rows(run)}
    assert reasons == {
        "María López has 4 accepted requests but can meet in only 2 slots: no schedule holds them all. "
        "Cap acceptances at 2."
    }


def test_more_hosted_buyers_than_tables_is_refused_with_what_to_fix():
    small = small_fair()
    Table.objects.filter(pk=small.tables[1].pk).delete()
    small.people["maria"].hosted = True
    small.people["maria"].save()
    with translation.override("en"), pytest.raises(planning.PlanningError) as error:
        planning.run_schedule(fair=small.fair, by=None, seconds=1)
    assert str(error.value) == (
        "Every hosted buyer needs a table of their own: add tables or unmark hosted buyers (hosted buyers: 2, tables: 1)."
    )
    assert not Meeting.objects.exists()


# --- The organiser's pages -----------------------------------------------------------------


@pytest.fixture
def organiser():
    return UserFactory(role=Role.OFFICER)


def test_schedule_page_is_for_the_fair_organisers_only(client, organiser, investor):
    small = small_fair(organiser_department=organiser.department)
    url = f"/en/office/fairs/{small.fair.pk}/schedule/"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(UserFactory(role=Role.OFFICER))  # staff of another department
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert client.post(f"/en/office/fairs/{small.fair.pk}/schedule/publish/").status_code == 403
    assert client.get(f"/en/office/fairs/{small.fair.pk}/table-plan/").status_code == 403
    client.force_login(investor)
    assert client.get(url).status_code == 403
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    assert not Meeting.objects.exists()


def test_organiser_runs_reads_and_publishes_the_schedule(
    client, organiser, settings, django_capture_on_commit_callbacks
):
    settings.YUNZHAO = {**settings.YUNZHAO, "FAIR_SCHEDULER_SECONDS": 1}
    small = small_fair(organiser_department=organiser.department)
    nadia = ParticipantFactory(fair=small.fair, name="Nadia Petrova", organisation="Volga Trade", country="RU")
    nadia.available_slots.set(small.slots[3:])
    accepted(small.fair, nadia, small.people["maria"])
    client.force_login(organiser)
    url = f"/en/office/fairs/{small.fair.pk}/schedule/"

    page = client.get(url).content.decode()
    assert "The scheduler has not run yet." in page
    response = client.post(url, follow=True)
    page = response.content.decode()
    assert "The scheduler placed 5 of 6 accepted requests." in page
    assert "5 of 6 accepted requests" in page
    assert "8 of at most 8 (proven upper bound): \u2066100.00%\u2069" in page
    assert "Nadia Petrova, María López have no available slot in common." in plain(page)
    assert "Publish 5 meetings and e-mail the agendas" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/office/fairs/{small.fair.pk}/schedule/publish/", follow=True)
    run_pending()
    assert "5 meetings published; everyone who meets got their agenda by e-mail." in response.content.decode()
    assert Meeting.objects.filter(status=MeetingStatus.PUBLISHED).count() == 5
    assert len(mail.outbox) == 6


def test_unscheduled_reasons_show_in_chinese_and_english(client, organiser):
    small = small_fair(organiser_department=organiser.department)
    nadia = ParticipantFactory(fair=small.fair, name="Nadia Petrova", organisation="Volga Trade", country="RU")
    nadia.available_slots.set(small.slots[3:])
    accepted(small.fair, nadia, small.people["maria"])
    planning.run_schedule(fair=small.fair, by=organiser, seconds=1)
    client.force_login(organiser)

    english = client.get(f"/en/office/fairs/{small.fair.pk}/schedule/").content.decode()
    chinese = client.get(f"/zh-hans/office/fairs/{small.fair.pk}/schedule/").content.decode()
    assert "Nadia Petrova, María López have no available slot in common." in plain(english)
    run = planning.latest_run(small.fair)
    assert run is not None
    with translation.override("zh-hans"):
        [row] = planning.unscheduled_rows(run)
    assert plain(row.reason).startswith("Nadia Petrova、María López")  # rendered when read, in the reader's language
    assert row.reason in chinese
    assert '<html lang="zh-hans"' in chinese


def test_the_table_plan_shows_each_table_per_slot(client, organiser):
    small = small_fair(organiser_department=organiser.department)
    planning.run_schedule(fair=small.fair, by=organiser, seconds=1)
    client.force_login(organiser)
    page = client.get(f"/en/office/fairs/{small.fair.pk}/table-plan/").content.decode()
    assert "<bdi>A1</bdi>" in page
    assert "<bdi>A2</bdi>" in page
    group = Meeting.objects.get(request=small.requests["group"])
    assert f"{group.slot.starts_at.astimezone(timezone.get_current_timezone()):%H:%M}" in page
    assert "佐藤 健一" in page
    assert "أمل حداد" in page
    published = client.get(f"/en/office/fairs/{small.fair.pk}/table-plan/?show=published").content.decode()
    assert "佐藤 健一" not in published
