"""The portal's content pages: home, invitation, opportunities, advantages, services, the
policy library and its finder. Each page is the same for every anonymous reader, so each is
served from the page cache (:func:`yunzhao.core.pagecache.public_page`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core.content import source_language
from yunzhao.core.pagecache import public_page
from yunzhao.indicators.queries import latest_figures
from yunzhao.portal import queries
from yunzhao.portal.finder import FinderForm
from yunzhao.portal.forms import PolicyFilterForm
from yunzhao.portal.models import AdvantageSection, Letter, Opportunity, Policy, ServiceEntry, Video

HOME_OPPORTUNITIES = 3
INVITATION_OPPORTUNITIES = 6


def invitation_context(*, letter: Letter | None, video: Video | None) -> dict[str, Any]:
    if video is not None and not hasattr(video, "tracks"):
        video.tracks = list(video.captions.all())  # type: ignore[attr-defined]
    return {
        "letter": letter,
        "video": video,
        "opportunities": list(queries.published_opportunities().filter(is_featured=True)[:INVITATION_OPPORTUNITIES]),
    }


def advantages_context(sections: list[AdvantageSection]) -> dict[str, Any]:
    """Each section with its figures, read from the indicators in one go."""
    codes = list(dict.fromkeys(code for section in sections for code in section.indicator_codes))
    figures = {figure.code: figure for figure in latest_figures(codes)} if codes else {}
    return {
        "sections": [
            (section, [figures[code] for code in section.indicator_codes if code in figures]) for section in sections
        ]
    }


def services_context(services: list[ServiceEntry]) -> dict[str, Any]:
    return {"groups": queries.services_by_category(services)}


@method_decorator(public_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        letter = queries.published_letter()
        return super().get_context_data(
            figures=queries.zone_figures(),
            letter=letter,
            opening=letter.opening() if letter else "",
            opportunities=list(queries.published_opportunities().filter(is_featured=True)[:HOME_OPPORTUNITIES]),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class InvitationView(TemplateView):
    """The leader's letter, the promotional film and the featured opportunities."""

    template_name = "portal/invitation.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = invitation_context(letter=queries.published_letter(), video=queries.published_video())
        return super().get_context_data(**context, **kwargs)


@method_decorator(public_page, name="dispatch")
class OpportunityListView(ListView):
    template_name = "portal/opportunity_list.html"
    paginate_by = 24

    def get_queryset(self) -> QuerySet[Opportunity]:
        return queries.published_opportunities().order_by("sort_order", "pk")


@method_decorator(public_page, name="dispatch")
class OpportunityDetailView(TemplateView):
    template_name = "portal/opportunity_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        opportunity = get_object_or_404(queries.published_opportunities(), pk=kwargs["pk"])
        return super().get_context_data(opportunity=opportunity, **kwargs)


@method_decorator(public_page, name="dispatch")
class AdvantagesView(TemplateView):
    """The four topics, each with the zone's current figures from the indicators."""

    template_name = "portal/advantages.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**advantages_context(list(queries.published_advantages())), **kwargs)


@method_decorator(public_page, name="dispatch")
class ServicesView(TemplateView):
    template_name = "portal/services.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**services_context(list(queries.published_services())), **kwargs)


def search_policies(policies: QuerySet[Policy], words: str) -> QuerySet[Policy]:
    """Policies whose title, summary or benefit contains every word, in the reader's or the source language."""
    languages = {get_language() or source_language(), source_language()}
    for word in words.split()[:8]:
        condition = Q()
        for language in languages:
            for name in ("title", "summary", "benefit"):
                condition |= Q(**{f"{build_localized_fieldname(name, language)}__icontains": word})
        policies = policies.filter(condition)
    return policies


@method_decorator(public_page, name="dispatch")
class PolicyListView(ListView):
    """The policy library, by topic and industry, with a search box."""

    template_name = "portal/policy_list.html"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Policy]:
        policies = queries.published_policies()
        self.filter_form = PolicyFilterForm(self.request.GET or None)
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            if data["topic"]:
                policies = policies.filter(topic=data["topic"])
            if data["industry"]:
                policies = queries.policies_for_industry(policies, data["industry"])
            if data["q"]:
                policies = search_policies(policies, data["q"])
        return policies

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(form=self.filter_form, filter_query=query.urlencode(), **kwargs)


@method_decorator(public_page, name="dispatch")
class PolicyDetailView(TemplateView):
    template_name = "portal/policy_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        policy = get_object_or_404(queries.published_policies(), pk=kwargs["pk"])
        return super().get_context_data(policy=policy, **kwargs)


@method_decorator(public_page, name="dispatch")
class FinderView(TemplateView):
    """ "Which policies apply to my project?" — a GET form: the answer can be bookmarked."""

    template_name = "portal/finder.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        asked = any(self.request.GET.get(name) for name in ("industry", "amount", "ownership", "jobs", "district"))
        form = FinderForm(self.request.GET if asked else None, initial={"currency": "CNY"})
        result = form.result() if asked and form.is_valid() else None
        return super().get_context_data(form=form, asked=asked, result=result, **kwargs)
