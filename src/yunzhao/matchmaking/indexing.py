"""What of a booth or a product the fair's search finds, and the search itself.

Booths: their exhibitor's name and description in every language and the booth number.
Products: their name, description and specifications in every language and their
certifications.  Entries are written on every save (:mod:`yunzhao.matchmaking.booths`), so a
Japanese name typed in the exhibitor area is found at once; the search only returns published
booths and products of published booths of the one fair.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import search
from yunzhao.core.content import Publication
from yunzhao.matchmaking.models import Booth, Fair, Product

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
BOOTH_FIELDS = [build_localized_fieldname(name, code) for name in Booth.TRANSLATED_FIELDS for code in LANGUAGE_CODES]
PRODUCT_FIELDS = [
    build_localized_fieldname(name, code) for name in Product.TRANSLATED_FIELDS for code in LANGUAGE_CODES
]
MAX_RESULTS = 50


def booth_texts(booth: Booth) -> list[str]:
    return [*(getattr(booth, field) or "" for field in BOOTH_FIELDS), booth.number]


def product_texts(product: Product) -> list[str]:
    return [*(getattr(product, field) or "" for field in PRODUCT_FIELDS), product.certifications]


def index_booth(booth: Booth) -> None:
    search.index_object(booth, *booth_texts(booth))


def index_product(product: Product) -> None:
    search.index_object(product, *product_texts(product))


def rebuild_index() -> int:
    """Re-index every booth and product; returns how many entries were written."""
    booths = Booth.objects.only("pk", "number", *BOOTH_FIELDS).order_by("pk").iterator(chunk_size=1000)
    written = search.rebuild_model_index(Booth, ((b.pk, booth_texts(b)) for b in booths))
    products = Product.objects.only("pk", "certifications", *PRODUCT_FIELDS).order_by("pk").iterator(chunk_size=1000)
    return written + search.rebuild_model_index(Product, ((p.pk, product_texts(p)) for p in products))


def published_booths(fair: Fair) -> QuerySet[Booth]:
    return Booth.objects.filter(fair=fair, status=Publication.PUBLISHED)


def published_products(fair: Fair) -> QuerySet[Product]:
    return Product.objects.filter(booth__fair=fair, booth__status=Publication.PUBLISHED, status=Publication.PUBLISHED)


@dataclass(frozen=True)
class FairSearchResult:
    query: str
    booths: list[Booth]
    products: list[Product]

    @property
    def count(self) -> int:
        return len(self.booths) + len(self.products)


def search_fair(fair: Fair, query: str, *, limit: int = MAX_RESULTS) -> FairSearchResult:
    """The published booths and products of ``fair`` matching ``query`` in any language.

    An empty query (or one without a single word) finds nothing.
    """
    query = query.strip()
    if not search.query_tokens(query):
        return FairSearchResult(query=query, booths=[], products=[])
    booths = (
        search.filter_queryset(published_booths(fair), query)
        .select_related("hall", "industry")
        .order_by("hall__position", "number", "pk")[:limit]
    )
    products = (
        search.filter_queryset(published_products(fair), query)
        .select_related("booth")
        .order_by("booth__number", "position", "pk")[:limit]
    )
    return FairSearchResult(query=query, booths=list(booths), products=list(products))
