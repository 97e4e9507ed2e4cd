"""Background work of signing: each task takes primary keys and calls one domain function."""

from __future__ import annotations

from django_tasks import task

from yunzhao.signing import finalising


@task()
def finalise_agreement(agreement_pk: int) -> bool:
    """Make and send the final PDF; running it again after it succeeded does nothing."""
    return finalising.finalise_agreement(agreement_pk=agreement_pk)
