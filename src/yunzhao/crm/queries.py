"""Reads that several pages share, with what they show already joined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.http import QueryDict
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from yunzhao.accounts.models import User
from yunzhao.core import money, search
from yunzhao.core.models import ExchangeRate
from yunzhao.crm.forms import ChannelFilterForm, EnterpriseFilterForm
from yunzhao.crm.models import Activity, Channel, Contact, Enterprise
from yunzhao.pipeline.models import LANDED_STAGES, SIGNED_STAGES, Project
from yunzhao.pipeline.queries import visible_projects

UPCOMING_DAYS = 7


class FollowUps(NamedTuple):
    """A person's open follow-ups: those past their date, those due today, and the next week's."""

    overdue: QuerySet[Activity]
    due_today: QuerySet[Activity]
    upcoming: QuerySet[Activity]


def follow_ups_for(user: User, *, today: dt.date) -> FollowUps:
    """``user``'s open follow-ups, each bucket by date, then by when the activity happened.

    ``upcoming`` holds the ``UPCOMING_DAYS`` days after ``today``.
    """
    open_ones = (
        Activity.objects.filter(follow_up_owner=user, follow_up_done_at__isnull=True, follow_up_on__isnull=False)
        .select_related("enterprise", "project", "created_by")
        .order_by("follow_up_on", "occurred_at", "pk")
    )
    return FollowUps(
        overdue=open_ones.filter(follow_up_on__lt=today),
        due_today=open_ones.filter(follow_up_on=today),
        upcoming=open_ones.filter(follow_up_on__gt=today, follow_up_on__lte=today + dt.timedelta(days=UPCOMING_DAYS)),
    )


def activity_timeline(*, enterprise: Enterprise) -> QuerySet[Activity]:
    """``enterprise``'s activities, newest first, with everything a timeline entry shows.

    The creator's and the project's departments are joined for the edit permission.
    """
    return (
        Activity.objects.filter(enterprise=enterprise)
        .select_related("project__department", "created_by__department", "follow_up_owner")
        .prefetch_related("participants", "contacts")
        .order_by("-occurred_at", "-pk")
    )


def contacts_of(enterprise: Enterprise) -> QuerySet[Contact]:
    """``enterprise``'s contacts, active ones first, by name."""
    return Contact.objects.filter(enterprise=enterprise).order_by("-is_active", "name", "pk")


def filtered_enterprises(params: QueryDict | None) -> tuple[EnterpriseFilterForm, QuerySet[Enterprise]]:
    """The enterprise list's filter form bound to ``params`` and the enterprises it lets through.

    Shared by the list page and its Excel export, so both show the same enterprises.
    """
    form = EnterpriseFilterForm(params or None)
    queryset: QuerySet[Enterprise] = Enterprise.objects.order_by("name", "pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            queryset = search.filter_queryset(queryset, data["q"])
        if data["country"]:
            queryset = queryset.filter(country=data["country"].upper())
        if data["ownership"]:
            queryset = queryset.filter(ownership=data["ownership"])
    return form, queryset


# --- Investment channels and their yield ------------------------------------------------

#: How the channel list may be sorted; every order ends on the primary key so pages never overlap.
CHANNEL_SORTS: dict[str, tuple[Any, ...]] = {
    "-signed": (F("signed").desc(), F("landed").desc(), F("sourced").desc(), "pk"),
    "-landed": (F("landed").desc(), F("signed").desc(), F("sourced").desc(), "pk"),
    "-sourced": (F("sourced").desc(), F("signed").desc(), "pk"),
    "-investment": (F("signed_investment_cny").desc(nulls_last=True), F("investment_cny").desc(nulls_last=True), "pk"),
    "-conversion": (F("conversion").desc(nulls_last=True), F("sourced").desc(), "pk"),
    "name": (F("sort_name").asc(), "pk"),
    "-agreement": (F("agreement_date").desc(nulls_last=True), "pk"),
}
DEFAULT_CHANNEL_SORT = "-signed"


def rates_in_force(on: dt.date) -> dict[str, Decimal]:
    """Yuan per unit of every currency with a rate on ``on`` (the latest ``valid_from`` ≤ ``on``), yuan itself 1.

    The rule of :func:`yunzhao.core.money.rates_on`, for every currency at once in one query.
    """
    rates: dict[str, Decimal] = {money.BASE_CURRENCY: Decimal(1)}
    for currency, rate in (
        ExchangeRate.objects.filter(valid_from__lte=on)
        .order_by("currency", "-valid_from")
        .values_list("currency", "cny_per_unit")
    ):
        rates.setdefault(currency, rate)
    return rates


def _projects_in_cny(rates: dict[str, Decimal]) -> Case:
    """A channel's project's planned investment in yuan; NULL in a currency without a rate."""
    amount: DecimalField[Any, Any] = DecimalField(max_digits=30, decimal_places=8)
    whens = [
        When(
            projects__currency=currency,
            then=ExpressionWrapper(F("projects__planned_investment") * Value(rate, output_field=amount), amount),
        )
        for currency, rate in sorted(rates.items())
    ]
    return Case(*whens, default=Value(None, output_field=amount), output_field=amount)


def channels_with_yield(queryset: QuerySet[Channel] | None = None, *, on: dt.date | None = None) -> QuerySet[Channel]:
    """``queryset`` (default: every channel) annotated with its yield, in the one query that lists it.

    ``sourced``: projects the channel brought (``Project.channel``); ``signed``: those now at
    contract signed or later on the main line; ``landed``: registered or later;
    ``investment_cny`` / ``signed_investment_cny`` / ``landed_investment_cny``: their planned
    investment in yuan at the rates in force on ``on`` (default today), leaving out amounts in
    a currency without a rate, counted in ``unpriced``; ``conversion``: signed per hundred
    sourced (NULL without projects).  Also ``sort_name``, the name in the reader's language.
    """
    on = on or timezone.localdate()
    rates = rates_in_force(on)
    in_cny = _projects_in_cny(rates)
    signed = Q(projects__stage__in=[stage.value for stage in SIGNED_STAGES])
    landed = Q(projects__stage__in=[stage.value for stage in LANDED_STAGES])
    language = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    localized = build_localized_fieldname("name", language)
    name_field = localized if localized in {f.name for f in Channel._meta.concrete_fields} else "name_zh_hans"
    queryset = Channel.objects.all() if queryset is None else queryset
    return queryset.annotate(
        sourced=Count("projects"),
        signed=Count("projects", filter=signed),
        landed=Count("projects", filter=landed),
        investment_cny=Sum(in_cny),
        signed_investment_cny=Sum(in_cny, filter=signed),
        landed_investment_cny=Sum(in_cny, filter=landed),
        unpriced=Count("projects", filter=Q(projects__isnull=False) & ~Q(projects__currency__in=list(rates))),
        conversion=ExpressionWrapper(
            Cast(F("signed"), FloatField()) * Value(100.0) / NullIf(F("sourced"), Value(0)), FloatField()
        ),
        sort_name=Coalesce(NullIf(F(name_field), Value("")), F("name_zh_hans"), output_field=CharField()),
    )


def filtered_channels(params: QueryDict | None) -> tuple[ChannelFilterForm, QuerySet[Channel]]:
    """The channel list's filter form bound to ``params`` and its channels with their yield, sorted.

    One query for the rows (with every figure) whatever their number, one for the rates.
    """
    form = ChannelFilterForm(params or None)
    queryset: QuerySet[Channel] = Channel.objects.select_related("keeper")
    sort = DEFAULT_CHANNEL_SORT
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            queryset = search.filter_queryset(queryset, data["q"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["country"]:
            queryset = queryset.filter(country=data["country"])
        if data["keeper"]:
            queryset = queryset.filter(keeper=data["keeper"])
        sort = data["sort"] or DEFAULT_CHANNEL_SORT
    return form, channels_with_yield(queryset).order_by(*CHANNEL_SORTS.get(sort, CHANNEL_SORTS[DEFAULT_CHANNEL_SORT]))


@dataclass
class YearYield:
    """What a channel's projects did in one calendar year (local time)."""

    year: int
    sourced: int = 0
    signed: int = 0
    landed: int = 0
    signed_investment_cny: Decimal = Decimal(0)


@dataclass
class ChannelReport:
    """Everything a channel's page shows beyond the channel: its yield, by year, and its projects."""

    channel: Channel
    years: list[YearYield]
    projects: list[Project]  # those the reader may see, newest first, each with ``reached_signed``/``reached_landed``
    hidden_projects: int  # the channel's projects in departments the reader does not see


def channel_report(channel_pk: int, *, user: Any, on: dt.date | None = None) -> ChannelReport:
    """The channel ``channel_pk`` with its yield (see :func:`channels_with_yield`) and its projects.

    A project counts in the year its history began (``sourced``), first reached contract
    signed or later (``signed``, with its planned investment) and registered or later
    (``landed``) — counting only projects that are signed or landed now, so the years add up
    to the totals.  Three queries: the channel with its figures, the rates, the projects.
    """
    on = on or timezone.localdate()
    channel = channels_with_yield(Channel.objects.select_related("keeper").filter(pk=channel_pk), on=on).get()
    rates = rates_in_force(on)
    visible = visible_projects(user).filter(channel=channel_pk).values("pk")
    projects: list[Any] = list(
        Project.objects.filter(channel=channel_pk)
        .select_related("enterprise", "department", "owner")
        .annotate(
            began_at=Min("stage_changes__effective_at"),
            reached_signed=Min(
                "stage_changes__effective_at",
                filter=Q(stage_changes__to_stage__in=[stage.value for stage in SIGNED_STAGES]),
            ),
            reached_landed=Min(
                "stage_changes__effective_at",
                filter=Q(stage_changes__to_stage__in=[stage.value for stage in LANDED_STAGES]),
            ),
            is_visible=ExpressionWrapper(Q(pk__in=visible), BooleanField()),
        )
        .order_by("-updated_at", "-pk")
    )
    years: dict[int, YearYield] = {}

    def year_of(moment: dt.datetime) -> YearYield:
        year = timezone.localtime(moment).year
        return years.setdefault(year, YearYield(year=year))

    for project in projects:
        year_of(project.began_at or project.created_at).sourced += 1
        if project.stage in SIGNED_STAGES:
            signed_year = year_of(project.reached_signed or project.stage_entered_at)
            signed_year.signed += 1
            if project.currency in rates:
                signed_year.signed_investment_cny += project.planned_investment * rates[project.currency]
        if project.stage in LANDED_STAGES:
            year_of(project.reached_landed or project.stage_entered_at).landed += 1
    for row in years.values():
        row.signed_investment_cny = row.signed_investment_cny.quantize(money.CENT)
    shown = [project for project in projects if project.is_visible]
    return ChannelReport(
        channel=channel,
        years=sorted(years.values(), key=lambda row: row.year, reverse=True),
        projects=shown,
        hidden_projects=len(projects) - len(shown),
    )
