from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from yunzhao.accounts.models import Department
from yunzhao.core.content import Publication
from yunzhao.crm.models import Channel, Enterprise, Industry, Ownership
from yunzhao.pipeline.models import Project
from yunzhao.portal.models import (
    AdvantageSection,
    Letter,
    Opportunity,
    Policy,
    ServiceCategory,
    ServiceEntry,
    Video,
)


@dataclass(frozen=True)
class ZoneFigures:
    registered_enterprises: int
    foreign_funded_enterprises: int
    key_projects: int
    channels: int


def zone_figures() -> ZoneFigures:
    """The headline figures of the zone, counted from the records themselves."""
    enterprises = Enterprise.objects.aggregate(
        registered=Count("id", filter=Q(registered_in_zone_on__isnull=False)),
        foreign=Count(
            "id",
            filter=Q(registered_in_zone_on__isnull=False)
            & Q(ownership__in=[Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT]),
        ),
    )
    return ZoneFigures(
        registered_enterprises=enterprises["registered"],
        foreign_funded_enterprises=enterprises["foreign"],
        key_projects=Project.objects.filter(is_key=True).count(),
        channels=Channel.objects.count(),
    )


# --- Published content the portal pages and the API read ----------------------------------


def published_letter() -> Letter | None:
    """The letter shown: the latest published."""
    return Letter.objects.filter(status=Publication.PUBLISHED).order_by("-published_at", "-pk").first()


def published_video() -> Video | None:
    video = Video.objects.filter(status=Publication.PUBLISHED).order_by("-published_at", "-pk").first()
    if video is not None:
        video.tracks = list(video.captions.all())  # type: ignore[attr-defined]
    return video


def published_opportunities() -> QuerySet[Opportunity]:
    return Opportunity.objects.filter(status=Publication.PUBLISHED).select_related("industry", "district")


def published_advantages() -> QuerySet[AdvantageSection]:
    return AdvantageSection.objects.filter(status=Publication.PUBLISHED).order_by("sort_order", "pk")


def published_services() -> QuerySet[ServiceEntry]:
    return ServiceEntry.objects.filter(status=Publication.PUBLISHED).order_by("category", "sort_order", "pk")


def published_policies() -> QuerySet[Policy]:
    return (
        Policy.objects.filter(status=Publication.PUBLISHED)
        .prefetch_related(
            Prefetch("industries", queryset=Industry.objects.order_by("code")),
            Prefetch("districts", queryset=Department.objects.order_by("name")),
        )
        .order_by("title", "pk")
    )


def services_by_category(services: Iterable[ServiceEntry]) -> list[tuple[str, str, list[ServiceEntry]]]:
    """(category, its label, its services) in the categories' order, empty ones left out."""
    grouped: dict[str, list[ServiceEntry]] = {}
    for service in services:
        grouped.setdefault(service.category, []).append(service)
    return [(value, str(label), grouped[value]) for value, label in ServiceCategory.choices if value in grouped]


def policies_for_industry(policies: QuerySet[Policy], industry: Industry) -> QuerySet[Policy]:
    """Policies for ``industry``, its section or one of its divisions, or for every industry."""
    related = Q(industries=industry) | Q(industries__parent=industry)
    if industry.parent_id:
        related |= Q(industries=industry.parent_id)
    matching = Policy.objects.filter(related).values("pk")
    general = Policy.objects.filter(industries__isnull=True).values("pk")
    return policies.filter(Q(pk__in=matching) | Q(pk__in=general))
