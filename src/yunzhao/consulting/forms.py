"""Forms of the consulting service: asking, writing back, rating, booking, and the back office's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from yunzhao.accounts.models import Department
from yunzhao.consulting.models import FaqEntry, Topic
from yunzhao.core.content import Publication
from yunzhao.core.forms import StyledFormMixin
from yunzhao.core.public_forms import HoneypotFormMixin

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def reader_language() -> str:
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def clean_country_code(value: Any) -> str:
    country = str(value or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise ValidationError(_("Enter the two-letter code of the country, e.g. JP."))
    return country


class TopicChoiceField(forms.ModelChoiceField[Topic]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class QuestionForm(HoneypotFormMixin, StyledFormMixin, forms.Form):
    """The public question form, in the reader's language (which is also the reply's, unless chosen)."""

    topic = TopicChoiceField(label=_("Topic"), queryset=Topic.objects.none(), empty_label=None)
    language = forms.ChoiceField(
        label=_("Language of the reply"), choices=settings.LANGUAGES, help_text=_("We reply in this language.")
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, help_text=_("The acknowledgement and our replies go here.")
    )
    organisation = forms.CharField(
        label=pgettext_lazy("a person's company or body", "Organisation"), max_length=300, required=False
    )
    country = forms.CharField(
        label=_("Country"), max_length=2, required=False, help_text=_("Two-letter ISO code, e.g. JP, AE, BE.")
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(label=_("Your question"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    consent = forms.BooleanField(
        label=_(
            "I agree that the investment service keeps these details to answer my question and contact me about it."
        )
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(status=Publication.PUBLISHED)  # type: ignore[attr-defined]
        self.fields["language"].initial = reader_language()

    def clean_country(self) -> str:
        return clean_country_code(self.cleaned_data.get("country"))


class AskerMessageForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class CloseForm(StyledFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with our answer?"),
        choices=[("", "—"), *((str(n), str(n)) for n in range(5, 0, -1))],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("5 is very satisfied, 1 not at all."),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BookingForm(HoneypotFormMixin, StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254, help_text=_("The invitation goes here."))
    company = forms.CharField(label=_("Company"), max_length=300, required=False)
    agenda = forms.CharField(
        label=_("What would you like to discuss?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    consent = forms.BooleanField(
        label=_("I agree that the investment service keeps these details to hold the meeting.")
    )


# --- Back office -------------------------------------------------------------------------


class ReplyForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Reply"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))


class ReassignForm(StyledFormMixin, forms.Form):
    department = forms.ModelChoiceField(
        label=_("Hand over to"), queryset=Department.objects.filter(is_active=True).order_by("path")
    )


class SlotForm(StyledFormMixin, forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    topic = TopicChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting cannot end before it starts."))
        return cleaned


class TranslatedForm(StyledFormMixin, forms.ModelForm[Any]):
    """Edit the translated fields in one language (``language``), plus the shared ones."""

    shared_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language


def translated_form(model: type, translated: tuple[str, ...], shared: tuple[str, ...], language: str) -> type:
    """A ModelForm class editing ``translated`` in ``language`` (e.g. ``question_ja``) and ``shared``."""
    suffix = language.replace("-", "_")
    fields = [*(f"{name}_{suffix}" for name in translated), *shared]
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}Form_{suffix}", (TranslatedForm,), {"Meta": meta, "shared_fields": shared})


FAQ_SHARED = ("topic", "position", "status")
TOPIC_SHARED = ("department", "reply_days", "position", "status")


def faq_form(language: str) -> type:
    return translated_form(FaqEntry, ("question", "answer"), FAQ_SHARED, language)


def topic_form(language: str) -> type:
    return translated_form(Topic, ("name",), TOPIC_SHARED, language)


STATUS_CHOICES = Publication.choices
