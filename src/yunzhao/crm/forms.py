from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.accounts.models import INTERNAL_ROLES, User
from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm import duplicates
from yunzhao.crm.activities import EDITABLE_FIELDS as ACTIVITY_FIELDS
from yunzhao.crm.channels import EDITABLE_FIELDS as CHANNEL_FIELDS
from yunzhao.crm.contacts import EDITABLE_FIELDS as CONTACT_FIELDS
from yunzhao.crm.duplicates import DuplicateMatch
from yunzhao.crm.enterprises import EDITABLE_FIELDS
from yunzhao.crm.languages import language_choices
from yunzhao.crm.models import Activity, Channel, ChannelKind, Contact, Enterprise, Industry, Ownership


class EnterpriseForm(StyledFormMixin, forms.ModelForm):
    """An enterprise's details; before saving it looks for probable duplicates on file.

    A duplicate found stops the save until the user ticks ``not_a_duplicate``; a credit
    code already on file stops it for good (one code, one enterprise).
    """

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    not_a_duplicate = forms.BooleanField(
        label=_("This is a different enterprise: save it anyway"), required=False, widget=forms.HiddenInput
    )

    #: The fields that say which enterprise this is: a change in them is checked for duplicates.
    IDENTITY_FIELDS = frozenset(
        {"name_zh_hans", "name_en", "name_ja", "name_ko", "credit_code", "registration_number", "country"}
    )

    class Meta:
        model = Enterprise
        fields = list(EDITABLE_FIELDS)
        widgets = {"registered_in_zone_on": forms.DateInput(attrs={"type": "date"})}
        labels = {
            "name_zh_hans": _("Name in Chinese"),
            "name_en": _("Name in English"),
            "name_ja": _("Name in Japanese"),
            "name_ko": _("Name in Korean"),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_zh_hans"].required = True
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.queryset = Industry.objects.filter(parent__isnull=False).select_related("parent")
        #: Probable duplicates found by :meth:`clean`, best first, for the page to show.
        self.duplicates: list[DuplicateMatch] = []
        self._taken_credit_code = ""

    def clean_credit_code(self) -> str | None:
        code = self.cleaned_data.get("credit_code") or None
        if code:
            holder = Enterprise.objects.filter(credit_code=code).exclude(pk=self.instance.pk).first()
            if holder is not None:
                self._taken_credit_code = code
                raise ValidationError(
                    _("%(name)s already has this unified social credit code: one code belongs to one enterprise."),
                    code="credit_code_taken",
                    params={"name": holder.name},
                )
        return code

    def clean_country(self) -> str:
        return str(self.cleaned_data["country"]).upper()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk is not None and not (set(self.changed_data) & self.IDENTITY_FIELDS):
            return cleaned
        names = [
            cleaned.get(field) if field in self.fields else getattr(self.instance, field, "")
            for field in duplicates.NAME_FIELDS
        ]
        self.duplicates = duplicates.find_probable_duplicates(
            names=[name for name in names if name],
            credit_code=cleaned.get("credit_code") or self._taken_credit_code or None,
            registration_number=cleaned.get("registration_number") or "",
            country=cleaned.get("country") or "",
            exclude_pk=self.instance.pk,
        )
        if self.duplicates and not self._taken_credit_code:
            self.fields["not_a_duplicate"].widget = forms.CheckboxInput()
            if not cleaned.get("not_a_duplicate"):
                self.add_error(
                    None,
                    _(
                        "This enterprise is probably on file already (see below). Open it, or tick "
                        "“This is a different enterprise” to save anyway."
                    ),
                )
        return cleaned


class EnterpriseFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    ownership = forms.ChoiceField(
        label=_("Ownership"), required=False, choices=[("", _("Any ownership")), *Ownership.choices]
    )


class ContactForm(StyledFormMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        choices=language_choices,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )

    class Meta:
        model = Contact
        fields = list(CONTACT_FIELDS)
        labels = {
            "name": _("Name"),
            "latin_name": _("Name in Latin letters"),
            "title": _("Job title"),
            "email": _("E-mail address"),
            "phone": _("Phone"),
            "wechat_id": _("WeChat ID"),
            "data_source": _("Where their data came from"),
            "consented": _("They consented to our keeping and using their contact details"),
            "is_active": _("Still a contact (clear when they leave the enterprise)"),
        }
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["is_active"]

    def clean_wechat_id(self) -> str:
        return str(self.cleaned_data["wechat_id"]).strip()


class ActivityForm(StyledFormMixin, forms.ModelForm):
    """What happened with one enterprise; the project, contacts and people to choose from are its own."""

    MULTIPLE_CHOICE_FIELDS = ("participants", "contacts")

    class Meta:
        model = Activity
        fields = list(ACTIVITY_FIELDS)
        labels = {
            "kind": _("Kind"),
            "occurred_at": _("When"),
            "project": _("Project"),
            "subject": _("Subject"),
            "notes": _("Notes"),
            "participants": _("Our participants"),
            "contacts": _("Their participants"),
            "next_step": _("Next step"),
            "follow_up_on": _("Follow up on"),
            "follow_up_owner": _("Follow-up by"),
        }
        help_texts = {
            "follow_up_on": _("Leave empty if nothing is to follow."),
            "follow_up_owner": _("Empty: the person recording."),
        }
        widgets = {
            "occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.CheckboxSelectMultiple,
            "contacts": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, enterprise: Enterprise, projects: Any = None, **kwargs: Any) -> None:
        """``projects``: those the user may read (default all); the activity's own project stays selectable."""
        super().__init__(*args, **kwargs)
        self.instance.enterprise = enterprise
        staff = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")
        project = self.fields["project"]
        participants = self.fields["participants"]
        contacts = self.fields["contacts"]
        owner = self.fields["follow_up_owner"]
        assert isinstance(project, forms.ModelChoiceField)
        assert isinstance(participants, forms.ModelMultipleChoiceField)
        assert isinstance(contacts, forms.ModelMultipleChoiceField)
        assert isinstance(owner, forms.ModelChoiceField)
        choices = enterprise.projects.all()
        if projects is not None:
            choices = choices.filter(Q(pk__in=projects.values("pk")) | Q(pk=self.instance.project_id))
        project.queryset = choices.order_by("-updated_at", "-pk")
        project.empty_label = _("Not about one project")
        participants.queryset = staff
        linked = Q(pk__in=self.instance.contacts.all()) if self.instance.pk else Q(pk__in=[])
        contacts.queryset = Contact.objects.filter(Q(enterprise=enterprise) & (Q(is_active=True) | linked))
        owner.queryset = staff
        owner.empty_label = _("Me")
        for name in self.MULTIPLE_CHOICE_FIELDS:
            self.fields[name].widget.attrs["class"] = "form-check-input"


class ChannelForm(StyledFormMixin, forms.ModelForm):
    """An investment channel: its names in every language, what it is, where, since when, who keeps it."""

    class Meta:
        model = Channel
        fields = list(CHANNEL_FIELDS)
        widgets = {
            "agreement_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "country": forms.TextInput(attrs={"placeholder": "JP", "autocomplete": "off", "size": 4}),
        }
        labels = {
            "name_zh_hans": _("Name in Chinese"),
            "name_en": _("Name in English"),
            "name_ja": _("Name in Japanese"),
            "name_ko": _("Name in Korean"),
            "name_ar": _("Name in Arabic"),
            "name_es": _("Name in Spanish"),
            "name_fr": _("Name in French"),
            "name_ru": _("Name in Russian"),
            "kind": _("Kind"),
            "country": _("Country"),
            "agreement_date": _("Agreement signed on"),
            "keeper": _("Kept by"),
        }
        help_texts = {
            "country": _("Two-letter ISO code, e.g. JP, AE, BE."),
            "keeper": _("The officer who looks after this channel."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_zh_hans"].required = True
        keeper = self.fields["keeper"]
        assert isinstance(keeper, forms.ModelChoiceField)
        keeper.queryset = User.objects.filter(is_active=True, role__in=INTERNAL_ROLES).order_by("full_name", "pk")
        keeper.empty_label = _("Nobody yet")

    def clean_country(self) -> str:
        country = str(self.cleaned_data["country"]).strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise ValidationError(_("Enter the two-letter code of the country, e.g. JP."))
        return country


class ChannelFilterForm(StyledFormMixin, forms.Form):
    """The channel list's filters and sort order."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *ChannelKind.choices])
    country = forms.CharField(
        label=_("Country"),
        required=False,
        max_length=2,
        widget=forms.TextInput(attrs={"placeholder": "JP", "autocomplete": "off"}),
    )
    keeper = forms.ModelChoiceField(
        label=_("Kept by"),
        required=False,
        queryset=User.objects.filter(is_active=True, role__in=INTERNAL_ROLES, channels__isnull=False)
        .distinct()
        .order_by("full_name", "pk"),
        empty_label=_("Anyone"),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-signed", pgettext_lazy("sort channels", "Most projects signed")),
            ("-landed", pgettext_lazy("sort channels", "Most projects landed")),
            ("-sourced", pgettext_lazy("sort channels", "Most projects sourced")),
            ("-investment", pgettext_lazy("sort channels", "Largest signed investment")),
            ("-conversion", pgettext_lazy("sort channels", "Highest conversion rate")),
            ("-agreement", pgettext_lazy("sort channels", "Newest agreement")),
            ("name", pgettext_lazy("sort channels", "Name")),
        ],
    )

    def clean_country(self) -> str:
        return str(self.cleaned_data.get("country") or "").strip().upper()

    def is_filtered(self) -> bool:
        """Whether a filter (not the sort order) narrows the list."""
        data = getattr(self, "cleaned_data", {})
        return any(data.get(key) for key in ("q", "kind", "country", "keeper"))
