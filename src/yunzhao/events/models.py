"""Events: outbound missions, inbound delegations, forums, exhibitions, signing ceremonies and
online meetings — their programme, members, registrations, check-in, online counts and outcomes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    MISSION = "mission", pgettext_lazy("event kind", "Outbound mission")
    DELEGATION = "delegation", pgettext_lazy("event kind", "Inbound delegation")
    FORUM = "forum", pgettext_lazy("event kind", "Forum or conference")
    EXHIBITION = "exhibition", pgettext_lazy("event kind", "Exhibition")
    SIGNING = "signing", pgettext_lazy("event kind", "Signing ceremony")
    ONLINE = "online", pgettext_lazy("event kind", "Online meeting")


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "Draft")
    PUBLISHED = "published", pgettext_lazy("event status", "Published")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class Event(models.Model):
    """One event of any kind; what differs by kind lives in its programme items and members."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. BE"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    # Exhibitions: the fair and the booth.
    fair = models.CharField(_("fair"), max_length=200, blank=True)
    booth = models.CharField(_("booth"), max_length=60, blank=True)
    # Online meetings and live streams.
    is_online = models.BooleanField(_("online"), default=False)
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    # Signing ceremonies: the press release issued afterwards.
    press_release = models.TextField(_("press release"), blank=True)
    # Registration.
    registration_open = models.BooleanField(_("registration open"), default=False)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit; past it people join a waiting list."),
    )
    needs_approval = models.BooleanField(
        _("registrations need approval"), default=False, help_text=_("Staff confirm each registration.")
    )
    # Counts of the online audience: views and the peak are kept as they happen; figures counted by
    # another streaming platform are added to them.
    total_views = models.PositiveIntegerField(_("views"), default=0)
    peak_viewers = models.PositiveIntegerField(_("peak concurrent viewers"), default=0)
    peak_viewers_at = models.DateTimeField(_("peak reached"), null=True, blank=True)
    department = models.ForeignKey(
        "accounts.Department", verbose_name=_("department"), on_delete=models.PROTECT, related_name="events"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer in charge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="events_event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    def accepts_registrations(self, now: object = None) -> bool:
        """Published, open for registration, not past its closing time nor its end."""
        now = now or timezone.now()
        if not (self.is_published and self.registration_open):
            return False
        closes = self.registration_closes_at or self.ends_at
        return bool(now < closes)  # type: ignore[operator]


class ItemKind(models.TextChoices):
    SESSION = "session", pgettext_lazy("programme item", "Session")
    MEETING = "meeting", pgettext_lazy("programme item", "Meeting")
    SITE_VISIT = "site_visit", pgettext_lazy("programme item", "Site visit")
    TRAVEL = "travel", pgettext_lazy("programme item", "Travel")
    SHIFT = "shift", pgettext_lazy("programme item", "Booth shift")
    SIGNING = "signing", pgettext_lazy("programme item", "Signing")
    OTHER = "other", pgettext_lazy("programme item", "Other")


class ProgrammeItem(models.Model):
    """One line of an event's programme: a mission's stop or meeting abroad, a delegation's site
    visit, a forum session with its speakers, a booth shift."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.SESSION)
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line: name, title, organisation."))
    language = models.CharField(_("language"), max_length=10, blank=True, choices=settings.LANGUAGES)
    counterpart = models.CharField(
        _("counterpart"), max_length=300, blank=True, help_text=_("The company or organisation met.")
    )
    enterprise = models.ForeignKey(
        "crm.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_items",
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff on duty"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_shifts",
    )
    outcome = models.TextField(_("what came of it"), blank=True)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class MemberRole(models.TextChoices):
    LEADER = "leader", pgettext_lazy("event member", "Head of delegation")
    MEMBER = "member", pgettext_lazy("event member", "Member")
    HOST = "host", pgettext_lazy("event member", "Host")
    VISITOR = "visitor", pgettext_lazy("event member", "Visitor")
    SPEAKER = "speaker", pgettext_lazy("event member", "Speaker")
    STAFF = "staff", pgettext_lazy("event member", "Staff")


class Member(models.Model):
    """A person in the event's party: the agency's staff and enterprises on a mission, the visitors
    and their hosts of a delegation, a forum's speakers."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_memberships",
    )
    enterprise = models.ForeignKey(
        "crm.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_members",
    )

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["role", "pk"]

    def __str__(self) -> str:
        return self.name


class QuestionKind(models.TextChoices):
    TEXT = "text", pgettext_lazy("question kind", "Short answer")
    CHOICE = "choice", pgettext_lazy("question kind", "One of a list")
    CHECKBOX = "checkbox", pgettext_lazy("question kind", "Yes or no")


class Question(models.Model):
    """A question of the event's own on its registration form."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line, for “one of a list”."))
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
    WAITING = "waiting", pgettext_lazy("registration", "On the waiting list")
    PENDING = "pending", pgettext_lazy("registration", "Awaiting approval")
    DECLINED = "declined", pgettext_lazy("registration", "Declined")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


#: Registrations that still count: one per e-mail address and event.
LIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING)


class Registration(models.Model):
    """Somebody's registration for an event, from the public page, staff or the API.

    ``code`` is the secret on the QR code and in the links of the e-mails: it checks the person
    in and lets them cancel.  The waiting list is the waiting registrations in ``pk`` order,
    which is the order they were stored in.
    """

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    email_key = models.CharField(max_length=254, editable=False)  # lower-cased, for uniqueness
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_at = models.DateTimeField(_("consented to the processing of their data"), null=True, blank=True)
    code = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email_key"],
                condition=Q(status__in=LIVE_STATUSES),
                name="events_registration_one_live_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="events_registration_status")]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"


class Viewer(models.Model):
    """One open viewer page of an online event: a view when it opens, live while it beats."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="viewers")
    key = models.CharField(max_length=64)
    opened_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "key"], name="events_viewer_one_per_page")]
        indexes = [models.Index(fields=["event", "last_seen_at"], name="events_viewer_live")]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.key}"


class OutcomeKind(models.TextChoices):
    SOURCED = "sourced", pgettext_lazy("event outcome", "New lead from the event")
    ADVANCED = "advanced", pgettext_lazy("event outcome", "Worked on at the event")
    SIGNED = "signed", pgettext_lazy("event outcome", "Signed at the event")


class Outcome(models.Model):
    """A project linked to the event it came from, moved forward at, or was signed at."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="outcomes")
    project = models.ForeignKey(
        "pipeline.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="event_outcomes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices, default=OutcomeKind.ADVANCED)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["event", "project"], name="events_outcome_once")]

    def __str__(self) -> str:
        return f"{self.event} → {self.project}"
