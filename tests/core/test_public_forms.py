"""Every public form: a honeypot that robots fill and people never see, and a per-address limit
whose refusal keeps what was typed."""

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import EventFactory
from yunzhao.accounts.models import User
from yunzhao.events.models import EventStatus, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(
        status=EventStatus.PUBLISHED,
        starts_at=timezone.now() + timezone.timedelta(days=10),
        ends_at=timezone.now() + timezone.timedelta(days=11),
    )


def registration(n: int, **extra: str) -> dict[str, str]:
    return {
        "name": f"Visitor {n}",
        "organisation": "ACME",
        "email": f"visitor{n}@example.com",
        "country": "JP",
        "consent": "on",
        **extra,
    }


def test_the_event_form_hides_its_honeypot_and_refuses_a_robot_that_fills_it(client, event):
    page = client.get(f"/en/events/{event.pk}/register/").content.decode()
    assert '<div class="d-none"><label for="id_website_url">' in page

    response = client.post(f"/en/events/{event.pk}/register/", registration(1, website_url="http://spam.example"))

    assert response.status_code == 200
    assert "This form could not be sent. Please check it and send it again." in response.content.decode()
    assert Registration.objects.count() == 0


def test_one_address_registering_too_often_is_refused_with_what_it_typed_kept(client, event, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for n in (1, 2):
        assert client.post(f"/en/events/{event.pk}/register/", registration(n)).status_code == 302

    response = client.post(f"/en/events/{event.pk}/register/", registration(3))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Too many submissions from your address in a short time." in page
    assert 'value="visitor3@example.com"' in page
    assert Registration.objects.count() == 2


def test_investor_sign_up_has_the_same_guards(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    form = {
        "full_name": "Ken Kanno",
        "email": "kanno@example.jp",
        "organisation": "Kanno Battery",
        "country": "JP",
        "password": "a-long-Password-2026",
        "password_again": "a-long-Password-2026",
        "consent": "on",
    }
    page = client.get("/en/accounts/register/").content.decode()
    assert '<div class="d-none"><label for="id_website_url">' in page

    response = client.post("/en/accounts/register/", form)

    assert "Too many submissions from your address in a short time." in response.content.decode()
    assert not User.objects.filter(email="kanno@example.jp").exists()
    assert mail.outbox == []
