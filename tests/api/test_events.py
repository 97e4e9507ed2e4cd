"""Events through the API: set one up, register people into the same queue as the public form, check in."""

from __future__ import annotations

import pytest

from tests.factories import EventFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.events.models import Registration

pytestmark = pytest.mark.django_db


def test_an_officer_creates_an_event_for_their_department(officer_api, officer):
    response = officer_api.post(
        "/events",
        {
            "kind": "signing",
            "title_zh_hans": "重点项目签约仪式",
            "title_en": "Signing ceremony of key projects",
            "starts_at": "2027-09-03T14:00:00+08:00",
            "ends_at": "2027-09-03T15:30:00+08:00",
            "city": "北京",
            "country": "CN",
            "status": "published",
            "registration_open": True,
            "capacity": 120,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind_label"] == "Signing ceremony"
    assert body["department"]["id"] == officer.department_id
    assert body["capacity"] == 120
    assert body["registered"] == 0


def test_an_event_ending_before_it_starts_is_refused_by_field(officer_api):
    response = officer_api.post(
        "/events",
        {
            "kind": "forum",
            "title_zh_hans": "论坛",
            "starts_at": "2027-09-03T14:00:00+08:00",
            "ends_at": "2027-09-03T13:00:00+08:00",
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"ends_at": ["The event cannot end before it starts."]}


def test_registrations_through_the_api_wait_in_the_same_queue_and_check_in(api_for):
    event = EventFactory(capacity=1)
    organiser = UserFactory(role=Role.OFFICER, department=event.department)
    api = api_for(organiser)
    first = api.post(
        f"/events/{event.pk}/registrations", {"name": "佐藤", "email": "sato@example.jp", "language": "ja"}
    )
    second = api.post(
        f"/events/{event.pk}/registrations", {"name": "Omar", "email": "omar@example.ae", "language": "ar"}
    )
    again = api.post(f"/events/{event.pk}/registrations", {"name": "佐藤", "email": "SATO@example.jp"})
    assert (first.status_code, second.status_code, again.status_code) == (201, 201, 200)
    assert first.json()["status"] == "confirmed"
    assert second.json()["status"] == "waiting"
    assert second.json()["waiting_position"] == 1
    assert again.json()["id"] == first.json()["id"]

    listing = api.get(f"/events/{event.pk}/registrations", {"status": "waiting"}).json()
    assert [item["email"] for item in listing["items"]] == ["omar@example.ae"]

    code = Registration.objects.get(email="sato@example.jp").code
    checked = api.post(f"/events/{event.pk}/check-ins", {"code": code}).json()
    assert checked["outcome"] == "checked_in"
    assert checked["registration"]["checked_in_at"] is not None
    assert api.post(f"/events/{event.pk}/check-ins", {"code": code}).json()["outcome"] == "already"
    assert api.post(f"/events/{event.pk}/check-ins", {"code": "guess"}).json() == {
        "outcome": "unknown",
        "registration": None,
    }


def test_a_closed_event_refuses_registrations_with_a_conflict(api_for):
    event = EventFactory(registration_open=False)
    api = api_for(UserFactory(role=Role.OFFICER, department=event.department))
    response = api.post(f"/events/{event.pk}/registrations", {"name": "X", "email": "x@example.com"})
    assert response.status_code == 409
    assert response.json()["code"] == "registration_closed"


def test_leaders_read_events_but_register_and_check_in_nobody(api_for, leader):
    event = EventFactory()
    api = api_for(leader)
    assert api.get(f"/events/{event.pk}").status_code == 200
    assert api.post(f"/events/{event.pk}/registrations", {"name": "X", "email": "x@example.com"}).status_code == 403
    assert api.post(f"/events/{event.pk}/check-ins", {"code": "x"}).status_code == 403
