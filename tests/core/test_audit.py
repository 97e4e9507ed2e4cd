import pytest
from django.db import DatabaseError, transaction

from yunzhao.core import audit
from yunzhao.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_record_keeps_actor_values_before_and_after(officer, department):
    entry = audit.record(
        actor=officer,
        action="department.renamed",
        target=department,
        before={"name": "旧"},
        after={"name": "新"},
    )
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor, stored.actor_label, stored.action) == (officer, officer.email, "department.renamed")
    assert stored.target_label == department.name
    assert stored.changed_fields() == [("name", "旧", "新")]
    assert list(audit.history_for(department)) == [stored]


def test_update_of_audit_entry_is_refused_by_the_database(officer):
    entry = audit.record(actor=officer, action="x.done")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="x.undone")
    assert AuditEntry.objects.get(pk=entry.pk).action == "x.done"


def test_delete_of_audit_entry_is_refused_by_the_database(officer):
    entry = audit.record(actor=officer, action="x.done")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_raw_sql_cannot_delete_either(officer):
    entry = audit.record(actor=officer, action="x.done")
    from django.db import connection

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_flush_wipes_the_log_and_the_guard_survives_it(officer):
    from django.core.management import call_command

    audit.record(actor=officer, action="x.done")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()
    entry = audit.record(actor=None, action="y.done")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="z")


def test_snapshot_keeps_file_fields_by_name_and_an_empty_one_as_none():
    from django.core.files.base import ContentFile

    from tests.matchmaking.factories import BoothFactory

    booth = BoothFactory()
    assert audit.snapshot(booth, ["logo"]) == {"logo": None}  # an empty file field has no url
    booth.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    assert audit.snapshot(booth, ["logo"]) == {"logo": booth.logo.name}
