"""An import of enterprises, contacts or projects from one uploaded .xlsx workbook.

A job goes uploaded → mapped → validated → queued → running → done (or failed).  Its
row errors and duplicates are kept as codes and parameters, never as text, so that each
reader sees them in their own language (see :mod:`yunzhao.workbooks.messages`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportKind(models.TextChoices):
    ENTERPRISES = "enterprises", pgettext_lazy("import kind", "Enterprises")
    CONTACTS = "contacts", pgettext_lazy("import kind", "Contacts")
    PROJECTS = "projects", pgettext_lazy("import kind", "Projects")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", pgettext_lazy("import status", "Uploaded")
    MAPPED = "mapped", pgettext_lazy("import status", "Columns mapped")
    VALIDATED = "validated", pgettext_lazy("import status", "Checked")
    QUEUED = "queued", pgettext_lazy("import status", "Waiting to run")
    RUNNING = "running", pgettext_lazy("import status", "Running")
    DONE = "done", pgettext_lazy("import status", "Done")
    FAILED = "failed", pgettext_lazy("import status", "Failed")


class DuplicateChoice(models.TextChoices):
    SKIP = "skip", pgettext_lazy("duplicate row", "Skip this row")
    NEW = "new", pgettext_lazy("duplicate row", "Import as a new enterprise")


def upload_to(instance: ImportJob, filename: str) -> str:
    # The stored name never comes from the user: only the original name is kept, as data.
    return f"workbooks/imports/{instance.kind}/{instance.token}.xlsx"


def checked_to(instance: ImportJob, filename: str) -> str:
    return f"workbooks/imports/{instance.kind}/{instance.token}-checked.jsonl"


class ImportJob(models.Model):
    kind = models.CharField(_("what is imported"), max_length=20, choices=ImportKind.choices)
    token = models.CharField(max_length=32, unique=True, editable=False)
    file = models.FileField(_("workbook"), upload_to=upload_to, max_length=200)
    checked_file = models.FileField(
        upload_to=checked_to,
        max_length=200,
        blank=True,
        editable=False,
        help_text="The checked rows, one JSON line each.",
    )
    original_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    sheet_names = models.JSONField(default=list, blank=True)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    headers = models.JSONField(default=list, blank=True, help_text="The header row, one string per column.")
    mapping = models.JSONField(
        _("column mapping"), default=dict, blank=True, help_text="Column index (as text) → field key."
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED, db_index=True
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    rows_checked = models.PositiveIntegerField(_("rows checked"), default=0)
    rows_done = models.PositiveIntegerField(_("rows imported so far"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    invalid_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    row_errors = models.JSONField(
        default=list, blank=True, help_text='[{"row": 2, "field": "email", "code": "invalid_email", "params": {}}]'
    )
    duplicates = models.JSONField(
        default=list,
        blank=True,
        help_text='[{"row": 2, "label": "…", "matches": [{"id": 1, "name": "…", "reasons": ["name"]}]}]',
    )
    duplicate_count = models.PositiveIntegerField(_("duplicates found"), default=0)
    decisions = models.JSONField(default=dict, blank=True, help_text='Sheet row (as text) → "skip" or "new".')
    default_decision = models.CharField(max_length=10, choices=DuplicateChoice.choices, default=DuplicateChoice.SKIP)
    skip_invalid = models.BooleanField(_("leave out rows with errors"), default=False)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    created_ids = models.JSONField(default=list, blank=True, help_text="Ranges [first, last] of the created ids.")
    failure = models.JSONField(default=dict, blank=True, help_text='{"code": "…", "params": {…}}')
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="import_jobs"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.original_name}"

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportStatus.DONE, ImportStatus.FAILED}

    @property
    def is_busy(self) -> bool:
        """Work for it is under way or waiting in the queue: its page polls."""
        return self.status in {ImportStatus.QUEUED, ImportStatus.RUNNING} or (
            self.status == ImportStatus.MAPPED and bool(self.task_id)
        )

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        done = self.rows_done if self.status in {ImportStatus.RUNNING, ImportStatus.DONE} else self.rows_checked
        return min(100, round(100 * done / self.total_rows))

    def decision_for(self, row: int) -> str:
        value: Any = self.decisions.get(str(row), self.default_decision)
        return str(value)
