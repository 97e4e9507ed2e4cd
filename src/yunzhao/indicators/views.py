"""Pages of the zone's figures: the back office's indicators, values and imports; the public overview."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from yunzhao.core import audit
from yunzhao.core.access import ObjectPermissionMixin, OfficeAccessMixin
from yunzhao.core.content import language_name, shown_language, source_language
from yunzhao.core.formatting import format_percent, format_percentage_points
from yunzhao.core.pagecache import public_page
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.indicators import display, entry, importing, queries
from yunzhao.indicators.forms import ApplyImportForm, ImportForm, IndicatorForm, ValueForm
from yunzhao.indicators.models import Indicator, IndicatorValue
from yunzhao.indicators.queries import IndicatorSummary


def _language(request: HttpRequest) -> str:
    wanted = request.GET.get("language", "")
    return wanted if wanted in dict(settings.LANGUAGES) else source_language()


class IndicatorObjectMixin(ObjectPermissionMixin):
    kwargs: dict[str, Any]

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(Indicator.objects.select_related("national_counterpart"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Indicator:
        return self.indicator


class IndicatorListView(OfficeAccessMixin, TemplateView):
    """Every indicator, with its latest value and what is derived from it."""

    template_name = "indicators/indicator_list.html"
    permission_required = "indicators.view_indicator"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        indicators = Indicator.objects.select_related("national_counterpart").order_by("sort_order", "code")
        rows = [_row(item) for item in queries.summaries(indicators)]
        return super().get_context_data(
            rows=rows, can_change=self.request.user.has_perm("indicators.change_indicatorvalue"), **kwargs
        )


def _row(item: IndicatorSummary) -> dict[str, Any]:
    latest = item.latest
    return {
        "indicator": item.indicator,
        "latest": latest,
        "period": queries.period_label(latest.period) if latest else "",
        "value": display.plain_value(item.indicator, latest.value) if latest else "",
        "yoy": display.signed_percent(latest.yoy_percent) if latest and latest.yoy_percent is not None else "",
        "gap": format_percentage_points(latest.gap_points, decimals=1)
        if latest and latest.gap_points is not None
        else "",
        "contribution": format_percent(latest.contribution_percent)
        if latest and latest.contribution_percent is not None
        else "",
    }


def _series_rows(item: IndicatorSummary) -> list[dict[str, Any]]:
    indicator = item.indicator
    return [
        {
            "figures": figures,
            "period": queries.period_label(figures.period),
            "value": display.plain_value(indicator, figures.value),
            "quarter_value": display.plain_value(indicator, figures.quarter_value),
            "yoy": display.signed_percent(figures.yoy_percent) if figures.yoy_percent is not None else "",
            "national_yoy": display.signed_percent(figures.national_yoy_percent)
            if figures.national_yoy_percent is not None
            else "",
            "gap": format_percentage_points(figures.gap_points, decimals=1) if figures.gap_points is not None else "",
            "contribution": format_percent(figures.contribution_percent)
            if figures.contribution_percent is not None
            else "",
        }
        for figures in item.series
    ]


class IndicatorDetailView(IndicatorObjectMixin, OfficeAccessMixin, TemplateView):
    """One indicator: its series, newest first, with the derived figures and the entered values."""

    template_name = "indicators/indicator_detail.html"
    permission_required = "indicators.view_indicator"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        item = queries.summary(self.indicator)
        entries = {
            (value.year, value.quarter): value
            for value in IndicatorValue.objects.filter(indicator=self.indicator).select_related("updated_by")
        }
        rows = _series_rows(item)
        for row in rows:
            row["entry"] = entries.get(row["figures"].period)
        return super().get_context_data(
            indicator=self.indicator,
            object=self.indicator,
            rows=list(reversed(rows)),
            statuses=self.indicator.translation_status(),
            can_change=self.request.user.has_perm("indicators.change_indicatorvalue", self.indicator),
            history=audit.history_for(self.indicator)[:30],
            **kwargs,
        )


class ValueCreateView(IndicatorObjectMixin, OfficeAccessMixin, FormView):
    form_class = ValueForm
    template_name = "indicators/value_form.html"
    permission_required = "indicators.change_indicatorvalue"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(indicator=self.indicator, **kwargs)

    def form_valid(self, form: ValueForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            entry.enter_value(
                indicator=self.indicator,
                year=data["year"],
                quarter=data["quarter"],
                value=data["value"],
                source=data["source"],
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The value was saved."))
        return redirect("office:indicator-detail", pk=self.indicator.pk)


class ValueObjectMixin(ObjectPermissionMixin):
    kwargs: dict[str, Any]

    @cached_property
    def entry(self) -> IndicatorValue:
        return get_object_or_404(IndicatorValue.objects.select_related("indicator"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Indicator:
        return self.entry.indicator


class ValueUpdateView(ValueObjectMixin, OfficeAccessMixin, FormView):
    form_class = ValueForm
    template_name = "indicators/value_form.html"
    permission_required = "indicators.change_indicatorvalue"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "editing": True}

    def get_initial(self) -> dict[str, Any]:
        return {"value": str(self.entry.value.normalize()), "source": self.entry.source}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            indicator=self.entry.indicator,
            entry=self.entry,
            period=queries.period_label(self.entry.period),
            **kwargs,
        )

    def form_valid(self, form: ValueForm) -> HttpResponse:
        try:
            entry.change_value(
                entry=self.entry,
                value=form.cleaned_data["value"],
                source=form.cleaned_data["source"],
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The value was saved."))
        return redirect("office:indicator-detail", pk=self.entry.indicator_id)


class ValueDeleteView(ValueObjectMixin, OfficeAccessMixin, View):
    permission_required = "indicators.change_indicatorvalue"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator_id = self.entry.indicator_id
        entry.remove_value(entry=self.entry, by=staff_user(request))
        messages.success(request, _("The value was removed."))
        return redirect("office:indicator-detail", pk=indicator_id)


class IndicatorFormMixin:
    request: HttpRequest

    @cached_property
    def language(self) -> str:
        return _language(self.request)

    def language_links(self, statuses: list[Any] | None) -> list[dict[str, Any]]:
        states = {status.code: status for status in statuses or []}
        return [
            {"code": code, "name": name, "status": states.get(code), "current": code == self.language}
            for code, name in settings.LANGUAGES
        ]


class IndicatorCreateView(IndicatorFormMixin, OfficeAccessMixin, FormView):
    form_class = IndicatorForm
    template_name = "indicators/indicator_form.html"
    permission_required = "indicators.change_indicator"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "language": self.language}

    def get_initial(self) -> dict[str, Any]:
        return {"scale": 0, "decimals": 2, "sort_order": 100, "status": "draft"}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(language=self.language, languages=self.language_links(None), **kwargs)

    def form_valid(self, form: IndicatorForm) -> HttpResponse:
        try:
            indicator = entry.create_indicator(
                code=form.cleaned_data["code"],
                language=self.language,
                texts=form.texts(),
                settings=form.settings(),
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The indicator was saved."))
        return redirect("office:indicator-detail", pk=indicator.pk)


class IndicatorUpdateView(IndicatorFormMixin, IndicatorObjectMixin, OfficeAccessMixin, FormView):
    """An indicator's texts in the language picked (``?language=ja``) and its settings."""

    form_class = IndicatorForm
    template_name = "indicators/indicator_form.html"
    permission_required = "indicators.change_indicator"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "language": self.language, "instance": self.indicator}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            indicator=self.indicator,
            object=self.indicator,
            language=self.language,
            languages=self.language_links(self.indicator.translation_status()),
            **kwargs,
        )

    def form_valid(self, form: IndicatorForm) -> HttpResponse:
        try:
            entry.update_indicator(
                indicator=self.indicator,
                language=self.language,
                texts=form.texts(),
                settings=form.settings(),
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The indicator was saved."))
        return redirect(f"{self.request.path}?language={self.language}")


class ImportView(OfficeAccessMixin, FormView):
    """Upload a workbook: the preview lists every row, with what is wrong in each."""

    form_class = ImportForm
    template_name = "indicators/import.html"
    permission_required = "indicators.change_indicatorvalue"

    def form_valid(self, form: ImportForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        preview = importing.read_workbook(upload, size=upload.size)
        apply_form = ApplyImportForm(initial={"rows": preview.signed(), "file_name": upload.name[:255]})
        rows = [
            {
                "row": row,
                "period": queries.period_label((row.year, row.quarter)),
            }
            for row in preview.rows
        ]
        return self.render_to_response(
            self.get_context_data(form=form, preview=preview, rows=rows, apply_form=apply_form)
        )


class ImportApplyView(OfficeAccessMixin, View):
    permission_required = "indicators.change_indicatorvalue"

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ApplyImportForm(request.POST)
        if not form.is_valid():
            raise Http404
        try:
            rows = importing.rows_from_signed(form.cleaned_data["rows"])
            count = importing.apply_import(rows=rows, by=staff_user(request), file_name=form.cleaned_data["file_name"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("office:indicator-import")
        messages.success(request, _("%(count)s values were imported.") % {"count": count})
        return redirect("office:indicator-list")


class ImportTemplateView(OfficeAccessMixin, View):
    permission_required = "indicators.view_indicator"

    def get(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(
            importing.template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="indicator-values.xlsx"'
        return response


# --- The public overview -----------------------------------------------------------------


def _shown_in(indicator: Indicator, field: str) -> str:
    """The language ``field`` is shown in when the reader's is empty ("" when it is not)."""
    return shown_language(indicator, field) if indicator.is_fallback(field) else ""


CHART_PERIODS = 8


def _chart(item: IndicatorSummary) -> dict[str, Any]:
    indicator = item.indicator
    recent = item.series[-CHART_PERIODS:]
    rows = _series_rows(IndicatorSummary(indicator=indicator, series=recent))
    values = [row["figures"].quarter_value for row in rows]
    return {
        "indicator": indicator,
        "rows": rows,
        "dom_id": f"chart-{indicator.code}",
        "data": {
            "labels": [row["period"] for row in rows],
            "values": [float(value) if value is not None else None for value in values],
            "yoy": [
                float(row["figures"].yoy_percent) if row["figures"].yoy_percent is not None else None for row in rows
            ],
            "name": _("%(name)s in the quarter (%(unit)s)") % {"name": indicator.name, "unit": indicator.unit}
            if indicator.is_flow
            else _("%(name)s at the end of the quarter (%(unit)s)") % {"name": indicator.name, "unit": indicator.unit},
            "yoyName": _("Year on year, year to date (%)") if indicator.is_flow else _("Year on year (%)"),
            "rtl": bool(get_language_bidi()),
            "locale": get_language() or "",
            "decimals": indicator.decimals,
        },
    }


def _chosen_period(text: str, periods: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quarter ``?quarter=2023-Q1`` asks for, if the figures have it; else None (the latest)."""
    year, _sep, quarter = text.partition("-Q")
    if not (year.isdigit() and quarter.isdigit()):
        return None
    period = (int(year), int(quarter))
    return period if period in periods else None


@method_decorator(public_page, name="dispatch")
class OverviewView(TemplateView):
    """The zone in figures: the latest quarter's headline figures, then a chart and its table each."""

    template_name = "indicators/overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        items = [item for item in queries.summaries(queries.overview_indicators()) if item.latest]
        periods = sorted({figures.period for item in items for figures in item.series}, reverse=True)
        chosen = _chosen_period(self.request.GET.get("quarter", ""), periods)
        headlines: list[dict[str, Any]] = []
        for item in items:
            shown = [figures for figures in item.series if chosen is None or figures.period <= chosen]
            if not shown:
                continue
            latest = shown[-1]
            headlines.append(
                {
                    "indicator": item.indicator,
                    "value": display.headline_value(item.indicator, latest.value),
                    "derived": display.headline_parts(item.indicator, latest)[1:],
                    "period": queries.period_label(latest.period),
                    "name_language": _shown_in(item.indicator, "name"),
                }
            )
        charts = [_chart(item) for item in items if len(item.series) > 1]
        fallbacks = sorted({str(item["name_language"]) for item in headlines if item["name_language"]})
        return super().get_context_data(
            headlines=headlines,
            quarters=[(f"{year}-Q{quarter}", queries.period_label((year, quarter))) for year, quarter in periods],
            chosen_quarter=f"{chosen[0]}-Q{chosen[1]}" if chosen else "",
            fallback_languages=[language_name(code) for code in fallbacks],
            charts=charts,
            chart_data={chart["dom_id"]: chart["data"] for chart in charts},
            **kwargs,
        )
