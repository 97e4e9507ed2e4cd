from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One domain write: who did what to which object, with values before and after.

    Rows are never changed or removed: a database trigger refuses UPDATE and DELETE
    (see ``audit_sql``).  Foreign keys therefore carry no database constraint and no
    cascade — deleting a user or an object must not touch its history.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=255, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"], name="core_audit_target_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"

    def changed_fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field whose value differs."""
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]

    def labelled_changes(self) -> list[tuple[str, object, object]]:
        """As :meth:`changed_fields`, with each field's name as the reader's language says it."""
        model = self.target_type.model_class() if self.target_type is not None else None
        labels: dict[str, str] = {}
        if model is not None:
            for field in model._meta.concrete_fields:
                labels[field.attname] = str(field.verbose_name)
                labels[field.name] = str(field.verbose_name)
        return [(labels.get(key, key), before, after) for key, before, after in self.changed_fields()]


class SearchEntry(models.Model):
    """One searchable object's text, normalised and tokenised by ``yunzhao.core.search``.

    ``document`` holds the tokens joined by single spaces, so the database only has to
    split on spaces: SQLite keeps an FTS5 index over it (``core_searchentry_fts``, synced
    by triggers) and PostgreSQL a GIN index over ``to_tsvector('simple', document)``.
    Both are created by migration ``0003_searchentry``; a later migration that rebuilds
    this table on SQLite must reinstall the triggers (``search.SQLITE_INSTALL``).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=16, blank=True)
    document = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="core_searchentry_unique_object")
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"


class CalendarDay(models.Model):
    """An exception to the Monday-to-Friday working week: a public holiday, or a weekend
    day worked in its place (调休).  Deadlines in working days read this table."""

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(_("working day"))
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class ExchangeRate(models.Model):
    """How many yuan one unit of ``currency`` is worth from ``valid_from`` on."""

    currency = models.CharField(_("currency"), max_length=3)
    valid_from = models.DateField(_("valid from"))
    cny_per_unit = models.DecimalField(_("yuan per unit"), max_digits=18, decimal_places=8)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"], name="core_exchangerate_unique_day")]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.cny_per_unit} CNY ({self.valid_from})"


class ContentVersion(models.Model):
    """One row whose number goes up whenever published portal content changes.

    Cached portal pages are keyed by it, so every web process serves an edit on the next
    request without being told (see ``yunzhao.core.pagecache``).
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("portal content version")

    def __str__(self) -> str:
        return str(self.version)
