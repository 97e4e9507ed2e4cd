"""Forms of the back office's figures: a quarter's value, an indicator in one language, an import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core.content import Publication
from yunzhao.core.forms import StyledFormMixin
from yunzhao.indicators.importing import MAX_BYTES, parse_number
from yunzhao.indicators.models import FIRST_YEAR, LAST_YEAR, Aggregation, Category, Indicator

QUARTERS = [(1, _("Q1")), (2, _("Q2")), (3, _("Q3")), (4, _("Q4"))]


class ValueForm(StyledFormMixin, forms.Form):
    """A quarter's value; editing an entered value keeps its period."""

    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int)
    value = forms.CharField(
        label=_("Value"),
        max_length=40,
        help_text=_("In the indicator's unit, with a decimal point: 8992.4. Flows are year to date."),
    )
    source = forms.CharField(label=_("Source"), max_length=200, required=False)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["year"]
            del self.fields["quarter"]

    def clean_value(self) -> Decimal:
        text = self.cleaned_data["value"]
        number = parse_number(text)
        if number is None:
            raise forms.ValidationError(
                _("“%(value)s” is not a number: write it with digits and a decimal point, e.g. 8992.4."),
                params={"value": text},
                code="invalid",
            )
        return number


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


TEXT_FIELDS = ("name", "description", "unit", "base_unit")
SETTING_FIELDS = (
    "category",
    "aggregation",
    "scale",
    "decimals",
    "on_overview",
    "sort_order",
    "national_counterpart",
    "status",
)


class IndicatorForm(StyledFormMixin, forms.Form):
    """One language's texts of an indicator (``language``) and its settings."""

    code = forms.SlugField(label=_("Code"), max_length=50)
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    unit = forms.CharField(label=_("Unit"), max_length=60, help_text=_("The unit values are entered in, e.g. 亿元."))
    base_unit = forms.CharField(
        label=_("Base unit"),
        max_length=40,
        required=False,
        help_text=_("Written after a large amount in the reader's units, e.g. 元 / yuan (only with a power of ten)."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    aggregation = forms.ChoiceField(label=_("Kind of figure"), choices=Aggregation.choices)
    scale = forms.IntegerField(
        label=_("Power of ten of the unit"),
        min_value=0,
        max_value=12,
        help_text=_("8 for 亿元, 4 for 万元, 0 for counts."),
    )
    decimals = forms.IntegerField(label=_("Decimals shown"), min_value=0, max_value=4)
    on_overview = forms.BooleanField(label=_("Shown on the overview"), required=False)
    sort_order = forms.IntegerField(label=_("Order"), min_value=0, max_value=32767)
    national_counterpart: forms.ModelChoiceField[Indicator] = forms.ModelChoiceField(
        label=_("National counterpart"), queryset=Indicator.objects.none(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=Publication.choices)

    def __init__(self, *args: Any, language: str, instance: Indicator | None = None, **kwargs: Any) -> None:
        self.language = language
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            initial: dict[str, Any] = {
                name: getattr(instance, build_localized_fieldname(name, language)) or "" for name in TEXT_FIELDS
            }
            initial.update({name: getattr(instance, name) for name in SETTING_FIELDS})
            initial["code"] = instance.code
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        others = Indicator.objects.order_by("sort_order", "code")
        if instance is not None:
            others = others.exclude(pk=instance.pk)
            del self.fields["code"]
        self.fields["national_counterpart"].queryset = others  # type: ignore[attr-defined]
        if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            # Another language may stay empty: the portal then shows the source text and says so.
            for name in ("name", "unit"):
                self.fields[name].required = False
        for name in TEXT_FIELDS:
            self.fields[name].widget.attrs["lang"] = language
            self.fields[name].widget.attrs["dir"] = "auto"

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if Indicator.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Another indicator already has this code."), code="unique")
        return str(code)

    def texts(self) -> dict[str, str]:
        return {build_localized_fieldname(name, self.language): self.cleaned_data[name] for name in TEXT_FIELDS}

    def settings(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SETTING_FIELDS}


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Excel workbook (.xlsx)"),
        help_text=_("Columns: indicator code, year, quarter, value, source — one header row. At most 2 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB: split it into several files."), code="size")
        return upload


class ApplyImportForm(forms.Form):
    rows = forms.CharField(widget=forms.HiddenInput, max_length=2_000_000)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=255, required=False)
