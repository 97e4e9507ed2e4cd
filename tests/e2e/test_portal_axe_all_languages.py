"""Every public page of the portal, in each of the eight languages, passes axe (WCAG 2.1 AA),
with the demonstration zone's content loaded as `make run` shows it."""

from __future__ import annotations

import pytest
from django.conf import settings

from yunzhao.core import pagecache
from yunzhao.crm.models import Industry
from yunzhao.demo.loader import load_demo
from yunzhao.events.models import Event, EventStatus
from yunzhao.portal.models import Opportunity, Policy

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def portal_paths() -> list[str]:
    policy = Policy.objects.filter(status="published").order_by("pk").first()
    opportunity = Opportunity.objects.filter(status="published").order_by("pk").first()
    event = Event.objects.filter(status=EventStatus.PUBLISHED).order_by("-starts_at").first()
    batteries = Industry.objects.get(code="38")
    assert policy is not None
    assert opportunity is not None
    assert event is not None
    return [
        "/",
        "/invitation/",
        "/opportunities/",
        f"/opportunities/{opportunity.pk}/",
        "/advantages/",
        "/services/",
        "/services/policies/",
        f"/services/policies/{policy.pk}/",
        f"/services/policies/finder/?industry={batteries.pk}&amount=50000000&currency=USD&ownership=foreign&jobs=150",
        "/overview/",
        "/filing/",
        "/consulting/",
        "/consulting/?q=visa",
        "/consulting/ask/",
        "/consulting/meet/",
        "/events/",
        f"/events/{event.pk}/",
        "/accounts/login/",
        "/accounts/register/",
    ]


def test_every_portal_page_passes_axe_in_every_language(page, axe_violations):
    pagecache.clear()
    load_demo()
    paths = portal_paths()
    failures = {}
    for code, _name in settings.LANGUAGES:
        for path in paths:
            response = page.goto(f"{page.live_server_url}/{code}{path}")
            assert response.status == 200, f"/{code}{path} answered {response.status}"
            assert page.locator("html").get_attribute("lang") == code
            if violations := axe_violations(page):
                failures[f"/{code}{path}"] = violations
    assert failures == {}
