"""The project list's filters and sort orders, shared by the list, the board and saved views.

Amounts compare in yuan: each project's planned investment is converted with the exchange
rate in force today (``core.ExchangeRate``) inside the query, so filtering and sorting by
amount stay one query; a project in a currency without a known rate has no yuan amount and
falls out of an amount range (it still sorts, last).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import (
    Case,
    CharField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from yunzhao.accounts.models import INTERNAL_ROLES, Department, User
from yunzhao.core import search
from yunzhao.core.forms import StyledFormMixin
from yunzhao.core.models import ExchangeRate
from yunzhao.crm.models import Activity, Industry
from yunzhao.pipeline.models import MAIN_LINE, Handover, HandoverStatus, Project, SavedView, Source, Stage

#: Every query-string key the filter form reads; saved views keep these and nothing else.
FILTER_KEYS = (
    "q",
    "stage",
    "industry",
    "country",
    "department",
    "owner",
    "key",
    "source",
    "amount_min",
    "amount_max",
    "overdue",
    "sort",
)

SORTS: dict[str, tuple[Any, ...]] = {
    "-updated": (F("updated_at").desc(), "-pk"),
    "title": (F("sort_title").asc(), "pk"),
    "-amount": (F("amount_cny").desc(nulls_last=True), "-pk"),
    "amount": (F("amount_cny").asc(nulls_last=True), "pk"),
    "stage": (F("stage_order").asc(), F("updated_at").desc(), "-pk"),
    "-stage": (F("stage_order").desc(), F("updated_at").desc(), "-pk"),
    "in_stage": (F("stage_entered_at").asc(), "pk"),
}
SORT_CHOICES = [
    ("-updated", pgettext_lazy("sort projects", "Recently updated")),
    ("title", pgettext_lazy("sort projects", "Title")),
    ("-amount", pgettext_lazy("sort projects", "Largest investment first")),
    ("amount", pgettext_lazy("sort projects", "Smallest investment first")),
    ("stage", pgettext_lazy("sort projects", "Stage, earliest first")),
    ("-stage", pgettext_lazy("sort projects", "Stage, furthest first")),
    ("in_stage", pgettext_lazy("sort projects", "Longest in its stage")),
]
DEFAULT_SORT = "-updated"
#: The lifecycle order of every stage, side exits last.
STAGE_ORDER = {stage.value: index for index, stage in enumerate([*MAIN_LINE, Stage.ON_HOLD, Stage.LOST])}


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class ProjectFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    stage = forms.MultipleChoiceField(
        label=_("Stage"), required=False, choices=Stage.choices, widget=forms.CheckboxSelectMultiple
    )
    industry: forms.ModelChoiceField[Industry] = forms.ModelChoiceField(
        label=_("Industry"),
        required=False,
        queryset=Industry.objects.filter(parent__isnull=True).order_by("code"),
        empty_label=_("Any industry"),
    )
    country = forms.CharField(
        label=_("Enterprise's country"),
        required=False,
        max_length=2,
        widget=forms.TextInput(attrs={"placeholder": "JP", "autocomplete": "off"}),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        required=False,
        queryset=Department.objects.order_by("path"),
        empty_label=_("Any department"),
    )
    owner = UserChoiceField(
        label=_("Officer"),
        required=False,
        queryset=User.objects.filter(role__in=INTERNAL_ROLES, is_active=True, department__isnull=False).order_by(
            "full_name", "pk"
        ),
        empty_label=_("Any officer"),
    )
    key = forms.BooleanField(label=_("Key projects only"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False, choices=[("", _("Any source")), *Source.choices])
    amount_min = forms.DecimalField(
        label=_("Investment from (yuan)"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    amount_max = forms.DecimalField(
        label=_("Investment up to (yuan)"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    overdue = forms.BooleanField(
        label=_("Overdue: hand-over past its deadline or follow-up past its date"), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("stage", "key", "overdue"):
            self.fields[name].widget.attrs["class"] = "form-check-input"

    def clean_country(self) -> str:
        return str(self.cleaned_data.get("country") or "").strip().upper()

    def clean_sort(self) -> str:
        return self.cleaned_data.get("sort") or DEFAULT_SORT

    def is_filtered(self) -> bool:
        """Whether any filter (not the sort order) narrows the list."""
        if not self.is_bound:
            return False
        data = getattr(self, "cleaned_data", {})
        return any(data.get(key) not in (None, "", [], False) for key in FILTER_KEYS if key != "sort")


def rates_today() -> dict[str, Any]:
    """Yuan per unit of each currency with a rate in force today (the latest ``valid_from``)."""
    today = timezone.localdate()
    rates: dict[str, Any] = {"CNY": 1}
    for currency, rate in (
        ExchangeRate.objects.filter(valid_from__lte=today)
        .order_by("currency", "-valid_from")
        .values_list("currency", "cny_per_unit")
    ):
        rates.setdefault(currency, rate)
    return rates


def amount_in_cny(rates: dict[str, Any] | None = None) -> Case:
    """Each project's planned investment in yuan at today's rates, as an SQL expression.

    The rates table is read once (a handful of currencies) and written into the query as
    constants, so converting 50,000 rows costs no subquery per row.  A currency without a
    known rate gives NULL.
    """
    rates = rates_today() if rates is None else rates
    amount: DecimalField[Any, Any] = DecimalField(max_digits=30, decimal_places=8)
    return Case(
        When(currency="CNY", then=ExpressionWrapper(F("planned_investment") * Value(1), output_field=amount)),
        *[
            When(currency=currency, then=ExpressionWrapper(F("planned_investment") * Value(rate), output_field=amount))
            for currency, rate in sorted(rates.items())
            if currency != "CNY"
        ],
        default=Value(None, output_field=amount),
        output_field=amount,
    )


def with_sort_figures(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate what filters and sort orders need, all computed from the row itself:
    the amount in yuan, the stage's place in the lifecycle and the title in the reader's language."""
    language = translation.get_language() or "zh-hans"
    localized = build_localized_fieldname("title", language.lower())
    title_field = localized if localized in {f.name for f in Project._meta.concrete_fields} else "title_zh_hans"
    return queryset.annotate(
        amount_cny=amount_in_cny(),
        stage_order=Case(
            *[When(stage=stage, then=Value(index)) for stage, index in STAGE_ORDER.items()],
            default=Value(len(STAGE_ORDER)),
            output_field=IntegerField(),
        ),
        sort_title=Coalesce(NullIf(F(title_field), Value("")), F("title_zh_hans"), output_field=CharField()),
    )


def with_row_figures(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate what a row or a card shows beyond its columns: whether a hand-over waits (and
    is late) and whether a follow-up is overdue.  Correlated subqueries: apply it to the rows
    shown (a page, the board's cards), not to the whole filtered set."""
    pending = Handover.objects.filter(project=OuterRef("pk"), status=HandoverStatus.PENDING)
    return queryset.annotate(
        has_pending_handover=Exists(pending),
        has_overdue_handover=Exists(pending.filter(deadline__lt=timezone.now())),
        has_overdue_follow_up=Exists(
            Activity.objects.filter(
                project=OuterRef("pk"), follow_up_done_at__isnull=True, follow_up_on__lt=timezone.localdate()
            )
        ),
    )


def with_list_figures(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Both sets of figures: for a single project's page, the API and exports."""
    return with_row_figures(with_sort_figures(queryset))


def overdue_project_ids() -> Q:
    """Projects with a hand-over past its deadline or a follow-up past its date, found from
    the small side (open hand-overs and open follow-ups) rather than row by row."""
    late_handovers = Handover.objects.filter(status=HandoverStatus.PENDING, deadline__lt=timezone.now())
    late_follow_ups = Activity.objects.filter(
        follow_up_done_at__isnull=True, follow_up_on__isnull=False, follow_up_on__lt=timezone.localdate()
    )
    return Q(pk__in=late_handovers.values("project_id")) | Q(pk__in=late_follow_ups.values("project_id"))


def apply_filters(
    queryset: QuerySet[Project], data: dict[str, Any], *, skip: frozenset[str] = frozenset()
) -> QuerySet[Project]:
    """``queryset`` (annotated by :func:`with_sort_figures`) narrowed by the form's cleaned ``data``."""
    if data.get("q") and "q" not in skip:
        queryset = search.filter_queryset(queryset, data["q"])
    if data.get("stage") and "stage" not in skip:
        queryset = queryset.filter(stage__in=data["stage"])
    if data.get("industry") and "industry" not in skip:
        section = data["industry"]
        queryset = queryset.filter(Q(industry=section) | Q(industry__parent=section))
    if data.get("country"):
        queryset = queryset.filter(enterprise__country=data["country"])
    if data.get("department"):
        queryset = queryset.filter(department__path__startswith=data["department"].path)
    if data.get("owner"):
        queryset = queryset.filter(owner=data["owner"])
    if data.get("key"):
        queryset = queryset.filter(is_key=True)
    if data.get("source"):
        queryset = queryset.filter(source=data["source"])
    # Q() rather than keyword filters: the annotations are unknown to the type checker's model.
    if data.get("amount_min") is not None:
        queryset = queryset.filter(Q(amount_cny__gte=data["amount_min"]))
    if data.get("amount_max") is not None:
        queryset = queryset.filter(Q(amount_cny__lte=data["amount_max"]))
    if data.get("overdue"):
        queryset = queryset.filter(overdue_project_ids())
    return queryset


def apply_sort(queryset: QuerySet[Project], sort: str | None) -> QuerySet[Project]:
    return queryset.order_by(*SORTS.get(sort or DEFAULT_SORT, SORTS[DEFAULT_SORT]))


def clean_querystring(params: QueryDict) -> str:
    """The filter part of a query string (no page number, no stray keys), in a stable order."""
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        values = [value for value in params.getlist(key) if value.strip()]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def save_view(*, owner: User, name: str, query: str) -> SavedView:
    """Keep ``owner``'s current filters under ``name``; a view of the same name is replaced."""
    params = QueryDict(query)
    view, _created = SavedView.objects.update_or_create(
        owner=owner, name=name.strip(), defaults={"query": clean_querystring(params)}
    )
    return view


def delete_view(*, view: SavedView, by: User) -> None:
    """Remove one of ``by``'s own saved views."""
    if view.owner_id != by.pk:
        raise PermissionError("a saved view is removed by its owner only")
    view.delete()
