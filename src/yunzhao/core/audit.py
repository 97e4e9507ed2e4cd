"""The audit log: every domain write calls :func:`record` inside its transaction.

before = audit.snapshot(project, ["stage", "owner_id"])
... change the project ...
audit.record(actor=by, action="project.stage.changed", target=project,
             before=before, after=audit.snapshot(project, ["stage", "owner_id"]))
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile

from yunzhao.core.models import AuditEntry


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None
    user_agent: str


_request_context: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "yunzhao_audit_request", default=None
)


def set_request_context(context: RequestContext | None) -> contextvars.Token[RequestContext | None]:
    return _request_context.set(context)


def reset_request_context(token: contextvars.Token[RequestContext | None]) -> None:
    _request_context.reset(token)


def _jsonable(value: Any) -> Any:
    """Reduce a field value to what JSON keeps, the way Django's encoder would."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):  # an empty one has no url: asking for it raises
        return value.name or None
    return DjangoJSONEncoder().default(value)


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The current values of ``fields`` (default: every concrete field) as JSON."""
    opts = instance._meta
    chosen: list[Any]
    if fields is None:
        chosen = [f for f in opts.concrete_fields if f.name != "id"]
    else:
        chosen = [opts.get_field(name) for name in fields]
    return {getattr(field, "attname", field.name): _jsonable(_stored(instance, field)) for field in chosen}


def _stored(instance: models.Model, field: Any) -> Any:
    """The value as the database keeps it: a typed 10000000 and a saved 10000000.00 are one amount."""
    value = getattr(instance, getattr(field, "attname", field.name))
    if isinstance(field, models.DecimalField) and isinstance(value, Decimal) and value.is_finite():
        return value.quantize(Decimal(1).scaleb(-field.decimal_places))
    return value


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the audit log.  Call it inside the domain transaction."""
    context = _request_context.get()
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    entry = AuditEntry(
        actor=actor if is_user else None,
        actor_label=(actor.get_username() if is_user else (str(actor) if actor else "system"))[:255],
        action=action,
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
        data=_jsonable(data or {}),
        ip_address=context.ip_address if context else None,
        user_agent=(context.user_agent if context else "")[:400],
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target, for_concrete_model=True)
        entry.target_id = str(target.pk)
        entry.target_label = str(target)[:255]
    entry.save(force_insert=True)
    return entry


def history_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    """Every entry about ``target``, newest first, with the actor joined."""
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=True)
    return AuditEntry.objects.filter(target_type=content_type, target_id=str(target.pk)).select_related("actor")


def history_for_many(model: type[models.Model], pks: Iterable[Any]) -> models.QuerySet[AuditEntry]:
    """Every entry about the objects of ``model`` with these primary keys — existing or not —
    newest first, with the actor joined (e.g. an enterprise and those merged into it)."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    return AuditEntry.objects.filter(target_type=content_type, target_id__in=[str(pk) for pk in pks]).select_related(
        "actor"
    )
