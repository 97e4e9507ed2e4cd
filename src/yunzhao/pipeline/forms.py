"""Forms of the project pages: they parse input; the domain functions in ``projects``,
``lifecycle`` and ``circulation`` do the work."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from yunzhao.accounts.models import Department
from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.models import Channel, Enterprise, Industry
from yunzhao.pipeline.lifecycle import allowed_stages
from yunzhao.pipeline.models import MAIN_LINE, Project, Stage
from yunzhao.pipeline.projects import EDITABLE_FIELDS


class ProjectForm(StyledFormMixin, forms.ModelForm):
    """A project's own fields, with the version it was loaded at (no lost update) and, for
    people without a department (administrators), the department that will work it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    #: The newest audit entry about the project when the form was loaded: what came after is "their change".
    loaded_entry = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        fields = list(EDITABLE_FIELDS)
        labels = {
            "title_zh_hans": _("Title in Chinese"),
            "title_en": _("Title in English"),
            "title_ja": _("Title in Japanese"),
            "title_ko": _("Title in Korean"),
        }
        widgets = {"currency": forms.TextInput(attrs={"maxlength": 3, "autocomplete": "off"})}

    def __init__(self, *args: Any, with_department: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_zh_hans"].required = True
        enterprise = self.fields["enterprise"]
        industry = self.fields["industry"]
        channel = self.fields["channel"]
        assert isinstance(enterprise, forms.ModelChoiceField)
        assert isinstance(industry, forms.ModelChoiceField)
        assert isinstance(channel, forms.ModelChoiceField)
        enterprise.queryset = Enterprise.objects.order_by("name", "pk")
        industry.queryset = Industry.objects.filter(parent__isnull=True).order_by("code")
        channel.queryset = Channel.objects.order_by("name", "pk")
        if with_department:
            self.fields["department"] = forms.ModelChoiceField(
                label=_("Department"),
                queryset=Department.objects.filter(is_active=True).order_by("path"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "").strip().upper()

    def values(self) -> dict[str, Any]:
        """What to hand to ``create_project`` / ``update_project``, amounts at the column's scale
        (so 10000000 and 10000000.00 do not count as a change)."""
        values = {name: self.cleaned_data[name] for name in EDITABLE_FIELDS if name in self.cleaned_data}
        for name, value in values.items():
            field = Project._meta.get_field(name)
            if isinstance(value, Decimal) and isinstance(field, models.DecimalField):
                values[name] = value.quantize(Decimal(1).scaleb(-field.decimal_places))
        return values


class MoveForm(StyledFormMixin, forms.Form):
    """Move a project to another stage: the reason when the move needs one, and a date for a back-dated move."""

    to_stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to move back, to put on hold, to mark lost, to reopen, and for a move dated in the past."),
    )
    effective_at = forms.DateTimeField(
        label=_("Took effect"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty for now."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    next = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)
        stage = self.fields["to_stage"]
        assert isinstance(stage, forms.ChoiceField)
        targets = allowed_stages(project)
        stage.choices = [(s.value, s.label) for s in targets]
        if project.stage in MAIN_LINE and not self.initial.get("to_stage"):
            following = MAIN_LINE[MAIN_LINE.index(Stage(project.stage)) + 1 :]
            if following and following[0] in targets:
                self.initial["to_stage"] = following[0].value


class HandoverForm(StyledFormMixin, forms.Form):
    to_department = forms.ModelChoiceField(label=_("Hand over to"), queryset=Department.objects.none())
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Department.objects.filter(is_active=True).exclude(pk=project.department_id).order_by("path")


class RejectHandoverForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why you reject it"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    next = forms.CharField(widget=forms.HiddenInput, required=False)


class CancelHandoverForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why you withdraw it"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False)


class SavedViewForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of this view"), max_length=80)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def clean_name(self) -> str:
        return str(self.cleaned_data["name"]).strip()
