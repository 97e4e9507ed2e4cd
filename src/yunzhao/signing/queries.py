"""Reads that several pages, the API and other apps share, with what they show already joined."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from yunzhao.signing.models import Agreement, AgreementStatus


def with_counts(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """``signatory_count`` and ``signed_count`` on each agreement."""
    return queryset.annotate(
        signatory_count=Count("signatories", distinct=True),
        signed_count=Count("signatories", filter=Q(signatories__signed_at__isnull=False), distinct=True),
    )


def agreement_list() -> QuerySet[Agreement]:
    """Agreements with their enterprise, project, creator and signature counts."""
    return with_counts(Agreement.objects.select_related("enterprise", "project", "created_by"))


@dataclass(frozen=True)
class Progress:
    """Where one agreement's signing stands: what a signing ceremony's screen shows per agreement."""

    agreement_id: int
    status: str
    status_label: str
    signed: int
    total: int

    @property
    def is_complete(self) -> bool:
        return self.status == AgreementStatus.COMPLETED


def signing_progress(agreements: Iterable[Agreement | int]) -> dict[int, Progress]:
    """For each agreement (object or pk): its status and signed/total signatory counts, in one query.

    The ceremony mode of the events app polls this for the agreements signed on stage.
    Agreements that do not exist are left out.
    """
    pks = [item.pk if isinstance(item, Agreement) else int(item) for item in agreements]
    rows = with_counts(Agreement.objects.filter(pk__in=pks).only("pk", "status")).order_by()
    return {
        row.pk: Progress(
            agreement_id=row.pk,
            status=row.status,
            status_label=str(row.get_status_display()),
            signed=row.signed_count,  # type: ignore[attr-defined]
            total=row.signatory_count,  # type: ignore[attr-defined]
        )
        for row in rows
    }
