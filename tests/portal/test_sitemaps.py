import pytest
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory

from tests.portal.factories import OpportunityFactory, PolicyFactory
from yunzhao.core.content import Publication
from yunzhao.portal.sitemaps import SITEMAPS

pytestmark = pytest.mark.django_db


def test_sitemaps_list_published_pages_in_every_language_with_alternates():
    policy = PolicyFactory()
    draft = PolicyFactory(status=Publication.DRAFT)
    opportunity = OpportunityFactory()
    response = sitemap(RequestFactory().get("/sitemap.xml"), sitemaps=SITEMAPS)
    response.render()
    body = response.content.decode()
    for code in ("zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru"):
        assert f"<loc>http://testserver/{code}/services/policies/{policy.pk}/</loc>" in body
        assert f"<loc>http://testserver/{code}/opportunities/{opportunity.pk}/</loc>" in body
        assert f"<loc>http://testserver/{code}/invitation/</loc>" in body
    assert f"/services/policies/{draft.pk}/" not in body
    assert 'hreflang="ar" href="http://testserver/ar/advantages/"' in body


def test_the_sites_sitemap_lists_the_portal_pages_once(client):
    policy = PolicyFactory()
    body = client.get("/sitemap.xml").content.decode()
    assert body.count("<loc>http://testserver/en/invitation/</loc>") == 1
    assert body.count("<loc>http://testserver/en/</loc>") == 1
    assert body.count(f"<loc>http://testserver/ja/services/policies/{policy.pk}/</loc>") == 1
