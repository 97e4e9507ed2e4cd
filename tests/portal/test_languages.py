import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

DIRECTIONS = {
    "zh-hans": "ltr",
    "en": "ltr",
    "ja": "ltr",
    "ko": "ltr",
    "ar": "rtl",
    "es": "ltr",
    "fr": "ltr",
    "ru": "ltr",
}


def test_every_language_has_a_direction_here():
    assert sorted(DIRECTIONS) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize(("code", "direction"), DIRECTIONS.items())
def test_portal_home_answers_under_each_prefix_with_lang_and_dir(client, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert re.search(rf'<html lang="{code}" dir="{direction}">', response.content.decode())


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ja,en;q=0.8", "/ja/"),
        ("ar-AE,ar;q=0.9", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("de-DE", "/zh-hans/"),
        ("fr-BE,fr", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert (response.status_code, response["Location"]) == (302, expected)


def test_language_chosen_by_prefix_is_remembered_for_the_root(client):
    client.get("/ko/")
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response["Location"] == "/ko/"


def test_language_switcher_links_point_to_the_same_page(client):
    body = client.get("/en/accounts/login/").content.decode()
    for code in DIRECTIONS:
        assert f'href="/{code}/accounts/login/"' in body


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
