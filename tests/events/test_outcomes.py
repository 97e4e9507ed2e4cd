"""What came of an event: projects linked to it and its yield."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tests.factories import EventFactory, ProjectFactory
from yunzhao.events import outcomes
from yunzhao.events.models import OutcomeKind
from yunzhao.pipeline import lifecycle
from yunzhao.pipeline.models import Stage

pytestmark = pytest.mark.django_db


def test_the_yield_counts_leads_moves_forward_and_signed_investment(officer):
    event = EventFactory(starts_at=timezone.now() - dt.timedelta(days=2), ends_at=timezone.now() - dt.timedelta(days=1))
    lead = ProjectFactory(department=officer.department, owner=officer, planned_investment=Decimal("5000000"))
    advanced = ProjectFactory(department=officer.department, owner=officer, stage=Stage.SITE_VISIT)
    signed = ProjectFactory(
        department=officer.department,
        owner=officer,
        stage=Stage.INTENTION_SIGNED,
        planned_investment=Decimal("300000000"),
    )
    outcomes.link_project(event=event, project=lead, kind=OutcomeKind.SOURCED, by=officer)
    outcomes.link_project(event=event, project=advanced, kind=OutcomeKind.ADVANCED, by=officer, note="谈妥选址")
    outcomes.link_project(event=event, project=signed, kind=OutcomeKind.SIGNED, by=officer)
    lifecycle.move_project(project=advanced, to_stage=Stage.NEGOTIATING, by=officer)
    lifecycle.move_project(project=signed, to_stage=Stage.CONTRACT_SIGNED, by=officer)

    result = outcomes.event_yield(event)
    assert (result.new_leads, result.moved_forward, result.signed) == (1, 2, 1)
    assert result.signed_amount_cny == Decimal("300000000")


def test_a_project_is_linked_once_with_a_clear_message(officer):
    event = EventFactory()
    project = ProjectFactory(department=officer.department, owner=officer)
    outcomes.link_project(event=event, project=project, kind=OutcomeKind.ADVANCED, by=officer)
    with translation.override("en"), pytest.raises(ValidationError, match="already linked"):
        outcomes.link_project(event=event, project=project, kind=OutcomeKind.SIGNED, by=officer)
    assert event.outcomes.count() == 1


def test_staff_link_only_projects_they_see(officer_client, officer):
    event = EventFactory(department=officer.department)
    mine = ProjectFactory(department=officer.department, owner=officer, title_en="Solid-state battery plant")
    hidden = ProjectFactory(title_en="Another department's project")
    officer_client.post(f"/en/office/events/{event.pk}/outcomes/new/", {"project": hidden.pk, "kind": "sourced"})
    response = officer_client.post(
        f"/en/office/events/{event.pk}/outcomes/new/", {"project": mine.pk, "kind": "sourced"}
    )
    assert response.status_code == 302
    page = officer_client.get(f"/en/office/events/{event.pk}/").content.decode()
    assert "Solid-state battery plant" in page
    assert "Another department&#x27;s project" not in page
    assert list(event.outcomes.values_list("project_id", flat=True)) == [mine.pk]
