"""The search index: SearchEntry, plus SQLite's FTS5 table and triggers or PostgreSQL's GIN index."""

import django.db.models.deletion
from django.db import migrations, models

from yunzhao.core.search import POSTGRES_INSTALL, POSTGRES_UNINSTALL, SQLITE_INSTALL, SQLITE_UNINSTALL


def install_full_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRES_INSTALL}.get(vendor)
    if statements is None:
        raise RuntimeError(f"no full-text search index for the {vendor} database")
    for statement in statements:
        schema_editor.execute(statement)


def uninstall_full_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRES_UNINSTALL}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_audit_append_only"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.CharField(max_length=64)),
                ("language", models.CharField(blank=True, max_length=16, verbose_name="language")),
                ("document", models.TextField(blank=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype"
                    ),
                ),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "constraints": [
                    models.UniqueConstraint(fields=("content_type", "object_id"), name="core_searchentry_unique_object")
                ],
            },
        ),
        migrations.RunPython(install_full_text_index, uninstall_full_text_index, elidable=False),
    ]
