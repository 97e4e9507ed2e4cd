from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Stage(models.TextChoices):
    """The project lifecycle (DESIGN.md), in order, then the two side exits."""

    LEAD = "lead", pgettext_lazy("project stage", "Lead")
    CONTACTED = "contacted", pgettext_lazy("project stage", "Contacted")
    SITE_VISIT = "site_visit", pgettext_lazy("project stage", "Site visit")
    NEGOTIATING = "negotiating", pgettext_lazy("project stage", "Negotiating")
    INTENTION_SIGNED = "intention", pgettext_lazy("project stage", "Intention signed")
    CONTRACT_SIGNED = "contract", pgettext_lazy("project stage", "Contract signed")
    REGISTERED = "registered", pgettext_lazy("project stage", "Registered")
    CAPITAL_IN_PLACE = "capital", pgettext_lazy("project stage", "Capital in place")
    CONSTRUCTION = "construction", pgettext_lazy("project stage", "Construction started")
    PRODUCTION = "production", pgettext_lazy("project stage", "In production")
    ON_HOLD = "on_hold", pgettext_lazy("project stage", "On hold")
    LOST = "lost", pgettext_lazy("project stage", "Lost")


#: The main line of the lifecycle, in order; ON_HOLD and LOST are side exits.
MAIN_LINE: tuple[Stage, ...] = (
    Stage.LEAD,
    Stage.CONTACTED,
    Stage.SITE_VISIT,
    Stage.NEGOTIATING,
    Stage.INTENTION_SIGNED,
    Stage.CONTRACT_SIGNED,
    Stage.REGISTERED,
    Stage.CAPITAL_IN_PLACE,
    Stage.CONSTRUCTION,
    Stage.PRODUCTION,
)
#: Stages from which a project counts as signed, and as landed (registered in the zone).
SIGNED_STAGES = frozenset(MAIN_LINE[MAIN_LINE.index(Stage.CONTRACT_SIGNED) :])
LANDED_STAGES = frozenset(MAIN_LINE[MAIN_LINE.index(Stage.REGISTERED) :])


class Source(models.TextChoices):
    CHANNEL = "channel", pgettext_lazy("project source", "Investment channel")
    EVENT = "event", pgettext_lazy("project source", "Event")
    ONLINE_FILING = "filing", pgettext_lazy("project source", "Online filing")
    REFERRAL = "referral", pgettext_lazy("project source", "Referral")
    OWN_WORK = "own", pgettext_lazy("project source", "Own work")


class KeyLevel(models.TextChoices):
    CITY = "city", pgettext_lazy("key project level", "City")
    DISTRICT = "district", pgettext_lazy("key project level", "District")
    ZONE = "zone", pgettext_lazy("key project level", "Zone")


class Project(models.Model):
    """An investment project (招商项目) worked from first contact to production."""

    title = models.CharField(_("title"), max_length=300)
    enterprise = models.ForeignKey(
        "crm.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="projects"
    )
    industry = models.ForeignKey(
        "crm.Industry",
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.LEAD, db_index=True)
    planned_investment = models.DecimalField(
        _("planned investment"), max_digits=18, decimal_places=2, default=Decimal("0")
    )
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    registered_capital = models.DecimalField(
        _("registered capital"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    expected_jobs = models.PositiveIntegerField(_("expected jobs"), null=True, blank=True)
    expected_annual_output = models.DecimalField(
        _("expected annual output"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    expected_annual_tax = models.DecimalField(
        _("expected annual tax"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    land_need_mu = models.DecimalField(_("land needed (mu)"), max_digits=12, decimal_places=2, null=True, blank=True)
    space_need_sqm = models.DecimalField(
        _("floor space needed (m²)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    stage_entered_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    stage_before_hold = models.CharField(max_length=20, choices=Stage.choices, blank=True, editable=False)
    closing_reason = models.TextField(_("reason"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    is_key = models.BooleanField(_("key project"), default=False, db_index=True)
    key_level = models.CharField(_("key project level"), max_length=10, choices=KeyLevel.choices, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.OWN_WORK)
    channel = models.ForeignKey(
        "crm.Channel",
        verbose_name=_("channel"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    department = models.ForeignKey(
        "accounts.Department", verbose_name=_("department"), on_delete=models.PROTECT, related_name="projects"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-updated_at", "-id"]
        indexes = [
            # The list's default order, and each board column in it.
            models.Index(F("updated_at").desc(), F("id").desc(), name="pipeline_project_recent"),
            models.Index(F("stage"), F("updated_at").desc(), F("id").desc(), name="pipeline_project_stage_recent"),
            # Covers the board's count and total per stage (and who may see each project, and
            # the key-project filter), so summing a zone's projects reads this narrow index
            # instead of the wide rows.
            models.Index(
                fields=["stage", "currency", "planned_investment", "department", "owner", "is_key"],
                name="pipeline_project_stage_totals",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.stage not in {Stage.LOST, Stage.PRODUCTION}


class StageChange(models.Model):
    """One move of a project between stages: who, when it took effect, when it was recorded, why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    effective_at = models.DateTimeField(_("took effect"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["project", "effective_at", "id"]
        indexes = [models.Index(fields=["project", "effective_at"], name="pipeline_stagechange_proj_idx")]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_stage or '∅'} → {self.to_stage}"

    @property
    def is_backdated(self) -> bool:
        return (self.recorded_at - self.effective_at).total_seconds() > 60


class HandoverStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("hand-over status", "Waiting for the receiver")
    ACCEPTED = "accepted", pgettext_lazy("hand-over status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("hand-over status", "Rejected")
    CANCELLED = "cancelled", pgettext_lazy("hand-over status", "Withdrawn")


class Handover(models.Model):
    """Circulation (项目流转): a project handed from one department to another, which accepts or rejects."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="handovers")
    from_department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="handovers_sent", verbose_name=_("from")
    )
    from_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="handovers_received", verbose_name=_("to")
    )
    to_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handovers_received",
        verbose_name=_("receiving officer"),
    )
    note = models.TextField(_("note"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    deadline = models.DateTimeField(_("answer by"))
    status = models.CharField(
        _("status"), max_length=10, choices=HandoverStatus.choices, default=HandoverStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    escalated_at = models.DateTimeField(_("escalated to the leader"), null=True, blank=True)

    class Meta:
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        ordering = ["project", "requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(status="pending"),
                name="pipeline_handover_one_pending",
            )
        ]
        indexes = [models.Index(fields=["to_department", "status"], name="pipeline_handover_inbox_idx")]

    def __str__(self) -> str:
        return f"{self.project} → {self.to_department}"

    def is_overdue(self, now: datetime | None = None) -> bool:
        return self.status == HandoverStatus.PENDING and (now or timezone.now()) > self.deadline


class SavedView(models.Model):
    """A person's named filters of the project list, shown as quick links above it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_project_views", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["owner", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="pipeline_savedview_unique_name")]

    def __str__(self) -> str:
        return self.name
