"""Ceremony mode: agreements signed on stage one after another, with the running count on screen."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import AgreementFactory, EventFactory, SignatoryFactory
from yunzhao.events import ceremony
from yunzhao.signing.models import AgreementStatus

pytestmark = pytest.mark.django_db


def signed(agreement, count):
    """Mark the first ``count`` signatories of ``agreement`` as signed, completing it when all have."""
    signatories = list(agreement.signatories.order_by("order"))
    for signatory in signatories[:count]:
        type(signatory).objects.filter(pk=signatory.pk).update(signed_at=timezone.now())
    if count == len(signatories):
        type(agreement).objects.filter(pk=agreement.pk).update(status=AgreementStatus.COMPLETED)


def test_the_screen_counts_signed_agreements_and_shows_whose_turn_it_is(officer_client, officer):
    event = EventFactory(kind="signing", department=officer.department, title_en="Signing ceremony of key projects")
    agreements = []
    for n in range(3):
        agreement = AgreementFactory(created_by=officer, status=AgreementStatus.SENT, title_en=f"Agreement {n + 1}")
        SignatoryFactory.create_batch(2, party__agreement=agreement, agreement=agreement)
        agreements.append(ceremony.add_agreement(event=event, agreement=agreement, by=officer))
    assert [a.ceremony_position for a in agreements] == [1, 2, 3]
    signed(agreements[0], 2)
    signed(agreements[1], 1)

    state = ceremony.ceremony_state(event)
    assert state.completed == 1
    assert state.current.agreement.pk == agreements[1].pk
    assert (state.current.signed, state.current.total) == (1, 2)

    page = officer_client.get(f"/en/office/events/{event.pk}/ceremony/").content.decode()
    assert "1 of 3 signed" in page
    assert "Agreement 2" in page
    board = officer_client.get(f"/en/office/events/{event.pk}/ceremony/", headers={"HX-Request": "true"})
    assert board.content.decode().startswith('<div id="ceremony-board"')


def test_agreements_join_the_ceremony_by_number_once_and_never_voided(officer_client, officer):
    event = EventFactory(kind="signing", department=officer.department)
    agreement = AgreementFactory(created_by=officer)
    voided = AgreementFactory(created_by=officer, status=AgreementStatus.VOIDED)
    url = f"/en/office/events/{event.pk}/ceremony/agreements/"
    officer_client.post(url, {"agreement": agreement.pk})
    officer_client.post(url, {"agreement": agreement.pk})
    officer_client.post(url, {"agreement": voided.pk})
    agreement.refresh_from_db()
    voided.refresh_from_db()
    assert (agreement.event_id, agreement.ceremony_position) == (event.pk, 1)
    assert voided.event_id is None
