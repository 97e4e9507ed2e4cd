"""Investment channel pages: the list sorted by yield, the page with its projects and yield by year, its forms."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm import channels
from yunzhao.crm.forms import ChannelForm
from yunzhao.crm.models import Channel
from yunzhao.crm.queries import channel_report, filtered_channels
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.pipeline.models import LANDED_STAGES, SIGNED_STAGES


class ChannelListView(OfficeAccessMixin, ListView):
    """Every channel with its yield in one query, filtered by kind, country, keeper and words."""

    paginate_by = 25
    template_name = "crm/channel_list.html"
    permission_required = "crm.view_channel"

    def get_queryset(self) -> QuerySet[Channel]:
        self.filter_form, queryset = filtered_channels(self.request.GET)
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = self.filter_form.is_bound and self.filter_form.is_filtered()
        return context


class ChannelDetailView(OfficeAccessMixin, TemplateView):
    """One channel: who keeps it, its yield, its yield by year and the projects it brought."""

    template_name = "crm/channel_detail.html"
    permission_required = "crm.view_channel"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            report = channel_report(self.kwargs["pk"], user=self.request.user)
        except Channel.DoesNotExist as error:
            raise Http404 from error
        channel = report.channel
        names = [
            (code, ChannelForm.Meta.labels[field], getattr(channel, field))
            for code, _name in settings.LANGUAGES
            if getattr(channel, field := build_localized_fieldname("name", code))
        ]
        context.update(
            object=channel,
            channel=channel,
            report=report,
            names=names,
            signed_stages=[stage.value for stage in SIGNED_STAGES],
            landed_stages=[stage.value for stage in LANDED_STAGES],
            history=audit.history_for(channel)[:50],
        )
        return context


class ChannelCreateView(OfficeAccessMixin, FormView):
    form_class = ChannelForm
    template_name = "crm/channel_form.html"
    permission_required = "crm.add_channel"

    def get_initial(self) -> dict[str, Any]:
        return {"keeper": self.request.user}

    def form_valid(self, form: ChannelForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            channel = channels.create_channel(by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The channel was saved."))
        return redirect("office:channel-detail", pk=channel.pk)


class ChannelUpdateView(OfficeAccessMixin, FormView):
    form_class = ChannelForm
    template_name = "crm/channel_form.html"
    permission_required = "crm.change_channel"

    @cached_property
    def channel(self) -> Channel:
        return get_object_or_404(Channel, pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.channel}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # The form changed its copy while validating; the page heading shows the saved name.
        return super().get_context_data(object=Channel.objects.get(pk=self.channel.pk), **kwargs)

    def form_valid(self, form: ChannelForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        fresh = Channel.objects.get(pk=self.channel.pk)
        try:
            channels.update_channel(channel=fresh, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The channel was saved."))
        return redirect("office:channel-detail", pk=fresh.pk)
