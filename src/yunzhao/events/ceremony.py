"""Ceremony mode: several agreements signed live, one after another, on a screen the video stream
shows, with the running count.  The agreements are the cloud-signing app's; the event orders them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from yunzhao.core import audit
from yunzhao.events.models import Event
from yunzhao.signing.models import Agreement, AgreementStatus
from yunzhao.signing.queries import signing_progress


def add_agreement(*, event: Event, agreement: Agreement, by: Any) -> Agreement:
    """Put ``agreement`` last in ``event``'s ceremony."""
    if agreement.status == AgreementStatus.VOIDED:
        raise ValidationError({"agreement": _("A voided agreement cannot be signed at a ceremony.")})
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if locked.event_id == event.pk:
            return locked
        last = Agreement.objects.filter(event=event).aggregate(last=Max("ceremony_position"))["last"] or 0
        locked.event, locked.ceremony_position = event, last + 1
        locked.save(update_fields=["event", "ceremony_position", "updated_at"])
        audit.record(actor=by, action="event.ceremony.agreement_added", target=event, data={"agreement": locked.pk})
    return locked


@dataclass(frozen=True)
class Turn:
    position: int
    agreement: Agreement
    signed: int
    total: int
    completed: bool
    current: bool


@dataclass(frozen=True)
class CeremonyState:
    turns: list[Turn]

    @property
    def completed(self) -> int:
        return sum(1 for turn in self.turns if turn.completed)

    @property
    def current(self) -> Turn | None:
        return next((turn for turn in self.turns if turn.current), None)


def ceremony_state(event: Event) -> CeremonyState:
    """The ceremony's agreements in their order, who has signed each, and whose turn it is — two queries."""
    agreements = list(
        Agreement.objects.filter(event=event)
        .exclude(status=AgreementStatus.VOIDED)
        .order_by("ceremony_position", "pk")
        .prefetch_related("parties")
    )
    progress = signing_progress(agreements)
    turns: list[Turn] = []
    current_found = False
    for position, agreement in enumerate(agreements, start=1):
        state = progress.get(agreement.pk)
        completed = agreement.status == AgreementStatus.COMPLETED
        current = not completed and not current_found
        current_found = current_found or current
        turns.append(
            Turn(
                position=position,
                agreement=agreement,
                signed=state.signed if state else 0,
                total=state.total if state else 0,
                completed=completed,
                current=current,
            )
        )
    return CeremonyState(turns=turns)
