from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.enterprises import EDITABLE_FIELDS
from yunzhao.crm.models import Enterprise, Industry, Ownership


class EnterpriseForm(StyledFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

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

    def clean_credit_code(self) -> str | None:
        return self.cleaned_data.get("credit_code") or None

    def clean_country(self) -> str:
        return str(self.cleaned_data["country"]).upper()


class EnterpriseFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    ownership = forms.ChoiceField(
        label=_("Ownership"), required=False, choices=[("", _("Any ownership")), *Ownership.choices]
    )
