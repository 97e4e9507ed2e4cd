"""The online fair (cloud exhibition) and its business matchmaking.

A :class:`Fair` has halls by theme and booths; a :class:`Booth` is one exhibitor's presence
in one fair, run by the exhibitor's accounts, with products, documents, a video and live
sessions.  Everyone who meets at the fair — visitors (buyers, investors, partners) and
exhibitors — has a :class:`Participant` profile per fair: the recommendations read it, meeting
requests go between participants, and the scheduler places accepted requests into the
fair's :class:`Slot` s and :class:`Table` s as :class:`Meeting` s.  An :class:`Enquiry` is a
visitor's question to a booth, on a clock; enquiries to the zone's own booth become leads in
the project platform.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.core.content import TranslatedContent

# --- Vocabularies (the recommendation engine's, in recommending.profile) -------------------


class Role(models.TextChoices):
    BUYER = "buyer", pgettext_lazy("fair role", "Buyer")
    INVESTOR = "investor", pgettext_lazy("fair role", "Investor")
    PARTNER = "partner", pgettext_lazy("fair role", "Partner")
    EXHIBITOR = "exhibitor", pgettext_lazy("fair role", "Exhibitor")


class Intent(models.TextChoices):
    BUY = "buy", pgettext_lazy("fair intent", "Buy")
    SELL = "sell", pgettext_lazy("fair intent", "Sell")
    INVEST = "invest", pgettext_lazy("fair intent", "Invest")
    SEEK_INVESTMENT = "seek_investment", pgettext_lazy("fair intent", "Seek investment")
    DISTRIBUTE = "distribute", pgettext_lazy("fair intent", "Distribute")
    PARTNER = "partner", pgettext_lazy("fair intent", "Find partners")


class CompanySize(models.TextChoices):
    MICRO = "micro", pgettext_lazy("company size", "Fewer than 10 people")
    SMALL = "small", pgettext_lazy("company size", "10–49 people")
    MEDIUM = "medium", pgettext_lazy("company size", "50–249 people")
    LARGE = "large", pgettext_lazy("company size", "250 people or more")


# --- The fair, its halls and booths -----------------------------------------------------------


class Fair(TranslatedContent):
    """One online fair with its matchmaking rules; shown on the portal once published, open
    from its first to its last day."""

    TRANSLATED_FIELDS = ("title", "summary")
    REQUIRED_TRANSLATED_FIELDS = ("title",)

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="online_fair",
        help_text=_("The event this fair belongs to: its programme holds the live sessions."),
    )
    department = models.ForeignKey(
        "accounts.Department", verbose_name=_("organising department"), on_delete=models.PROTECT, related_name="fairs"
    )
    # Rules of the matchmaking.
    reply_hours = models.PositiveSmallIntegerField(
        _("enquiry answer deadline (working hours)"),
        default=4,
        help_text=_("Exhibitors must answer an enquiry within this many working hours."),
    )
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("meeting requests expire after (hours)"),
        default=48,
        help_text=_("An unanswered request expires after this time, so it never blocks anyone's slots."),
    )
    max_requests = models.PositiveSmallIntegerField(
        _("requests a participant may send"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    max_accepted = models.PositiveSmallIntegerField(
        _("requests a participant may accept"),
        null=True,
        blank=True,
        help_text=_("Leave empty for as many as they have slots; the scheduler's report suggests a cap."),
    )
    meeting_rules = models.JSONField(
        _("who may meet whom"),
        default=dict,
        blank=True,
        help_text=_(
            'For each role, the roles it may meet, e.g. {"buyer": ["exhibitor"]}; roles not named meet anyone.'
        ),
    )
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("online fair")
        verbose_name_plural = _("online fairs")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="matchmaking_fair_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.title


class Hall(TranslatedContent):
    """A themed hall of a fair (CIFTIS runs nine)."""

    TRANSLATED_FIELDS = ("name", "theme")
    REQUIRED_TRANSLATED_FIELDS = ("name",)

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="halls")
    name = models.CharField(_("name"), max_length=200)
    theme = models.TextField(_("theme"), blank=True)
    industry = models.ForeignKey(
        "crm.Industry", verbose_name=_("industry"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["fair", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class Booth(TranslatedContent):
    """One exhibitor's booth at one fair, run by its exhibitor accounts."""

    TRANSLATED_FIELDS = ("name", "description")
    REQUIRED_TRANSLATED_FIELDS = ("name",)

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="booths")
    hall = models.ForeignKey(Hall, verbose_name=_("hall"), on_delete=models.PROTECT, related_name="booths")
    number = models.CharField(_("booth number"), max_length=20)
    name = models.CharField(_("exhibitor"), max_length=300)
    description = models.TextField(_("about the exhibitor"), blank=True)
    enterprise = models.ForeignKey(
        "crm.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booths",
    )
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. JP"))
    industry = models.ForeignKey(
        "crm.Industry", verbose_name=_("industry"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="fairs/logos/", blank=True)
    video_url = models.URLField(_("video"), max_length=500, blank=True)
    live_sessions = models.ManyToManyField(
        "events.ProgrammeItem", verbose_name=_("live sessions"), blank=True, related_name="booths"
    )
    is_zone_booth = models.BooleanField(
        _("the zone's own booth"),
        default=False,
        help_text=_("Investors' enquiries to this booth become leads in the project platform (with their consent)."),
    )
    accounts: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("exhibitor accounts"), blank=True, related_name="booths"
    )

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["fair", "hall", "number", "pk"]
        constraints = [models.UniqueConstraint(fields=["fair", "number"], name="matchmaking_booth_number_unique")]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Product(TranslatedContent):
    TRANSLATED_FIELDS = ("name", "description", "specifications")
    REQUIRED_TRANSLATED_FIELDS = ("name",)

    booth = models.ForeignKey(Booth, verbose_name=_("booth"), on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    specifications = models.TextField(_("specifications"), blank=True, help_text=_("One per line: name: value."))
    image = models.ImageField(_("image"), upload_to="fairs/products/", blank=True)
    minimum_order = models.CharField(_("minimum order"), max_length=120, blank=True, help_text=_("e.g. 500 pieces"))
    price_min = models.DecimalField(_("price from"), max_digits=14, decimal_places=2, null=True, blank=True)
    price_max = models.DecimalField(_("price up to"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    certifications = models.CharField(_("certifications"), max_length=300, blank=True, help_text=_("e.g. CE, RoHS"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["booth", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_min__isnull=True) | Q(price_max__isnull=True) | Q(price_max__gte=F("price_min")),
                name="matchmaking_product_price_range",
            )
        ]

    def __str__(self) -> str:
        return self.name


class BoothDocument(models.Model):
    booth = models.ForeignKey(Booth, verbose_name=_("booth"), on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="fairs/documents/")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("booth document")
        verbose_name_plural = _("booth documents")
        ordering = ["booth", "title", "pk"]

    def __str__(self) -> str:
        return self.title


# --- Time: slots and tables ----------------------------------------------------------------


class Slot(models.Model):
    """A meeting slot of the fair (e.g. 25 minutes); slots of one day make a session."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["fair", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="matchmaking_slot_ends_after_start"),
            models.UniqueConstraint(fields=["fair", "starts_at"], name="matchmaking_slot_start_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Table(models.Model):
    """A meeting table in the matchmaking area."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        ordering = ["fair", "position", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["fair", "name"], name="matchmaking_table_name_unique")]

    def __str__(self) -> str:
        return self.name


# --- Participants ----------------------------------------------------------------------------


class Participant(models.Model):
    """Someone who meets at a fair — a visitor or an exhibitor — with the profile the
    recommendations and the scheduler read."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fair_profiles",
    )
    booth = models.ForeignKey(
        Booth,
        verbose_name=_("booth"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participants",
        help_text=_("For exhibitors: the booth they meet for."),
    )
    role = models.CharField(_("I come as"), max_length=12, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. JP"))
    language = models.CharField(
        _("language for messages"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    industries = models.ManyToManyField("crm.Industry", verbose_name=_("industries"), blank=True, related_name="+")
    intents = models.JSONField(_("what I want"), default=list, blank=True)
    sought_countries = models.JSONField(
        _("countries I buy from or invest in"), default=list, blank=True, help_text=_("ISO 3166 codes")
    )
    offered_countries = models.JSONField(
        _("countries where I operate or sell"), default=list, blank=True, help_text=_("ISO 3166 codes")
    )
    company_size = models.CharField(_("company size"), max_length=10, choices=CompanySize.choices, blank=True)
    deal_min = models.DecimalField(
        _("deal size from (US dollars)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    deal_max = models.DecimalField(
        _("deal size up to (US dollars)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    about = models.TextField(_("about me and what I look for"), blank=True)
    available_slots: models.ManyToManyField[Slot, Any] = models.ManyToManyField(
        Slot,
        verbose_name=_("available in"),
        blank=True,
        related_name="available_participants",
        help_text=_("Leave empty when present in every slot."),
    )
    hosted = models.BooleanField(
        _("hosted buyer"), default=False, help_text=_("All their meetings at a table are held at one table.")
    )
    host_table = models.ForeignKey(
        Table,
        verbose_name=_("host table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosts",
    )
    consent_at = models.DateTimeField(_("consented to matchmaking"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["fair", "organisation", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "user"], condition=Q(user__isnull=False), name="matchmaking_participant_one_per_user"
            ),
            models.CheckConstraint(
                condition=Q(deal_min__isnull=True) | Q(deal_max__isnull=True) | Q(deal_max__gte=F("deal_min")),
                name="matchmaking_participant_deal_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


# --- Enquiries ---------------------------------------------------------------------------------


class EnquiryStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("enquiry status", "Waiting for an answer")
    ANSWERED = "answered", pgettext_lazy("enquiry status", "Answered")
    CLOSED = "closed", pgettext_lazy("enquiry status", "Closed")


class Enquiry(models.Model):
    """A visitor's enquiry to a booth; the exhibitor must answer before ``due_at``."""

    booth = models.ForeignKey(Booth, verbose_name=_("booth"), on_delete=models.CASCADE, related_name="enquiries")
    participant = models.ForeignKey(
        Participant, verbose_name=_("from"), on_delete=models.CASCADE, related_name="enquiries"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    subject = models.CharField(_("subject"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=EnquiryStatus.choices, default=EnquiryStatus.OPEN)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("sent"))
    due_at = models.DateTimeField(_("answer due"))
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    lead_consent_at = models.DateTimeField(_("agreed to be contacted as an investment lead"), null=True, blank=True)
    project = models.ForeignKey(
        "pipeline.Project",
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fair_enquiries",
    )

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["booth", "status", "due_at"], name="matchmaking_enquiry_inbox")]

    def __str__(self) -> str:
        return self.reference


class EnquiryMessage(models.Model):
    enquiry = models.ForeignKey(Enquiry, verbose_name=_("enquiry"), on_delete=models.CASCADE, related_name="messages")
    from_exhibitor = models.BooleanField(_("from the exhibitor"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("enquiry message")
        verbose_name_plural = _("enquiry messages")
        ordering = ["enquiry", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.enquiry_id} {self.created_at:%Y-%m-%d %H:%M}"


# --- Meeting requests and meetings -------------------------------------------------------------


class MeetingKind(models.TextChoices):
    TABLE = "one_to_one", pgettext_lazy("meeting kind", "At a table")
    ONLINE = "online", pgettext_lazy("meeting kind", "Online (video)")
    GROUP = "group", pgettext_lazy("meeting kind", "Hosted-buyer group meeting")


class RequestStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("meeting request status", "Waiting for an answer")
    ACCEPTED = "accepted", pgettext_lazy("meeting request status", "Accepted")
    DECLINED = "declined", pgettext_lazy("meeting request status", "Declined")
    EXPIRED = "expired", pgettext_lazy("meeting request status", "Expired unanswered")
    CANCELLED = "cancelled", pgettext_lazy("meeting request status", "Cancelled")


class MeetingRequest(models.Model):
    """A request to meet: sender → recipient (a group meeting: the recipient hosts, ``guests`` join)."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="requests")
    sender = models.ForeignKey(
        Participant, verbose_name=_("from"), on_delete=models.CASCADE, related_name="sent_requests"
    )
    recipient = models.ForeignKey(
        Participant, verbose_name=_("to"), on_delete=models.CASCADE, related_name="received_requests"
    )
    guests = models.ManyToManyField(
        Participant, verbose_name=_("other guests"), blank=True, related_name="group_requests"
    )
    kind = models.CharField(_("kind of meeting"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.TABLE)
    message = models.TextField(_("message"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=1, help_text=_("1 (normal) to 5 (must meet); the organiser may raise it.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer_note = models.TextField(_("note with the answer"), blank=True)
    cancelled_by = models.ForeignKey(
        Participant,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(sender=F("recipient")), name="matchmaking_request_not_to_self"),
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="matchmaking_request_one_live_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"], name="matchmaking_request_expiry")]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient}"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("meeting status", "Scheduled, not yet published")
    PUBLISHED = "published", pgettext_lazy("meeting status", "Published")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class Meeting(models.Model):
    """An accepted request placed in a slot (and at a table unless online)."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(
        MeetingRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="meeting"
    )
    slot = models.ForeignKey(Slot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="meetings")
    table = models.ForeignKey(
        Table, verbose_name=_("table"), null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED, db_index=True
    )
    created_at = models.DateTimeField(_("scheduled"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "table__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(table__isnull=False) & ~Q(status="cancelled"),
                name="matchmaking_meeting_table_once_per_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.slot} {self.table or ''} {self.request}"


class Attendance(models.Model):
    """One side's account of a meeting after the fair: held or no-show, and a 1–5 rating."""

    class Outcome(models.TextChoices):
        HELD = "held", pgettext_lazy("meeting outcome", "We met")
        NO_SHOW = "no_show", pgettext_lazy("meeting outcome", "The other side did not come")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="attendances"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    rating = models.PositiveSmallIntegerField(_("how useful was it (1–5)"), null=True, blank=True)
    marked_at = models.DateTimeField(_("marked"))

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant"], name="matchmaking_attendance_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5), name="matchmaking_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.participant_id} {self.outcome}"


class ScheduleRun(models.Model):
    """One run of the scheduler over a fair's accepted requests, with what it reported."""

    fair = models.ForeignKey(Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="schedule_runs")
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("run by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    started_at = models.DateTimeField(_("run"))
    seconds = models.FloatField(_("time (s)"))
    requests = models.PositiveIntegerField(_("accepted requests"))
    placed = models.PositiveIntegerField(_("meetings placed"))
    weight = models.PositiveIntegerField(_("priority placed"))
    upper_bound = models.FloatField(_("proven upper bound"))
    idle_gaps = models.PositiveIntegerField(_("idle gaps"))
    never_schedulable = models.PositiveIntegerField(_("requests no schedule could hold"), default=0)
    suggested_cap = models.PositiveSmallIntegerField(_("suggested acceptance cap"), null=True, blank=True)
    unscheduled = models.JSONField(_("unscheduled requests with reasons"), default=list, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["fair", "-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.fair} {self.started_at:%Y-%m-%d %H:%M}"
