"""Reads several pages share: which projects a user sees, with what the pages show joined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.http import QueryDict
from django.utils import timezone

from yunzhao.accounts.models import Department, Role
from yunzhao.core import audit
from yunzhao.core.models import AuditEntry
from yunzhao.crm.models import Activity
from yunzhao.pipeline.models import MAIN_LINE, Handover, HandoverStatus, Project, Stage, StageChange


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may read — the queryset twin of the ``pipeline.view_project`` rule."""
    projects = Project.objects.all()
    if not getattr(user, "is_internal", False):
        return projects.none()
    if user.is_superuser or user.role in {Role.ADMINISTRATOR, Role.LEADER}:
        return projects
    departments: QuerySet[Department] | list[int]
    if user.department is None:
        departments = []
    elif user.role == Role.DEPARTMENT_HEAD:
        departments = user.department.subtree()
    else:
        departments = [user.department_id]
    # Not correlated (IN, not EXISTS): the few pending hand-overs are looked up once, not once per project.
    pending = Handover.objects.filter(status=HandoverStatus.PENDING).filter(
        Q(to_department__in=departments) | Q(to_owner=user)
    )
    return projects.filter(Q(department__in=departments) | Q(owner=user) | Q(pk__in=pending.values("project_id")))


#: What a list row or a board card shows of a project's relations.
ROW_RELATED = ("enterprise", "industry", "department", "owner", "channel")


def project_list(user: Any) -> QuerySet[Project]:
    """Visible projects with everything a list row or a board card shows."""
    return visible_projects(user).select_related(*ROW_RELATED)


def rows_by_id(ids: list[int], *, ordering: Any, related: tuple[str, ...] = ROW_RELATED) -> QuerySet[Project]:
    """The projects ``ids`` with what a row or a card shows, in ``ordering``.

    For ids that already came through the filters and the visibility rule: matching words or
    scanning open follow-ups again for twenty-five rows costs more than the rows themselves.
    """
    from yunzhao.pipeline.filters import with_row_figures, with_sort_figures

    return with_row_figures(
        with_sort_figures(Project.objects.select_related(*related)).filter(pk__in=ids).order_by(*ordering)
    )


def pending_handovers_for(user: Any) -> QuerySet[Handover]:
    """Hand-overs waiting for ``user``'s answer: to their department (heads: below it too) or to them."""
    handovers = Handover.objects.filter(status=HandoverStatus.PENDING).select_related(
        "project", "from_department", "to_department", "requested_by", "to_owner"
    )
    if user.department is None:
        return handovers.filter(to_owner=user)
    if user.role == Role.DEPARTMENT_HEAD:
        return handovers.filter(Q(to_department__in=user.department.subtree()) | Q(to_owner=user))
    return handovers.filter(to_owner=user)


def filtered_projects(user: Any, params: QueryDict | None) -> tuple[Any, QuerySet[Project]]:
    """The list's filter form bound to ``params`` and the visible projects it lets through, sorted.

    Shared by the list and the board, so both show the same projects for the same filters.
    """
    from yunzhao.pipeline.filters import ProjectFilterForm, apply_filters, apply_sort, with_sort_figures

    form = ProjectFilterForm(params or None)
    queryset = with_sort_figures(project_list(user))
    sort = None
    if form.is_valid():
        queryset = apply_filters(queryset, form.cleaned_data)
        sort = form.cleaned_data["sort"]
    return form, apply_sort(queryset, sort)


#: What a board card shows of a project's relations (and what deciding whether it may move reads).
CARD_RELATED = ("enterprise", "department", "owner")
#: Stands for "this column's stage" in the one compiled query that finds the first cards of every column.
_STAGE_PLACEHOLDER = "\x00board-stage"

#: The board's columns: the main line, then the two side exits (shown collapsed).
BOARD_STAGES: tuple[Stage, ...] = (*MAIN_LINE, Stage.ON_HOLD, Stage.LOST)
COLLAPSED_STAGES = frozenset({Stage.ON_HOLD, Stage.LOST})


@dataclass
class BoardColumn:
    stage: Stage
    count: int = 0
    total_cny: Decimal = Decimal(0)
    cards: list[Project] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.cards)

    @property
    def collapsed(self) -> bool:
        return self.stage in COLLAPSED_STAGES


def board_columns(queryset: QuerySet[Project], *, per_column: int, searched: bool = False) -> list[BoardColumn]:
    """One column per stage with its count, its total in yuan and at most ``per_column`` cards.

    A fixed number of queries whatever the number of projects: the counts and totals grouped by
    stage; the first ``per_column`` ids of each stage in the list's order; then those cards with
    what a card shows (without re-applying the filters: the ids came through them).  ``queryset`` is annotated by ``filters.with_sort_figures`` and sorted.
    """
    from yunzhao.pipeline.filters import rates_today

    columns = {stage.value: BoardColumn(stage=stage) for stage in BOARD_STAGES}
    ordering: Any = list(queryset.query.order_by) or ["-updated_at", "-pk"]
    if searched:
        # Words searched: matching them is the costly part, so it is done once.  One pass numbers
        # the projects within their stage and counts and sums each stage (amounts converted in
        # SQL at today's rates); the cards are then loaded by id without matching again.
        ranked = (
            queryset.annotate(
                board_rank=Window(expression=RowNumber(), partition_by=[F("stage")], order_by=ordering),
                stage_count=Window(expression=Count("pk"), partition_by=[F("stage")]),
                stage_total=Window(expression=Sum("amount_cny"), partition_by=[F("stage")]),
            )
            .filter(board_rank__lte=per_column)
            .values_list("pk", "stage", "stage_count", "stage_total")
        )
        ids: list[int] = []
        for pk, stage, count, total in ranked:
            ids.append(pk)
            column = columns.get(stage)
            if column is not None:
                column.count, column.total_cny = count, Decimal(total or 0)
    else:
        # Summed per currency in SQL and converted here: a plain SUM is much cheaper than
        # converting every row; an amount in a currency without a rate stays out of the total.
        rates = rates_today()
        totals = (
            queryset.order_by().values("stage", "currency").annotate(count=Count("pk"), total=Sum("planned_investment"))
        )
        for row in totals:
            column = columns.get(row["stage"])
            if column is not None:
                column.count += row["count"]
                rate = rates.get(row["currency"])
                if rate is not None and row["total"] is not None:
                    column.total_cny += row["total"] * Decimal(rate)
        ids = _first_ids_per_stage(queryset, per_column)
    cards = rows_by_id(ids, ordering=ordering, related=CARD_RELATED)
    for project in cards:  # in the list's order, so each column keeps it
        column = columns.get(project.stage)
        if column is not None:
            column.cards.append(project)
    return list(columns.values())


def _first_ids_per_stage(queryset: QuerySet[Project], per_column: int) -> list[int]:
    """The ids of the first ``per_column`` projects of each board stage, in one round trip.

    Each stage is a small query that walks the (stage, sort key) index and stops after
    ``per_column`` rows, rather than numbering every visible project.  The query is compiled
    once with a placeholder for the stage and repeated per stage under UNION ALL: the
    filters and the visibility rule are the costly part to compile, not to run.
    """
    sql, params = (
        queryset.filter(stage=_STAGE_PLACEHOLDER).values_list("pk", flat=True)[:per_column].query.sql_with_params()
    )
    parts: list[str] = []
    all_params: list[Any] = []
    for index, stage in enumerate(BOARD_STAGES):
        parts.append(f"SELECT * FROM ({sql}) AS board_stage_{index}")  # noqa: S608 -- SQL the ORM compiled; values are parameters
        all_params += [stage.value if param == _STAGE_PLACEHOLDER else param for param in params]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), all_params)
        return [row[0] for row in cursor.fetchall()]


@dataclass
class TimelineEntry:
    """One thing that happened to a project, for the merged timeline on its page."""

    at: dt.datetime
    kind: str  # "activity", "stage", "handover", "audit"
    event: str = ""
    actor: Any = None
    activity: Activity | None = None
    stage_change: StageChange | None = None
    handover: Handover | None = None
    entry: AuditEntry | None = None


#: Audit actions the timeline shows from their own rows (stage changes, hand-overs) rather than from the log.
TIMELINE_OWN_ROWS = ("project.stage.", "project.handover.")


def project_timeline(project: Project, *, limit: int = 100) -> list[TimelineEntry]:
    """Activities, stage moves, hand-overs (each step of them) and the rest of the audit log, newest first.

    Four queries whatever the length: one per source.
    """
    entries: list[TimelineEntry] = []
    activities = (
        Activity.objects.filter(project=project)
        .select_related("created_by", "follow_up_owner")
        .order_by("-occurred_at", "-pk")[:limit]
    )
    for activity in activities:
        entries.append(TimelineEntry(at=activity.occurred_at, kind="activity", activity=activity))
    for change in project.stage_changes.select_related("by").order_by("-effective_at", "-pk")[:limit]:
        entries.append(TimelineEntry(at=change.effective_at, kind="stage", actor=change.by, stage_change=change))
    handovers = project.handovers.select_related(
        "from_department", "to_department", "requested_by", "decided_by", "to_owner"
    ).order_by("-requested_at", "-pk")[:limit]
    for handover in handovers:
        entries.append(
            TimelineEntry(
                at=handover.requested_at,
                kind="handover",
                event="requested",
                actor=handover.requested_by,
                handover=handover,
            )
        )
        if handover.escalated_at:
            entries.append(
                TimelineEntry(at=handover.escalated_at, kind="handover", event="escalated", handover=handover)
            )
        if handover.decided_at and handover.status != HandoverStatus.PENDING:
            entries.append(
                TimelineEntry(
                    at=handover.decided_at,
                    kind="handover",
                    event=str(handover.status),
                    actor=handover.decided_by,
                    handover=handover,
                )
            )
    log = audit.history_for(project)
    for prefix in TIMELINE_OWN_ROWS:
        log = log.exclude(action__startswith=prefix)
    for entry in log[:limit]:
        entries.append(TimelineEntry(at=entry.created_at, kind="audit", actor=entry.actor, entry=entry))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def sent_pending_handovers(user: Any) -> QuerySet[Handover]:
    """Hand-overs ``user`` asked for that still wait for an answer, oldest deadline first."""
    return (
        Handover.objects.filter(status=HandoverStatus.PENDING, requested_by=user)
        .select_related("project", "from_department", "to_department", "to_owner")
        .order_by("deadline", "pk")
    )


@dataclass(frozen=True)
class DepartmentCounts:
    open_projects: int
    key_projects: int
    handovers_waiting: int
    handovers_overdue: int
    follow_ups_overdue: int


def department_counts(user: Any, *, today: dt.date | None = None) -> DepartmentCounts | None:
    """For leaders (the whole zone) and department heads (their department and below): what is open and late."""
    today = today or timezone.localdate()
    if user.role == Role.LEADER or user.is_superuser or user.role == Role.ADMINISTRATOR:
        departments = None
    elif user.role == Role.DEPARTMENT_HEAD and user.department is not None:
        departments = user.department.subtree()
    else:
        return None
    projects = Project.objects.exclude(stage__in=[Stage.LOST, Stage.PRODUCTION])
    handovers = Handover.objects.filter(status=HandoverStatus.PENDING)
    follow_ups = Activity.objects.filter(follow_up_done_at__isnull=True, follow_up_on__lt=today)
    if departments is not None:
        projects = projects.filter(department__in=departments)
        handovers = handovers.filter(to_department__in=departments)
        follow_ups = follow_ups.filter(follow_up_owner__department__in=departments)
    figures = projects.aggregate(open=Count("pk"), key=Count("pk", filter=Q(is_key=True)))
    waiting = handovers.aggregate(all=Count("pk"), late=Count("pk", filter=Q(deadline__lt=timezone.now())))
    return DepartmentCounts(
        open_projects=figures["open"],
        key_projects=figures["key"],
        handovers_waiting=waiting["all"],
        handovers_overdue=waiting["late"],
        follow_ups_overdue=follow_ups.count(),
    )
