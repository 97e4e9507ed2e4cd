import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail

from yunzhao.accounts.models import Role, User
from yunzhao.core.models import AuditEntry

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "山田 太郎",
    "email": "Taro.Yamada@Example.JP",
    "organisation": "山田テクノロジー株式会社",
    "country": "jp",
    "password": "sakura-blossom-2026",
    "password_again": "sakura-blossom-2026",
    "consent": "on",
}


def _register(client, language="ja", **changes):
    return client.post(f"/{language}/accounts/register/", {**FORM, **changes})


def test_registration_creates_inactive_investor_and_mails_link_in_their_language(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client)
    assert response.status_code == 200
    user = User.objects.get(email="taro.yamada@example.jp")
    assert (user.role, user.is_active, user.country, user.preferred_language) == (Role.INVESTOR, False, "JP", "ja")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taro.yamada@example.jp"]
    assert "/ja/accounts/confirm/" in mail.outbox[0].body
    assert authenticate(username="taro.yamada@example.jp", password=FORM["password"]) is None


def test_confirmation_link_activates_account_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register(client)
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(path)
    assert response.status_code == 302
    user = User.objects.get(email="taro.yamada@example.jp")
    assert user.is_active
    assert user.email_confirmed_at is not None
    assert authenticate(username="taro.yamada@example.jp", password=FORM["password"]) == user
    assert list(AuditEntry.objects.filter(target_id=str(user.pk)).values_list("action", flat=True)) == [
        "user.email_confirmed",
        "user.registered",
    ]
    again = client.get(path)
    assert again.status_code == 400


def test_tampered_confirmation_link_is_refused(client):
    response = client.get("/en/accounts/confirm/not-a-real-token/")
    assert response.status_code == 400
    assert "does not work" in response.content.decode()


def test_registration_with_mismatched_passwords_keeps_the_form_and_says_why(client):
    response = _register(client, language="en", password_again="something-else-2026")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The two passwords differ." in body
    assert "山田テクノロジー株式会社" in body
    assert not User.objects.exists()


def test_registration_with_existing_email_is_refused(client, investor):
    response = _register(client, language="en", email=investor.email.upper())
    assert "An account with this e-mail address already exists." in response.content.decode()
    assert User.objects.count() == 1
