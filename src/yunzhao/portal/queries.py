from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from yunzhao.crm.models import Channel, Enterprise, Ownership
from yunzhao.pipeline.models import Project


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
