from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from openpyxl.utils import get_column_letter

from yunzhao.core.forms import StyledFormMixin
from yunzhao.workbooks.columns import columns_for
from yunzhao.workbooks.models import DuplicateChoice, ImportJob
from yunzhao.workbooks.reading import MAX_UPLOAD_BYTES, is_xlsx


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Excel workbook (.xlsx)"),
        help_text=_("The first row holds the column headers; each further row is one record."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is %(size)s; at most %(limit)s can be imported at once. Split it into several workbooks."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)},
            )
        if not is_xlsx(upload):
            raise ValidationError(
                _(
                    "This file is not an Excel workbook (.xlsx). In Excel, choose “Save as” › "
                    "“Excel Workbook (*.xlsx)” and upload that file."
                ),
                code="not_xlsx",
            )
        return upload


class SheetForm(StyledFormMixin, forms.Form):
    sheet = forms.ChoiceField(label=_("Sheet"))

    def __init__(self, *args: Any, job: ImportJob, **kwargs: Any) -> None:
        super().__init__(*args, initial={"sheet": job.sheet}, **kwargs)
        field = self.fields["sheet"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(name, name) for name in job.sheet_names]


class MappingForm(StyledFormMixin, forms.Form):
    """One choice per column of the sheet: which field it fills, or nothing."""

    def __init__(self, *args: Any, job: ImportJob, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.job = job
        choices: list[tuple[str, Any]] = [("", pgettext_lazy("column mapping", "— not imported —"))]
        choices += [(column.key, column.header()) for column in columns_for(job.kind)]
        for index, header in enumerate(job.headers):
            letter = get_column_letter(index + 1)
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header or _("Column %(letter)s") % {"letter": letter},
                required=False,
                choices=choices,
                initial=job.mapping.get(str(index), ""),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"column_{index}"].letter = letter  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: dict[str, str] = {}
        labels = {column.key: column.header() for column in columns_for(self.job.kind)}
        for name, key in list(data.items()):
            if not key:
                continue
            if key in seen:
                self.add_error(
                    name,
                    ValidationError(
                        _("“%(field)s” is already filled from column %(other)s."),
                        code="mapped_twice",
                        params={"field": labels[key], "other": seen[key]},
                    ),
                )
            else:
                seen[key] = self.fields[name].letter  # type: ignore[attr-defined]
        missing = [
            labels[column.key] for column in columns_for(self.job.kind) if column.required and column.key not in seen
        ]
        if missing:
            raise ValidationError(
                _("Choose a column for every required field: %(fields)s."),
                code="required_missing",
                params={"fields": ", ".join(missing)},
            )
        return data

    def mapping(self) -> dict[str, str]:
        return {
            name.removeprefix("column_"): key
            for name, key in self.cleaned_data.items()
            if name.startswith("column_") and key
        }


class ReviewForm(forms.Form):
    """The person's choice for each duplicate shown, a default for the rest, and what to do with invalid rows."""

    default_decision = forms.ChoiceField(
        label=_("For duplicates not listed here"),
        choices=DuplicateChoice.choices,
        initial=DuplicateChoice.SKIP,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    skip_invalid = forms.BooleanField(label=_("Leave out the rows with errors and import the others"), required=False)

    def __init__(self, *args: Any, job: ImportJob, shown: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_decision"].initial = job.default_decision
        self.fields["skip_invalid"].initial = job.skip_invalid
        for entry in shown:
            row = int(entry["row"])
            self.fields[f"row_{row}"] = forms.ChoiceField(
                label=_("Row %(row)s") % {"row": row},
                choices=DuplicateChoice.choices,
                initial=job.decision_for(row),
                widget=forms.RadioSelect,
            )

    def decisions(self) -> dict[str, str]:
        return {
            name.removeprefix("row_"): value for name, value in self.cleaned_data.items() if name.startswith("row_")
        }
