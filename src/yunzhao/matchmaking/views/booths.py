"""The online fair's public face at /<lang>/fairs/: the fairs, a fair's halls, a hall's booths,
a booth with its products, documents, video and live sessions, a product, and the search over
the fair's booths and products in every language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from yunzhao.core.content import Publication
from yunzhao.matchmaking import access, indexing
from yunzhao.matchmaking.models import Booth, Fair, Hall, Participant, Product, Role
from yunzhao.matchmaking.recommending.reasons import country_name

VIDEO_FILE = re.compile(r"\.(mp4|webm|ogv|ogg)(\?.*)?$", re.IGNORECASE)
SPECIFICATION = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$")


def optional_url(name: str, *args: Any) -> str:
    """The address of ``name`` if that page exists (another part of the fair may not be built)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class Link:
    url: str
    label: str


def specifications(text: str) -> list[tuple[str, str]]:
    """``name: value`` lines as pairs; a line without a colon is a value without a name."""
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = SPECIFICATION.match(line)
        rows.append((match.group(1), match.group(2)) if match else ("", line.strip()))
    return rows


def label_countries(booths: Iterable[Booth]) -> None:
    """Give each booth its country's name in the reader's language as ``country_label``."""
    language = get_language() or ""
    for booth in booths:
        booth.country_label = country_name(booth.country, language)  # type: ignore[attr-defined]


def can_preview(user: Any, booth: Booth) -> bool:
    return access.is_staff(user) or access.runs_booth(user, booth)


class FairMixin:
    kwargs: dict[str, Any]
    request: Any

    @cached_property
    def fair(self) -> Fair:
        return access.fair_for_reader(self.request.user, self.kwargs["slug"])

    def fair_context(self) -> dict[str, Any]:
        return {"fair": self.fair, "search_url": reverse("fairs:search", args=[self.fair.slug])}


class FairListView(ListView):
    """Published fairs, the latest first."""

    template_name = "matchmaking/booths/fair_list.html"
    context_object_name = "fairs"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Fair]:
        return access.published_fairs().annotate(
            booth_count=Count("booths", filter=Q(booths__status=Publication.PUBLISHED))
        )


class FairDetailView(FairMixin, TemplateView):
    """A fair: summary, dates, halls with their booth counts and the ways to take part."""

    template_name = "matchmaking/booths/fair_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair
        halls = (
            Hall.objects.filter(fair=fair, status=Publication.PUBLISHED)
            .select_related("industry")
            .annotate(booth_count=Count("booths", filter=Q(booths__status=Publication.PUBLISHED)))
        )
        links = [
            Link(optional_url("fairs:join", fair.slug), str(_("Join the matchmaking"))),
            Link(optional_url("fairs:recommendations", fair.slug), str(_("Whom to meet"))),
            Link(optional_url("fairs:agenda", fair.slug), str(_("My agenda"))),
        ]
        runs_booths = access.booths_run_by(self.request.user, fair).exists()
        return super().get_context_data(
            **self.fair_context(),
            halls=list(halls),
            links=[link for link in links if link.url],
            exhibitor_url=reverse("fairs:exhibitor-home", args=[fair.slug]) if runs_booths else "",
            **kwargs,
        )


class HallDetailView(FairMixin, ListView):
    """A hall's published booths with logo, name, country and industry."""

    template_name = "matchmaking/booths/hall_detail.html"
    context_object_name = "booths"
    paginate_by = 24

    @cached_property
    def hall(self) -> Hall:
        return get_object_or_404(Hall, fair=self.fair, pk=self.kwargs["pk"], status=Publication.PUBLISHED)

    def get_queryset(self) -> QuerySet[Booth]:
        return indexing.published_booths(self.fair).filter(hall=self.hall).select_related("industry")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**self.fair_context(), hall=self.hall, **kwargs)
        label_countries(context["booths"])
        return context


def booth_for_reader(user: Any, fair: Fair, pk: int) -> Booth:
    booth: Booth = get_object_or_404(Booth.objects.select_related("hall", "industry"), fair=fair, pk=pk)
    if not booth.is_published and not can_preview(user, booth):
        raise Http404("no such booth")
    return booth


class BoothDetailView(FairMixin, TemplateView):
    """A booth: the exhibitor in the reader's language, video, live sessions, products, documents."""

    template_name = "matchmaking/booths/booth_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair
        booth = booth_for_reader(self.request.user, fair, self.kwargs["pk"])
        exhibitor = Participant.objects.filter(booth=booth, role=Role.EXHIBITOR, is_active=True).order_by("pk").first()
        sessions = booth.live_sessions.select_related("event").order_by("starts_at", "pk")
        return super().get_context_data(
            **self.fair_context(),
            booth=booth,
            preview=not booth.is_published,
            country=country_name(booth.country, get_language() or ""),
            products=list(booth.products.filter(status=Publication.PUBLISHED)),
            documents=list(booth.documents.all()),
            sessions=list(sessions),
            video_is_file=bool(VIDEO_FILE.search(booth.video_url)),
            enquiry_url=optional_url("fairs:enquiry-create", fair.slug, booth.pk),
            meeting_url=optional_url("fairs:participant-detail", fair.slug, exhibitor.pk) if exhibitor else "",
            can_edit=access.runs_booth(self.request.user, booth),
            **kwargs,
        )


class ProductDetailView(FairMixin, TemplateView):
    """A product: image, specifications, minimum order, price range and certifications."""

    template_name = "matchmaking/booths/product_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        product: Product = get_object_or_404(
            Product.objects.select_related("booth", "booth__hall"), booth__fair=self.fair, pk=self.kwargs["pk"]
        )
        visible = product.is_published and product.booth.is_published
        if not visible and not can_preview(self.request.user, product.booth):
            raise Http404("no such product")
        enquiry_url = optional_url("fairs:enquiry-create", self.fair.slug, product.booth_id)
        return super().get_context_data(
            **self.fair_context(),
            product=product,
            booth=product.booth,
            preview=not visible,
            specifications=specifications(product.specifications),
            certifications=[c.strip() for c in re.split(r"[,，、;；]", product.certifications) if c.strip()],
            enquiry_url=enquiry_url,
            **kwargs,
        )


class FairSearchView(FairMixin, TemplateView):
    """Booths and products of the fair matching the query, in any of the eight languages."""

    template_name = "matchmaking/booths/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "")[:200]
        result = indexing.search_fair(self.fair, query)
        label_countries(result.booths)
        return super().get_context_data(
            **self.fair_context(),
            query=result.query,
            result=result,
            searched=bool(result.query),
            **kwargs,
        )
