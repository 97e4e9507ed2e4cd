import pytest

from tests.factories import EventFactory
from yunzhao.events.models import EventStatus

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_language_of_the_home_and_published_events(client):
    published = EventFactory(status=EventStatus.PUBLISHED)
    draft = EventFactory(status=EventStatus.DRAFT)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    for code in ("zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru"):
        assert f"<loc>http://testserver/{code}/</loc>" in body
        assert f'hreflang="{code}" href="http://testserver/{code}/events/{published.pk}/"' in body
    assert f"/events/{draft.pk}/" not in body
    assert 'hreflang="x-default"' in body


def test_robots_keeps_crawlers_out_of_the_back_office_and_names_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /*/office/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_portal_pages_name_their_other_languages(client):
    body = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="ja" href="http://testserver/ja/">' in body
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in body
    assert '<meta property="og:locale" content="en">' in body


def test_ping_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/ping")
    assert response.content == b"ok"
