"""Search now folds Japanese and traditional characters to simplified (``core.cjk``): fold
the stored documents the same way.  Folding maps one character to one character inside CJK
runs, so translating a stored document gives exactly what indexing the text again would."""

from django.db import migrations

from yunzhao.core.cjk import FOLD_TABLE

BATCH = 2000


def fold_documents(apps, schema_editor):
    SearchEntry = apps.get_model("core", "SearchEntry")
    changed = []
    for pk, document in SearchEntry.objects.order_by("pk").values_list("pk", "document").iterator(chunk_size=BATCH):
        folded = document.translate(FOLD_TABLE)
        if folded != document:
            changed.append(SearchEntry(pk=pk, document=folded))
        if len(changed) >= BATCH:
            SearchEntry.objects.bulk_update(changed, ["document"])
            changed = []
    SearchEntry.objects.bulk_update(changed, ["document"])


class Migration(migrations.Migration):
    dependencies = [("core", "0006_content_version")]

    operations = [migrations.RunPython(fold_documents, migrations.RunPython.noop)]
