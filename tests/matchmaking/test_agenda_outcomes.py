"""Marking a meeting afterwards: held or no-show and a 1–5 rating, by each side, once, editable for a week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from tests.matchmaking.factories import ParticipantFactory
from tests.matchmaking.test_planning_schedule import SmallFair, small_fair
from yunzhao.matchmaking import agenda, planning
from yunzhao.matchmaking.models import Attendance, Meeting

pytestmark = pytest.mark.django_db


def past_fair() -> SmallFair:
    """A fair that ended yesterday, its schedule published."""
    small = small_fair(first_day=timezone.localdate() - dt.timedelta(days=2))
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    planning.publish_schedule(fair=small.fair, by=None)
    return small


def refused(**kwargs: object) -> str:
    with translation.override("en"), pytest.raises(agenda.OutcomeError) as error:
        agenda.mark_outcome(**kwargs)  # type: ignore[arg-type]
    return str(error.value)


def test_each_side_marks_a_meeting_once_and_may_change_it():
    small = past_fair()
    meeting = Meeting.objects.select_related("slot").get(request=small.requests["sato-wang"])
    sato, wang = small.people["sato"], small.people["wang"]
    after = meeting.slot.starts_at + dt.timedelta(minutes=5)

    agenda.mark_outcome(meeting=meeting, participant=sato, outcome="held", rating=4, now=after)
    agenda.mark_outcome(meeting=meeting, participant=wang, outcome="no_show", rating=3, now=after)
    assert sorted(Attendance.objects.values_list("participant__name", "outcome", "rating")) == sorted(
        [("佐藤 健一", "held", 4), ("王丽", "no_show", None)]  # no rating for a meeting that did not happen
    )
    agenda.mark_outcome(meeting=meeting, participant=sato, outcome="held", rating=5, now=after)
    assert Attendance.objects.get(participant=sato).rating == 5
    assert Attendance.objects.count() == 2


def test_marking_is_refused_before_the_start_after_the_week_and_to_outsiders():
    small = past_fair()
    meeting = Meeting.objects.select_related("slot", "fair").get(request=small.requests["sato-wang"])
    sato = small.people["sato"]
    start = meeting.slot.starts_at
    assert (
        refused(meeting=meeting, participant=sato, outcome="held", rating=4, now=start - dt.timedelta(minutes=1))
        == "You can mark a meeting once it has started."
    )
    deadline = agenda.marking_deadline(meeting.fair)
    assert timezone.localtime(deadline).date() == meeting.fair.ends_on + dt.timedelta(days=8)
    assert (
        refused(meeting=meeting, participant=sato, outcome="held", rating=4, now=deadline)
        == "Meetings can be marked until a week after the fair; that time is over."
    )
    agenda.mark_outcome(
        meeting=meeting, participant=sato, outcome="held", rating=4, now=deadline - dt.timedelta(seconds=1)
    )
    assert (
        refused(meeting=meeting, participant=small.people["maria"], outcome="held", rating=4, now=start)
        == "This is not one of your meetings."
    )
    assert refused(meeting=meeting, participant=sato, outcome="held", rating=None, now=start) == (
        "Rate the meeting from 1 to 5."
    )
    assert refused(meeting=meeting, participant=sato, outcome="held", rating=6, now=start) == (
        "Rate the meeting from 1 to 5."
    )
    assert refused(meeting=meeting, participant=sato, outcome="maybe", rating=3, now=start) == (
        "Say whether the meeting took place."
    )


def test_a_group_guest_marks_a_group_meeting_but_planned_meetings_cannot_be_marked():
    small = past_fair()
    group = Meeting.objects.select_related("slot").get(request=small.requests["group"])
    chen = small.people["chen"]
    agenda.mark_outcome(meeting=group, participant=chen, outcome="held", rating=2, now=group.slot.starts_at)
    assert Attendance.objects.get(meeting=group).participant == chen

    Meeting.objects.filter(pk=group.pk).update(status="planned")
    assert (
        refused(meeting=group, participant=small.people["amal"], outcome="held", rating=2, now=group.slot.starts_at)
        == "This is not one of your meetings."
    )


def test_the_agenda_page_offers_and_saves_the_outcome_after_the_meeting(client):
    small = past_fair()
    sato = small.people["sato"]
    meeting = Meeting.objects.get(request=small.requests["sato-wang"])
    client.force_login(sato.user)
    url = f"/en/fairs/{small.fair.slug}/agenda/"
    page = client.get(url).content.decode()
    action = f"/en/fairs/{small.fair.slug}/meetings/{meeting.pk}/outcome/"
    assert f'action="{action}"' in page

    response = client.post(action, {"outcome": "held", "rating": "5"}, follow=True)
    assert response.redirect_chain == [(f"{url}#meeting-{meeting.pk}", 302)]
    page = response.content.decode()
    assert "Thank you: your account of the meeting is saved." in page
    assert "You marked it: We met · useful 5/5" in page
    assert Attendance.objects.get(meeting=meeting, participant=sato).rating == 5

    response = client.post(action, {"outcome": "held", "rating": ""}, follow=True)
    assert "Rate the meeting from 1 to 5." in response.content.decode()
    assert Attendance.objects.get(meeting=meeting, participant=sato).rating == 5


def test_the_outcome_form_is_not_offered_before_the_meeting_and_strangers_cannot_post(client):
    small = small_fair()  # tomorrow
    planning.run_schedule(fair=small.fair, by=None, seconds=1)
    planning.publish_schedule(fair=small.fair, by=None)
    meeting = Meeting.objects.get(request=small.requests["sato-wang"])
    client.force_login(small.people["sato"].user)
    assert "/outcome/" not in client.get(f"/en/fairs/{small.fair.slug}/agenda/").content.decode()

    stranger = ParticipantFactory(fair=small.fair)
    client.force_login(stranger.user)
    response = client.post(
        f"/en/fairs/{small.fair.slug}/meetings/{meeting.pk}/outcome/", {"outcome": "held", "rating": "3"}, follow=True
    )
    assert "This is not one of your meetings." in response.content.decode()
    assert not Attendance.objects.exists()
