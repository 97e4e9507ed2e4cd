"""Make the audit log append-only: triggers refuse UPDATE and DELETE on both databases."""

from django.db import migrations

from yunzhao.core.audit_sql import (
    POSTGRES_CREATE_TRIGGERS,
    POSTGRES_DROP_TRIGGERS,
    SQLITE_CREATE_TRIGGERS,
    SQLITE_DROP_TRIGGERS,
)


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE_TRIGGERS, "postgresql": POSTGRES_CREATE_TRIGGERS}.get(vendor)
    if statements is None:
        raise RuntimeError(f"no append-only triggers for the {vendor} database")
    for statement in statements:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP_TRIGGERS, "postgresql": POSTGRES_DROP_TRIGGERS}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
