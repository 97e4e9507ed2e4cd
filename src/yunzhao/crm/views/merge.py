"""Probable duplicate enterprises and the tool that merges two of them into one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from yunzhao.core import search
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.formatting import format_date
from yunzhao.crm.duplicates import NAME_FIELDS, duplicate_groups, find_probable_duplicates
from yunzhao.crm.merge import ABSORB, KEEP, MERGE_FIELDS, MergeError, merge_enterprises, related_counts, resolve_choices
from yunzhao.crm.models import Enterprise
from yunzhao.crm.views.helpers import staff_user

GROUPS_PER_PAGE = 20
SEARCH_RESULTS = 20
_LANGUAGE_NAMES = dict(settings.LANGUAGES)
EMPTY = "—"


class EnterpriseDuplicatesView(OfficeAccessMixin, TemplateView):
    """Every group of enterprises on file that are probably one, with links to merge them."""

    template_name = "crm/enterprise_duplicates.html"
    permission_required = "crm.view_enterprise"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        page = Paginator(duplicate_groups(), GROUPS_PER_PAGE).get_page(self.request.GET.get("page"))
        ids = [pk for group in page for pk in group.enterprise_ids]
        enterprises = (
            Enterprise.objects.filter(pk__in=ids)
            .select_related("industry", "owner")
            .annotate(project_count=Count("projects", distinct=True), contact_count=Count("contacts", distinct=True))
            .in_bulk()
        )
        context["page_obj"] = page
        context["groups"] = [
            (
                group,
                [(enterprises[pk], other_names(enterprises[pk])) for pk in group.enterprise_ids if pk in enterprises],
            )
            for group in page
        ]
        return context


def other_names(enterprise: Enterprise) -> list[tuple[str, str]]:
    """(language code, name) of the enterprise's names other than the Chinese one."""
    names = []
    for code, _language in settings.LANGUAGES:
        name = getattr(enterprise, f"name_{code.replace('-', '_')}", None)
        if name and code != "zh-hans":
            names.append((code, name))
    return names


class _MergeAccessMixin(OfficeAccessMixin):
    permission_required = "crm.merge_enterprise"

    enterprise: Enterprise

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.enterprise = get_object_or_404(
            Enterprise.objects.select_related("industry", "owner", "department"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class MergeSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Find the other enterprise"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})


class EnterpriseMergeChooseView(_MergeAccessMixin, TemplateView):
    """Step one: which enterprise is merged into this one — its probable duplicates, or a search."""

    template_name = "crm/enterprise_merge.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        enterprise = self.enterprise
        form = MergeSearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context["object"] = enterprise
        context["search_form"] = form
        context["query"] = query
        context["duplicates"] = find_probable_duplicates(
            names=[getattr(enterprise, field) or "" for field in NAME_FIELDS],
            credit_code=enterprise.credit_code,
            registration_number=enterprise.registration_number,
            country=enterprise.country,
            exclude_pk=enterprise.pk,
        )
        if query:
            found = search.filter_queryset(Enterprise.objects.exclude(pk=enterprise.pk), query)
            context["results"] = list(found.order_by("name_zh_hans", "pk")[:SEARCH_RESULTS])
        return context


@dataclass(frozen=True)
class ComparedField:
    """One field of the two enterprises side by side; ``choice`` is the form's field when they differ."""

    name: str
    label: str
    keep_value: str
    absorb_value: str
    choice: forms.BoundField | None


def field_label(name: str) -> str:
    if name in NAME_FIELDS:
        language = _LANGUAGE_NAMES.get(name.removeprefix("name_").replace("_", "-"), name)
        return _("Name (%(language)s)") % {"language": language}
    field: Any = Enterprise._meta.get_field(name)
    return capfirst(str(field.verbose_name))


def shown_value(enterprise: Enterprise, name: str) -> str:
    field = Enterprise._meta.get_field(name)
    value = getattr(enterprise, name)
    if value is None or value == "":
        return EMPTY
    if getattr(field, "choices", None):
        return str(getattr(enterprise, f"get_{name}_display")())
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return format_date(value)
    return str(value)


class MergeForm(forms.Form):
    """For each field the two enterprises hold differently, which value survives."""

    confirm = forms.BooleanField(
        label=gettext_lazy("Move everything to the kept enterprise and delete the other one"), required=True
    )

    def __init__(self, *args: Any, keep: Enterprise, absorb: Enterprise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keep, self.absorb = keep, absorb
        defaults = resolve_choices(keep, absorb, {})
        self.compared_names: list[str] = []
        for name in MERGE_FIELDS:
            attname = str(getattr(Enterprise._meta.get_field(name), "attname", name))
            if getattr(keep, attname) == getattr(absorb, attname):
                continue
            self.fields[name] = forms.ChoiceField(
                label=field_label(name),
                choices=[(KEEP, shown_value(keep, name)), (ABSORB, shown_value(absorb, name))],
                initial=defaults[name],
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            self.compared_names.append(name)
        self.fields["confirm"].widget.attrs["class"] = "form-check-input"

    def rows(self) -> list[ComparedField]:
        """Every merge field but those empty on both sides."""
        return [
            ComparedField(
                name=name,
                label=field_label(name),
                keep_value=shown_value(self.keep, name),
                absorb_value=shown_value(self.absorb, name),
                choice=self[name] if name in self.fields else None,
            )
            for name in MERGE_FIELDS
            if name in self.fields or shown_value(self.keep, name) != EMPTY
        ]

    def choices(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.compared_names}


def version(enterprise: Enterprise) -> str:
    return enterprise.updated_at.isoformat()


class EnterpriseMergeView(_MergeAccessMixin, FormView):
    """Step two: the two side by side; the user picks the surviving values, then merges."""

    template_name = "crm/enterprise_merge_compare.html"
    form_class = MergeForm

    other: Enterprise

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if kwargs["pk"] == kwargs["other"]:
            return redirect("office:enterprise-merge", pk=kwargs["pk"])
        self.other = get_object_or_404(
            Enterprise.objects.select_related("industry", "owner", "department"), pk=kwargs["other"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(keep=self.enterprise, absorb=self.other)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        keep_counts, absorb_counts = related_counts(self.enterprise), related_counts(self.other)
        context["object"] = self.enterprise
        context["other"] = self.other
        context["counts"] = [
            (name, keep_counts[label][1], absorb_counts[label][1])
            for label, (name, _count) in keep_counts.items()
            if keep_counts[label][1] or absorb_counts[label][1]
        ]
        context["keep_version"] = version(self.enterprise)
        context["absorb_version"] = version(self.other)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (request.POST.get("keep_version"), request.POST.get("absorb_version")) != (
            version(self.enterprise),
            version(self.other),
        ):
            messages.warning(request, _("One of the two enterprises was changed meanwhile: check the values again."))
            return redirect("office:enterprise-merge-compare", pk=self.enterprise.pk, other=self.other.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: MergeForm) -> HttpResponse:
        absorbed_name = str(self.other)
        try:
            merge_enterprises(
                keep=self.enterprise, absorb=self.other, by=staff_user(self.request), choices=form.choices()
            )
        except (MergeError, ValidationError) as error:
            form.add_error(None, str(error) if isinstance(error, MergeError) else " ".join(error.messages))
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was merged into this enterprise.") % {"name": absorbed_name})
        return redirect("office:enterprise-detail", pk=self.enterprise.pk)
