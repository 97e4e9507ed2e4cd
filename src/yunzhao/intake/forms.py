"""The steps of the filing form, and the back office's accept and decline forms."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.accounts.models import INTERNAL_ROLES, Department, User
from yunzhao.core.forms import StyledFormMixin
from yunzhao.core.public_forms import HoneypotFormMixin
from yunzhao.crm.languages import FREQUENT, language_name
from yunzhao.crm.models import Enterprise, EnterpriseSize, Industry
from yunzhao.intake.attachments import MAX_FILES, TOO_MANY, check_file
from yunzhao.intake.models import CURRENCIES, Filing

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK"}


@lru_cache(maxsize=16)
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    locale = Locale.parse(translation.to_locale(language))
    english = Locale("en").territories
    codes = [str(code) for code in english if len(str(code)) == 2 and str(code).isalpha()]
    codes = [code for code in codes if code not in _NOT_COUNTRIES]
    names = {code: locale.territories.get(code) or english[code] for code in codes}
    return tuple(sorted(names.items(), key=lambda item: item[1].casefold()))


def country_choices() -> list[tuple[str, str]]:
    """Every country, named and sorted in the reader's language."""
    return [("", "—"), *_countries(translation.get_language() or settings.LANGUAGE_CODE)]


def country_name(code: str) -> str:
    return dict(_countries(translation.get_language() or settings.LANGUAGE_CODE)).get(code, code)


def industry_choices() -> list[tuple[Any, Any]]:
    """GB/T 4754 divisions grouped under their sections (one query)."""
    groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    sections: dict[int, str] = {}
    for industry in Industry.objects.order_by("code"):
        if industry.parent_id is None:
            sections[industry.pk] = f"{industry.code} {industry.name}"
        else:
            groups.setdefault(industry.parent_id, ("", []))[1].append((industry.pk, f"{industry.code} {industry.name}"))
    return [("", "—"), *[(sections.get(parent, ""), items) for parent, (_label, items) in groups.items()]]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class CompanyStep(HoneypotFormMixin, StyledFormMixin, forms.ModelForm):
    title = _("Company")

    website = forms.URLField(
        label=capfirst(_("website")),
        required=False,
        max_length=300,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Filing
        fields = ["company_name", "company_country", "registration_number", "website", "ownership", "size"]
        labels = {"company_name": _("Company name"), "company_country": _("Country where it is registered")}
        help_texts = {
            "company_name": _("As it is registered, in your own script."),
            "registration_number": _("For a company registered in China: the unified social credit code."),
        }
        widgets = {"company_country": forms.Select}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["company_country"]
        country.widget = forms.Select(attrs={"class": "form-select"}, choices=country_choices())
        size = self.fields["size"]
        assert isinstance(size, forms.ChoiceField)
        size.choices = [("", "—"), *EnterpriseSize.choices]

    def clean_company_country(self) -> str:
        code = str(self.cleaned_data.get("company_country") or "").upper()
        if code not in dict(country_choices()) or not code:
            raise ValidationError(_("Choose the country from the list."))
        return code


class ContactStep(StyledFormMixin, forms.ModelForm):
    title = _("Contact")

    contact_languages = forms.MultipleChoiceField(
        label=_("Languages you work in"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Filing
        fields = [
            "contact_name",
            "contact_latin_name",
            "contact_title",
            "email",
            "phone",
            "wechat_id",
            "contact_languages",
        ]
        labels = {"contact_name": _("Your name"), "contact_latin_name": _("Your name in Latin letters")}
        help_texts = {
            "contact_name": _("As you write it, in your own script."),
            "email": _("We send the confirmation and our answer here."),
        }
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        languages = self.fields["contact_languages"]
        assert isinstance(languages, forms.MultipleChoiceField)
        languages.choices = [(code, language_name(code)) for code in FREQUENT]
        languages.widget.attrs["class"] = "form-check-input"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})


class ProjectStep(StyledFormMixin, forms.ModelForm):
    title = _("Project")

    class Meta:
        model = Filing
        fields = ["title", "description", "industry", "amount", "currency", "registered_capital"]
        labels = {"amount": _("Total investment")}
        widgets = {"description": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.queryset = Industry.objects.filter(parent__isnull=False)
        industry.required = True
        industry.widget.choices = industry_choices()
        currency = self.fields["currency"]
        currency.widget = forms.Select(attrs={"class": "form-select"}, choices=[(c, c) for c in CURRENCIES])
        for name in ("amount", "registered_capital"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "min": "0", "step": "0.01"})

    def clean_currency(self) -> str:
        currency = str(self.cleaned_data.get("currency") or "")
        if currency not in CURRENCIES:
            raise ValidationError(_("Choose the currency from the list."))
        return currency


class NeedsStep(StyledFormMixin, forms.ModelForm):
    title = _("Needs and timeline")

    class Meta:
        model = Filing
        fields = [
            "jobs",
            "land_need_mu",
            "space_need_sqm",
            "talent_needs",
            "expected_start",
            "expected_production",
        ]
        help_texts = {
            "land_need_mu": _("One mu is about 667 m²."),
            "talent_needs": _("For example: 30 battery engineers, 5 Japanese-speaking managers."),
        }
        widgets = {
            "talent_needs": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            "expected_start": DATE,
            "expected_production": DATE,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, production = data.get("expected_start"), data.get("expected_production")
        if start and production and production < start:
            self.add_error("expected_production", _("Production cannot start before the project does."))
        return data


class AttachmentsStep(StyledFormMixin, forms.Form):
    title = _("Attachments and consent")

    documents = MultipleFileField(
        label=_("Add files"),
        required=False,
        help_text=_("PDF, Word, Excel or images (PNG, JPEG, GIF, WebP), up to 20 MB each, at most 10 files."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the agency processes the data in this filing to answer it and to work on my project."),
        required=True,
        error_messages={
            "required": _("Please agree to the processing of your data: without it we cannot handle your filing.")
        },
    )

    def __init__(self, *args: Any, already: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already = already
        self.checked: list[tuple[Any, str, int]] = []
        self.fields["documents"].widget.attrs["accept"] = ".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.webp"

    def clean_documents(self) -> list[Any]:
        files = self.cleaned_data.get("documents") or []
        if self.already + len(files) > MAX_FILES:
            raise ValidationError(TOO_MANY)
        errors: list[ValidationError] = []
        for file in files:
            try:
                kind, size = check_file(file, name=file.name)
            except ValidationError as error:
                errors.append(error)
            else:
                self.checked.append((file, kind, size))
        if errors:
            raise ValidationError(errors)
        return files


class ReviewStep(HoneypotFormMixin, forms.Form):
    title = _("Review and send")


STEPS: dict[str, type[forms.BaseForm]] = {
    "company": CompanyStep,
    "contact": ContactStep,
    "project": ProjectStep,
    "needs": NeedsStep,
    "attachments": AttachmentsStep,
    "review": ReviewStep,
}


class AcceptForm(StyledFormMixin, forms.Form):
    enterprise = forms.TypedChoiceField(
        label=_("Enterprise"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Link an enterprise on file, or create a new one from the filing."),
    )
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    owner = forms.ModelChoiceField(label=_("Officer"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, duplicates: list[Enterprise] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[int, str]] = [(enterprise.pk, str(enterprise)) for enterprise in duplicates or []]
        choices.append((0, str(pgettext_lazy("enterprise", "Create a new enterprise from the filing"))))
        enterprise = self.fields["enterprise"]
        assert isinstance(enterprise, forms.ChoiceField)
        enterprise.choices = choices
        enterprise.widget.attrs["class"] = "form-check-input"
        department = self.fields["department"]
        assert isinstance(department, forms.ModelChoiceField)
        department.queryset = Department.objects.order_by("path")
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")


class DeclineForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The investor receives this in an e-mail: write it in their language or in English."),
    )
