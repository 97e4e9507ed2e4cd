"""Forms of the events pages: the event, its programme, its questions, registering and check-in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from yunzhao.accounts.models import INTERNAL_ROLES, User
from yunzhao.core.forms import StyledFormMixin
from yunzhao.core.public_forms import HoneypotFormMixin
from yunzhao.events.models import Event, Member, OutcomeKind, ProgrammeItem, Question, QuestionKind

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TITLE_LABELS = {
    "title_zh_hans": _("Title in Chinese"),
    "title_en": _("Title in English"),
    "title_ja": _("Title in Japanese"),
    "title_ko": _("Title in Korean"),
    "title_ar": _("Title in Arabic"),
    "title_es": _("Title in Spanish"),
    "title_fr": _("Title in French"),
    "title_ru": _("Title in Russian"),
}
EVENT_FIELDS = (
    "kind",
    *TITLE_LABELS,
    "summary_zh_hans",
    "summary_en",
    "starts_at",
    "ends_at",
    "city",
    "country",
    "venue_zh_hans",
    "venue_en",
    "fair",
    "booth",
    "is_online",
    "video_url",
    "status",
    "registration_open",
    "registration_closes_at",
    "capacity",
    "needs_approval",
    "department",
    "owner",
)


class EventForm(StyledFormMixin, forms.ModelForm):
    """An event: what, when, where, and how people register."""

    video_url = forms.URLField(label=_("Video link"), required=False, max_length=500, assume_scheme="https")
    create_video_room = forms.BooleanField(
        label=_("Open a video room for it"),
        required=False,
        help_text=_("Fills the video link with a new room on the configured video server."),
    )

    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "registration_closes_at": DATETIME,
            "summary_zh_hans": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "country": forms.TextInput(attrs={"placeholder": "BE", "autocomplete": "off", "size": 4}),
        }
        labels = {
            **TITLE_LABELS,
            "summary_zh_hans": _("Summary in Chinese"),
            "summary_en": _("Summary in English"),
            "venue_zh_hans": _("Venue in Chinese"),
            "venue_en": _("Venue in English"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_zh_hans"].required = True
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")

    def clean_country(self) -> str:
        country = str(self.cleaned_data.get("country") or "").strip().upper()
        if country and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(_("Enter the two-letter code of the country, e.g. JP."))
        return country

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        return data


class ProgrammeItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = [
            "kind",
            "title_zh_hans",
            "title_en",
            "starts_at",
            "ends_at",
            "city",
            "country",
            "place_zh_hans",
            "place_en",
            "speakers",
            "language",
            "counterpart",
            "staff",
            "outcome",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "speakers": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "title_zh_hans": _("Title in Chinese"),
            "title_en": _("Title in English"),
            "place_zh_hans": _("Place in Chinese"),
            "place_en": _("Place in English"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_zh_hans"].required = True
        staff = self.fields["staff"]
        assert isinstance(staff, forms.ModelChoiceField)
        staff.queryset = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")


class MemberForm(StyledFormMixin, forms.ModelForm):
    """Somebody in the event's party: staff, an enterprise's people, visitors, hosts, speakers."""

    class Meta:
        model = Member
        fields = ["role", "name", "title", "organisation", "user"]
        labels = {"user": _("Staff member (if one of ours)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        assert isinstance(user, forms.ModelChoiceField)
        user.queryset = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")


class QuestionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["label_zh_hans", "label_en", "kind", "choices_zh_hans", "choices_en", "required", "position"]
        widgets = {
            "choices_zh_hans": forms.Textarea(attrs={"rows": 3}),
            "choices_en": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "label_zh_hans": _("Question in Chinese"),
            "label_en": _("Question in English"),
            "choices_zh_hans": _("Choices in Chinese, one per line"),
            "choices_en": _("Choices in English, one per line"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label_zh_hans"].required = True


class RegistrationForm(HoneypotFormMixin, StyledFormMixin, forms.Form):
    """The public registration form, with the event's own questions after the standard ones."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(
        label=pgettext_lazy("a person's company or body", "Organisation"), max_length=300, required=False
    )
    title = forms.CharField(label=_("Your title"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), help_text=_("Your confirmation and your check-in code go here."))
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    country = forms.CharField(
        label=_("Country"), max_length=2, required=False, help_text=_("Two-letter ISO code, e.g. JP, AE, BE.")
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to run the event and contact me about it."),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.questions = list(event.questions.all())
        for question in self.questions:
            name = f"question_{question.pk}"
            label = question.label
            if question.kind == QuestionKind.CHOICE:
                choices = [("", "—"), *((choice, choice) for choice in question.choice_list())]
                self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=question.required)
                self.fields[name].widget.attrs["class"] = "form-select"
            elif question.kind == QuestionKind.CHECKBOX:
                self.fields[name] = forms.BooleanField(label=label, required=question.required)
            else:
                self.fields[name] = forms.CharField(label=label, max_length=500, required=question.required)
                self.fields[name].widget.attrs["class"] = "form-control"

    def clean_country(self) -> str:
        country = str(self.cleaned_data.get("country") or "").strip().upper()
        if country and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(_("Enter the two-letter code of the country, e.g. JP."))
        return country

    def answers(self) -> dict[str, Any]:
        """The answers to the event's questions, keyed by the question as asked."""
        return {
            str(question.pk): {"question": question.label, "answer": self.cleaned_data.get(f"question_{question.pk}")}
            for question in self.questions
        }

    def language(self) -> str:
        current = (get_language() or settings.LANGUAGE_CODE).lower()
        return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class OutcomeForm(StyledFormMixin, forms.Form):
    """Link a project to the event by its number (shown on the project's page and in the list)."""

    project = forms.IntegerField(label=_("Project number"), min_value=1)
    kind = forms.ChoiceField(label=_("How it relates to the event"), choices=OutcomeKind.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.projects = projects

    def clean_project(self) -> Any:
        project = self.projects.filter(pk=self.cleaned_data["project"]).first()
        if project is None:
            raise ValidationError(_("No project of yours has this number."))
        return project


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=300)


class DeclineForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class CapacityForm(StyledFormMixin, forms.Form):
    capacity = forms.IntegerField(label=_("Capacity"), min_value=0, required=False)
