"""The events pages through the test client: staff set an event up, the public registers, the door checks in."""

from __future__ import annotations

import json

import pytest

from tests.factories import EventFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.events import registrations
from yunzhao.events.models import Event, Question, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_an_officer_sets_up_a_forum_with_a_question(officer_client, officer):
    response = officer_client.post(
        "/en/office/events/new/",
        {
            "kind": "forum",
            "title_zh_hans": "国际开放合作论坛",
            "title_en": "International Open Cooperation Forum",
            "title_ja": "国際開放協力フォーラム",
            "starts_at": "2027-09-03T09:00",
            "ends_at": "2027-09-03T17:00",
            "city": "北京",
            "country": "cn",
            "status": "published",
            "registration_open": "on",
            "capacity": "2",
            "department": officer.department.pk,
            "owner": officer.pk,
            "create_video_room": "on",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/office/events/{event.pk}/"
    assert event.country == "CN"
    assert event.capacity == 2
    assert event.video_url.startswith("https://meet.jit.si/yunzhao-event-")

    response = officer_client.post(
        f"/en/office/events/{event.pk}/questions/new/",
        {
            "label_zh_hans": "您关注哪个产业？",
            "label_en": "Which industry interests you?",
            "kind": "text",
            "position": 1,
        },
    )
    assert response.status_code == 302
    page = officer_client.get(f"/en/office/events/{event.pk}/").content.decode()
    assert "International Open Cooperation Forum" in page
    assert "Which industry interests you?" in page


def test_an_event_ending_before_it_starts_is_refused_and_nothing_saved(officer_client, officer):
    response = officer_client.post(
        "/en/office/events/new/",
        {
            "kind": "forum",
            "title_zh_hans": "论坛",
            "starts_at": "2027-09-03T09:00",
            "ends_at": "2027-09-02T17:00",
            "status": "draft",
            "department": officer.department.pk,
        },
    )
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_leaders_read_events_but_do_not_set_them_up(client, leader):
    event = EventFactory()
    client.force_login(leader)
    assert client.get(f"/en/office/events/{event.pk}/").status_code == 200
    assert client.get("/en/office/events/new/").status_code == 403
    assert client.get(f"/en/office/events/{event.pk}/check-in/").status_code == 403


def test_the_public_registers_in_japanese_with_the_events_question_and_sees_their_qr(client):
    event = EventFactory(capacity=1, title_ja="北京・東京フォーラム")
    question = Question.objects.create(event=event, label_zh_hans="关注产业", label_ja="関心のある産業", required=True)

    page = client.get(f"/ja/events/{event.pk}/register/").content.decode()
    assert "関心のある産業" in page

    missing = client.post(
        f"/ja/events/{event.pk}/register/", {"name": "山田太郎", "email": "yamada@example.jp", "consent": "on"}
    )
    assert missing.status_code == 200
    assert not Registration.objects.exists()

    response = client.post(
        f"/ja/events/{event.pk}/register/",
        {
            "name": "山田太郎",
            "organisation": "トヨタ自動車",
            "email": "yamada@example.jp",
            "country": "jp",
            f"question_{question.pk}": "新エネルギー車",
            "consent": "on",
        },
    )
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ja/events/registration/{registration.code}/"
    assert registration.language == "ja"
    assert registration.country == "JP"
    assert registration.answers[str(question.pk)]["answer"] == "新エネルギー車"
    assert registration.status == RegistrationStatus.CONFIRMED
    own_page = client.get(response["Location"]).content.decode()
    assert "<svg" in own_page
    assert registration.code in own_page


def test_cancelling_from_ones_own_page_moves_the_waiting_list(client):
    event = EventFactory(capacity=1)
    seat = registrations.register(
        event=event, registrant=registrations.Registrant(name="A", email="a@example.com", language="en")
    )[0]
    waiting = registrations.register(
        event=event, registrant=registrations.Registrant(name="B", email="b@example.com", language="ar")
    )[0]
    page = client.get(f"/ar/events/registration/{waiting.code}/").content.decode()
    assert 'data-status="waiting"' in page

    client.post(f"/en/events/registration/{seat.code}/cancel/")

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert client.get("/en/events/registration/not-a-code/").status_code == 404


def test_the_door_answers_in_json_for_the_page_script(client):
    event = EventFactory(capacity=5)
    door = UserFactory(role=Role.OFFICER, department=event.department)
    seat = registrations.register(
        event=event,
        registrant=registrations.Registrant(name="김민준", email="kim@example.kr", language="ko", organisation="현대"),
    )[0]
    client.force_login(door)
    url = f"/en/office/events/{event.pk}/check-in/"
    first = client.post(url, {"code": seat.code}, headers={"Accept": "application/json"})
    again = client.post(url, {"code": seat.code}, headers={"Accept": "application/json"})
    unknown = client.post(url, {"code": "nope"}, headers={"Accept": "application/json"})
    assert json.loads(first.content)["outcome"] == "checked_in"
    assert json.loads(first.content)["name"] == "김민준"
    assert json.loads(again.content)["outcome"] == "already"
    assert json.loads(unknown.content) == {"outcome": "unknown", "tone": "danger", "message": "Unknown code."}
    # Without the script, the form posts and the page answers.
    page = client.post(url, {"code": seat.code}).content.decode()
    assert "Already checked in." in page


def test_staff_decline_with_a_reason_from_the_list(client):
    event = EventFactory(capacity=5, needs_approval=True)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=event.department)
    pending = registrations.register(
        event=event, registrant=registrations.Registrant(name="X", email="x@example.com", language="en")
    )[0]
    client.force_login(head)
    refused = client.post(f"/en/office/events/registrations/{pending.pk}/decline/", {"reason": ""})
    assert refused.status_code == 302
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING
    client.post(f"/en/office/events/registrations/{pending.pk}/decline/", {"reason": "Invitation only"})
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.DECLINED
    listing = client.get(f"/en/office/events/{event.pk}/registrations/?status=declined").content.decode()
    assert "Invitation only" in listing
