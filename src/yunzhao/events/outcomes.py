"""What came of an event: the projects linked to it and its yield.

An event's yield, as leaders ask for it: the new leads it brought, the linked projects that moved
forward since it began, the contracts signed since, and their planned investment in yuan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yunzhao.core import audit
from yunzhao.events.models import Event, Outcome, OutcomeKind
from yunzhao.pipeline.models import MAIN_LINE, SIGNED_STAGES, Project, Stage, StageChange


def link_project(*, event: Event, project: Project, kind: str, by: Any, note: str = "") -> Outcome:
    """Link ``project`` to ``event``; a project is linked to an event once."""
    try:
        with transaction.atomic():
            outcome = Outcome.objects.create(event=event, project=project, kind=kind, note=note.strip(), created_by=by)
            audit.record(
                actor=by, action="event.outcome.linked", target=event, data={"project": project.pk, "kind": kind}
            )
            audit.record(
                actor=by, action="project.event.linked", target=project, data={"event": event.pk, "kind": kind}
            )
    except IntegrityError as error:
        raise ValidationError({"project": _("This project is already linked to the event.")}) from error
    return outcome


def _forward(change: StageChange) -> bool:
    if change.to_stage not in MAIN_LINE or change.from_stage not in MAIN_LINE:
        return False
    return MAIN_LINE.index(Stage(change.to_stage)) > MAIN_LINE.index(Stage(change.from_stage))


@dataclass
class Yield:
    new_leads: int = 0
    moved_forward: int = 0
    signed: int = 0
    signed_amount_cny: Decimal = Decimal(0)
    outcomes: list[Outcome] = field(default_factory=list)


def event_yield(event: Event) -> Yield:
    """The event's yield, in three queries whatever the number of projects linked."""
    from yunzhao.pipeline.filters import with_sort_figures

    outcomes = list(event.outcomes.select_related("project", "project__enterprise").order_by("pk"))
    result = Yield(outcomes=outcomes)
    if not outcomes:
        return result
    ids = [outcome.project_id for outcome in outcomes]
    result.new_leads = sum(1 for outcome in outcomes if outcome.kind == OutcomeKind.SOURCED)
    changes = StageChange.objects.filter(project_id__in=ids, effective_at__gte=event.starts_at)
    forward = {change.project_id for change in changes if _forward(change)}
    signed_since = {change.project_id for change in changes if change.to_stage in SIGNED_STAGES}
    signed_at_event = {
        o.project_id for o in outcomes if o.kind == OutcomeKind.SIGNED and o.project.stage in SIGNED_STAGES
    }
    signed = signed_since | signed_at_event
    result.moved_forward = len(forward)
    result.signed = len(signed)
    amounts = [
        getattr(project, "amount_cny", None) for project in with_sort_figures(Project.objects.filter(pk__in=signed))
    ]
    result.signed_amount_cny = sum((amount for amount in amounts if amount is not None), Decimal(0))
    return result
