"""Forms of the fair's people pages: the profile, availability, a meeting request, an answer."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.industries import DIVISIONS, SECTIONS, section_of
from yunzhao.crm.models import Industry
from yunzhao.matchmaking.models import Booth, CompanySize, Intent, MeetingKind, Participant, Slot
from yunzhao.matchmaking.participants import VISITOR_ROLES, ProfileData, country_codes, unknown_countries

MAX_COUNTRIES = 30


def reader_language() -> str:
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def industry_choices(language: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """GB/T 4754 sections as groups: the whole section first, then its divisions."""
    chinese = language.startswith("zh")
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for section in SECTIONS:
        name = section.name_zh if chinese else section.name_en
        options = [(section.code, f"{section.code} · {name}")]
        options += [
            (division.code, f"{division.code} · {division.name_zh if chinese else division.name_en}")
            for division in DIVISIONS
            if section_of(division.code) == section.code
        ]
        groups.append((f"{section.code} {name}", options))
    return groups


class CountryCodesField(forms.CharField):
    """ISO 3166 alpha-2 codes separated by commas or spaces, e.g. ``JP, KR``."""

    default_error_messages = {
        "unknown": _("These are not ISO country codes: %(codes)s. Use two letters each, e.g. JP, DE, AE."),
        "too_many": _("Name at most %(limit)s countries."),
    }

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return list(dict.fromkeys(code.upper() for code in re.split(r"[\s,;，、]+", text) if code))

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        bad = unknown_countries(value)
        if bad:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"codes": ", ".join(bad)}
            )
        if len(value) > MAX_COUNTRIES:
            raise forms.ValidationError(
                self.error_messages["too_many"], code="too_many", params={"limit": MAX_COUNTRIES}
            )


class ProfileForm(StyledFormMixin, forms.Form):
    """Join a fair or edit one's profile; exhibitors (``booths`` given) have no role to choose."""

    role = forms.ChoiceField(label=_("I come as"), choices=[(r.value, r.label) for r in VISITOR_ROLES])
    booth: forms.ModelChoiceField[Booth] = forms.ModelChoiceField(
        label=_("Booth"), queryset=Booth.objects.none(), empty_label=None
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(label=pgettext_lazy("a person's company or body", "Organisation"), max_length=300)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=254, help_text=_("Meeting requests and answers go here."))
    country = forms.CharField(label=_("Country"), max_length=2, help_text=_("Two-letter ISO code, e.g. JP, AE, BE."))
    language = forms.ChoiceField(
        label=_("Language for messages"), choices=settings.LANGUAGES, help_text=_("We write to you in this language.")
    )
    industries = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("GB/T 4754 sectors or divisions; choose a whole sector or the divisions you work in."),
    )
    intents = forms.MultipleChoiceField(
        label=_("What I want"), required=False, choices=Intent.choices, widget=forms.CheckboxSelectMultiple
    )
    sought_countries = CountryCodesField(
        label=_("Countries I buy from or invest in"),
        required=False,
        help_text=_("Two-letter ISO codes separated by commas, e.g. CN, VN."),
    )
    offered_countries = CountryCodesField(
        label=_("Countries where I operate or sell"),
        required=False,
        help_text=_("Two-letter ISO codes separated by commas, e.g. JP, KR."),
    )
    company_size = forms.ChoiceField(label=_("Company size"), required=False, choices=[("", "—"), *CompanySize.choices])
    deal_min = forms.DecimalField(
        label=_("Deal size from (US dollars)"), required=False, min_value=Decimal(0), max_digits=16, decimal_places=2
    )
    deal_max = forms.DecimalField(
        label=_("Deal size up to (US dollars)"), required=False, min_value=Decimal(0), max_digits=16, decimal_places=2
    )
    about = forms.CharField(
        label=_("About me and what I look for"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In any language: recommendations read it across languages."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organiser shows this profile to the fair's other participants, recommends "
            "whom to meet from it and sends me their meeting requests."
        )
    )

    def __init__(self, *args: Any, booths: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        industries = self.fields["industries"]
        assert isinstance(industries, forms.MultipleChoiceField)
        industries.choices = industry_choices(reader_language())
        self.fields["language"].initial = reader_language()
        self.fields["intents"].widget.attrs["class"] = "form-check-input"
        if booths:
            del self.fields["role"]
            booth_field = self.fields["booth"]
            booth_field.queryset = booths  # type: ignore[attr-defined]
            if booths.count() == 1:
                booth_field.widget = forms.HiddenInput()
        else:
            del self.fields["booth"]

    def clean_country(self) -> str:
        country = str(self.cleaned_data.get("country") or "").strip().upper()
        if country not in country_codes():
            raise forms.ValidationError(_("Enter the two-letter ISO code of the country, e.g. JP."))
        return country

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("deal_min"), cleaned.get("deal_max")
        if low is not None and high is not None and high < low:
            self.add_error("deal_max", _("The largest deal size cannot be below the smallest."))
        return cleaned

    def profile_data(self) -> ProfileData:
        data = self.cleaned_data
        codes = set(data["industries"])
        return ProfileData(
            role=data.get("role", "exhibitor"),
            name=data["name"],
            organisation=data["organisation"],
            job_title=data["job_title"],
            email=data["email"],
            country=data["country"],
            language=data["language"],
            industries=list(Industry.objects.filter(code__in=codes).order_by("code")),
            intents=data["intents"],
            sought_countries=data["sought_countries"],
            offered_countries=data["offered_countries"],
            company_size=data["company_size"],
            deal_min=data["deal_min"],
            deal_max=data["deal_max"],
            about=data["about"],
        )

    @staticmethod
    def initial_from(participant: Participant) -> dict[str, Any]:
        return {
            "role": participant.role,
            "booth": participant.booth_id,
            "name": participant.name,
            "organisation": participant.organisation,
            "job_title": participant.job_title,
            "email": participant.email,
            "country": participant.country,
            "language": participant.language,
            "industries": [industry.code for industry in participant.industries.all()],
            "intents": participant.intents,
            "sought_countries": participant.sought_countries,
            "offered_countries": participant.offered_countries,
            "company_size": participant.company_size,
            "deal_min": participant.deal_min,
            "deal_max": participant.deal_max,
            "about": participant.about,
        }


class AvailabilityForm(forms.Form):
    """The slots one is present in (the page draws them as a grid by day and session)."""

    slots = forms.ModelMultipleChoiceField(queryset=Slot.objects.none(), required=False)

    def __init__(self, *args: Any, fair: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = Slot.objects.filter(fair=fair)  # type: ignore[attr-defined]


class RequestForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you would like to discuss."),
    )

    def __init__(self, *args: Any, recipient: Participant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(k.value, k.label) for k in MeetingKind if k != MeetingKind.GROUP or recipient.hosted]
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = choices
        kind.initial = MeetingKind.TABLE
        kind.widget.attrs["class"] = "form-check-input"


class AnswerForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("decline", "decline")])
    note = forms.CharField(label=_("Note to the sender"), required=False, max_length=2000)
