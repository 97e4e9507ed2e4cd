"""Merging two records of one enterprise: everything of the absorbed one moves to the kept one.

Every relation to :class:`Enterprise` in every app is found through
``Enterprise._meta.related_objects``, so apps added later are moved too.  The audit log is
append-only: the absorbed enterprise's entries stay under its old primary key, and an
:class:`EnterpriseMerge` row lets the kept enterprise's history read them
(:func:`enterprise_history`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from yunzhao.core import audit, search
from yunzhao.core.models import AuditEntry
from yunzhao.crm.duplicates import NAME_FIELDS, sync_name_keys
from yunzhao.crm.indexing import index_enterprise
from yunzhao.crm.models import Enterprise, EnterpriseMerge, EnterpriseNameKey

KEEP = "keep"
ABSORB = "absorb"
#: The fields whose surviving value the person merging picks, in the order the page shows them.
MERGE_FIELDS = (
    *NAME_FIELDS,
    "credit_code",
    "registration_number",
    "country",
    "industry",
    "ownership",
    "size",
    "website",
    "registered_in_zone_on",
    "department",
    "owner",
)
#: Derived from the enterprise itself: rebuilt for the kept one, never moved.
NOT_MOVED: tuple[type[models.Model], ...] = (EnterpriseNameKey,)


class MergeError(ValueError):
    """The merge cannot be made; the message says why in the user's language."""


@dataclass(frozen=True)
class Relation:
    """One way another model points at an enterprise."""

    model: type[models.Model]
    field: str  # the field on ``model`` (for a through table: its foreign key to Enterprise)
    kind: str  # "fk", "one", "m2m"
    other: str = ""  # m2m: the through table's other foreign key

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def verbose_name_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural)


def relations() -> Iterator[Relation]:
    """Every relation to Enterprise that a merge moves."""
    for rel in Enterprise._meta.related_objects:
        model = rel.related_model
        if not isinstance(model, type) or issubclass(model, NOT_MOVED):
            continue
        field: Any = rel.field
        if rel.many_to_many:
            through: Any = field.remote_field.through
            yield Relation(through, field.m2m_reverse_field_name(), "m2m", field.m2m_field_name())
        else:
            yield Relation(model, field.name, "one" if rel.one_to_one else "fk")
    for m2m in Enterprise._meta.many_to_many:
        forward: Any = m2m
        yield Relation(forward.remote_field.through, forward.m2m_field_name(), "m2m", forward.m2m_reverse_field_name())


def related_counts(enterprise: Enterprise) -> dict[str, tuple[str, int]]:
    """What a merge would move from ``enterprise``: label → (name in the reader's language, count)."""
    counts: dict[str, tuple[str, int]] = {}
    for relation in relations():
        count = relation.model._base_manager.filter(**{relation.field: enterprise}).count()
        name, before = counts.get(relation.label, (relation.verbose_name_plural, 0))
        counts[relation.label] = (name, before + count)
    return counts


def resolve_choices(keep: Enterprise, absorb: Enterprise, choices: dict[str, str]) -> dict[str, str]:
    """Which value survives for every merge field: as chosen, else the kept one's unless it is empty."""
    unknown = set(choices) - set(MERGE_FIELDS)
    if unknown:
        raise MergeError(_("These fields cannot be chosen: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if any(value not in (KEEP, ABSORB) for value in choices.values()):
        raise MergeError(_("Choose for each field which enterprise's value is kept."))
    resolved = {}
    for name in MERGE_FIELDS:
        attname = _attname(name)
        default = ABSORB if _empty(getattr(keep, attname)) and not _empty(getattr(absorb, attname)) else KEEP
        resolved[name] = choices.get(name, default)
    return resolved


def merge_enterprises(*, keep: Enterprise, absorb: Enterprise, by: Any, choices: dict[str, str]) -> Enterprise:
    """Move everything of ``absorb`` to ``keep``, take the chosen values, delete ``absorb``.

    One transaction with both enterprises locked (in primary-key order, so two merges
    cannot deadlock): if anything fails, nothing has changed.
    """
    if not by.has_perm("crm.merge_enterprise"):
        raise PermissionDenied(_("Only department heads and administrators merge enterprises."))
    if keep.pk == absorb.pk:
        raise MergeError(_("An enterprise cannot be merged with itself."))
    with transaction.atomic():
        locked = {
            enterprise.pk: enterprise
            for enterprise in Enterprise.objects.select_for_update().filter(pk__in=[keep.pk, absorb.pk]).order_by("pk")
        }
        if len(locked) != 2:
            raise MergeError(_("One of the two enterprises has been merged or deleted meanwhile."))
        keep, absorb = locked[keep.pk], locked[absorb.pk]
        resolved = resolve_choices(keep, absorb, choices)
        taken = {_attname(name): getattr(absorb, _attname(name)) for name, side in resolved.items() if side == ABSORB}
        absorbed_pk, absorbed_snapshot = absorb.pk, audit.snapshot(absorb)
        absorbed_name = getattr(absorb, "name_zh_hans", None) or str(absorb)

        audit.record(
            actor=by,
            action="enterprise.merged_into",
            target=absorb,
            before=absorbed_snapshot,
            data={"into": keep.pk, "into_name": str(keep)},
        )
        moved = _move_everything(absorb=absorb, keep=keep)
        search.remove_object(absorb)
        Enterprise.objects.filter(pk=absorbed_pk).delete()  # its name keys go with it

        before = audit.snapshot(keep, list(taken))
        for attname, value in taken.items():
            setattr(keep, attname, value)
        try:
            keep.full_clean()
        except ValidationError as error:
            raise MergeError(" ".join(error.messages)) from error
        after = audit.snapshot(keep, list(taken))
        changed = [attname for attname in taken if before[attname] != after[attname]]
        keep.save(update_fields=[*changed, "updated_at"])
        EnterpriseMerge.objects.create(
            keep=keep,
            absorbed_pk=absorbed_pk,
            absorbed_name=absorbed_name[:300],
            absorbed_snapshot=absorbed_snapshot,
            moved={label: len(pks) for label, pks in moved.items()},
            merged_by=by if getattr(by, "is_authenticated", False) else None,
        )
        sync_name_keys(keep)
        index_enterprise(keep)
        audit.record(
            actor=by,
            action="enterprise.merged",
            target=keep,
            before={name: before[name] for name in changed},
            after={name: after[name] for name in changed},
            data={"absorbed": absorbed_pk, "absorbed_name": absorbed_name, "moved": moved, "choices": resolved},
        )
    return keep


def _move_everything(*, absorb: Enterprise, keep: Enterprise) -> dict[str, list[Any]]:
    """Re-point every relation of ``absorb`` to ``keep``; the moved primary keys by model label."""
    moved: dict[str, list[Any]] = {}
    for relation in relations():
        manager = relation.model._base_manager
        mine = manager.filter(**{relation.field: absorb})
        pks = list(mine.order_by("pk").values_list("pk", flat=True))
        if not pks:
            continue
        if relation.kind == "one" and manager.filter(**{relation.field: keep}).exists():
            raise MergeError(
                _("Both enterprises have a %(thing)s and an enterprise can have only one.")
                % {"thing": relation.model._meta.verbose_name}
            )
        if relation.kind == "m2m":
            # Links the kept enterprise already has are dropped, not doubled.
            linked = manager.filter(**{relation.field: keep}).values(relation.other)
            mine.filter(**{f"{relation.other}__in": linked}).delete()
        try:
            with transaction.atomic():
                manager.filter(**{relation.field: absorb}).update(**{relation.field: keep})
        except IntegrityError as error:
            raise MergeError(
                _("The %(things)s of the two enterprises clash: %(error)s")
                % {"things": relation.verbose_name_plural, "error": error}
            ) from error
        moved.setdefault(relation.label, []).extend(pks)
    return moved


def enterprise_history(enterprise: Enterprise) -> QuerySet[AuditEntry]:
    """The audit entries of ``enterprise`` and of every enterprise merged into it, newest first."""
    absorbed = EnterpriseMerge.objects.filter(keep=enterprise).values_list("absorbed_pk", flat=True)
    return audit.history_for_many(Enterprise, [enterprise.pk, *absorbed])


def _attname(name: str) -> str:
    return str(getattr(Enterprise._meta.get_field(name), "attname", name))


def _empty(value: Any) -> bool:
    return value is None or value == ""
