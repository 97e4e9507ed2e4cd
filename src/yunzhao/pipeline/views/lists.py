"""The project list and the pipeline board (one set of filters for both), and saved views."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import quote

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView, TemplateView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.templatetags.yz_format import money_compact
from yunzhao.crm.views.helpers import staff_user
from yunzhao.pipeline import filters
from yunzhao.pipeline.forms import SavedViewForm
from yunzhao.pipeline.lifecycle import allowed_stages, needs_reason
from yunzhao.pipeline.models import Project, SavedView
from yunzhao.pipeline.queries import board_columns, filtered_projects, rows_by_id

#: Cards per board column; the rest of a column is one link away, in the filtered list.
CARDS_PER_COLUMN = 10


def asks_reason(project: Project, to_stage: str) -> bool:
    """``lifecycle.needs_reason``, erring on asking when the project's record is incomplete
    (on hold without the stage it was put on hold from)."""
    try:
        return needs_reason(project, to_stage)
    except ValueError:
        return True


class FilteredProjectsMixin:
    """The filter form, the current filters as a query string and the user's saved views."""

    request: HttpRequest

    def filtered(self) -> QuerySet[Project]:
        self.filter_form, queryset = filtered_projects(self.request.user, self.request.GET)
        return queryset

    def filter_context(self) -> dict[str, Any]:
        querystring = filters.clean_querystring(self.request.GET)
        return {
            "filter_form": self.filter_form,
            "is_filtered": self.filter_form.is_valid() and self.filter_form.is_filtered(),
            "querystring": querystring,
            "saved_views": list(SavedView.objects.filter(owner=staff_user(self.request)).order_by("name", "pk")),
            "saved_view_form": SavedViewForm(initial={"query": querystring}),
        }


class ProjectListView(OfficeAccessMixin, FilteredProjectsMixin, ListView):
    paginate_by = 25
    template_name = "pipeline/project_list.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:  # type: ignore[attr-defined]
            return ["pipeline/_project_results.html"]
        return [self.template_name]

    def get_queryset(self) -> QuerySet[Project]:
        return self.filtered()

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Any, Any, Any, bool]:
        """Page through the ids, then load the page's rows with what a row shows: the
        per-row subqueries run for 25 rows, not for every project the filters let through."""
        paginator, page, _rows, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = cast("QuerySet[Project]", page.object_list)
        ids = list(rows.values_list("pk", flat=True))
        page.object_list = list(rows_by_id(ids, ordering=queryset.query.order_by)) if ids else []
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**self.filter_context(), **kwargs)


class ProjectBoardView(OfficeAccessMixin, FilteredProjectsMixin, TemplateView):
    template_name = "pipeline/project_board.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:  # type: ignore[attr-defined]
            return ["pipeline/_board_columns.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        queryset = self.filtered()
        searched = self.filter_form.is_valid() and bool(self.filter_form.cleaned_data.get("q"))
        columns = board_columns(queryset, per_column=CARDS_PER_COLUMN, searched=searched)
        today = timezone.localdate()
        list_url = reverse("office:project-list")
        # Each card links twice; one reverse per URL name, not per card.
        detail_url = reverse("office:project-detail", args=[0]).replace("/0/", "/{}/")
        move_url = reverse("office:project-move", args=[0]).replace("/0/", "/{}/")
        may_move = self.request.user.has_perm
        moves: dict[tuple[str, str], tuple[str, str]] = {}  # (stage, stage before hold) -> data attributes
        for column in columns:
            params = QueryDict(filters.clean_querystring(self.request.GET), mutable=True)
            params.setlist("stage", [column.stage.value])
            column.more_url = f"{list_url}?{params.urlencode()}"  # type: ignore[attr-defined]
            for card in column.cards:
                self.prepare_card(card, today=today, may_move=may_move, moves=moves)
                card.detail_url = detail_url.format(card.pk)  # type: ignore[attr-defined]
                card.move_url = move_url.format(card.pk)  # type: ignore[attr-defined]
        return super().get_context_data(
            columns=columns,
            board_url=self.request.get_full_path(),
            board_next=quote(self.request.get_full_path(), safe="/"),
            key_label=_("Key"),
            move_label=_("Move"),
            **self.filter_context(),
            **kwargs,
        )

    @staticmethod
    def prepare_card(
        card: Project, *, today: Any, may_move: Any, moves: dict[tuple[str, str], tuple[str, str]]
    ) -> None:
        """What a card shows, worked out once here rather than by template tags and filters for
        each of a hundred cards; the allowed moves depend on the stage alone, so they are too."""
        card.board_title = str(card.title)  # type: ignore[attr-defined]
        card.board_enterprise = str(card.enterprise.name)  # type: ignore[attr-defined]
        card.board_amount = money_compact(card.planned_investment, card.currency)  # type: ignore[attr-defined]
        card.board_owner = str(card.owner) if card.owner else "—"  # type: ignore[attr-defined]
        days = (today - timezone.localdate(card.stage_entered_at)).days
        card.days_in_stage = days  # type: ignore[attr-defined]
        card.board_days = ngettext("%(days)s day in stage", "%(days)s days in stage", days) % {"days": days}  # type: ignore[attr-defined]
        card.can_move = may_move("pipeline.move_project", card)  # type: ignore[attr-defined]
        key = (card.stage, card.stage_before_hold or "")
        if key not in moves:
            targets = allowed_stages(card)
            moves[key] = (" ".join(targets), " ".join(s for s in targets if asks_reason(card, s)))
        card.allowed_targets, card.reason_targets = moves[key]  # type: ignore[attr-defined]


class SavedViewCreateView(OfficeAccessMixin, View):
    """Keep the current filters under a name (POST), then show the list with them."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = SavedViewForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the view a name of at most 80 characters."))
            return redirect(
                reverse("office:project-list")
                + "?"
                + filters.clean_querystring(QueryDict(request.POST.get("query", "")))
            )
        view = filters.save_view(
            owner=staff_user(request), name=form.cleaned_data["name"], query=form.cleaned_data["query"]
        )
        messages.success(request, _("The view “%(name)s” was saved.") % {"name": view.name})
        return redirect(reverse("office:project-list") + (f"?{view.query}" if view.query else ""))


class SavedViewDeleteView(OfficeAccessMixin, View):
    """Remove one of one's own saved views (POST); other people's are not found."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        view = get_object_or_404(SavedView, pk=kwargs["pk"], owner=request.user)
        filters.delete_view(view=view, by=staff_user(request))
        messages.success(request, _("The view “%(name)s” was removed.") % {"name": view.name})
        return redirect("office:project-list")
