"""The database objects the migrations create beyond Django's tables, per database."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.postgres
def test_postgres_has_the_gin_index_and_the_audit_trigger():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'core_searchentry' AND indexdef ILIKE '%%gin%%'"
        )
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns"
            " WHERE table_name = 'core_searchentry' AND column_name = 'document_tsv'"
        )
        (generated,) = cursor.fetchone()
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'core_auditentry'::regclass AND NOT tgisinternal")
        triggers = [row[0] for row in cursor.fetchall()]
    assert "document_tsv" in definition
    assert "to_tsvector('simple'" in generated
    assert triggers == ["core_auditentry_no_change"]


def test_sqlite_has_the_fts_table_and_the_audit_triggers():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite objects")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'core_auditentry' ORDER BY name"
        )
        triggers = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'core_searchentry_fts'")
        (fts,) = cursor.fetchone()
    assert triggers == ["core_auditentry_no_delete", "core_auditentry_no_update"]
    assert "fts5" in fts.lower()
