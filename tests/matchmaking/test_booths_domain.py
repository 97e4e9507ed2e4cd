"""Booths, products and documents as exhibitors change them, and the fair's search in every language."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, ProductFactory
from yunzhao.core.models import AuditEntry
from yunzhao.matchmaking import booths, indexing
from yunzhao.matchmaking.models import Booth, BoothDocument, Product

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def names(result: indexing.FairSearchResult) -> tuple[list[int], list[int]]:
    return [b.pk for b in result.booths], [p.pk for p in result.products]


def test_save_booth_indexes_japanese_chinese_and_english_text():
    booth = BoothFactory(name_zh_hans="华光储能", name_en="Huaguang Storage")
    exhibitor = ExhibitorFactory()
    booths.save_booth(
        booth=booth,
        language="ja",
        by=exhibitor,
        values={"name_ja": "華光蓄電池株式会社", "description_ja": "家庭用の蓄電池を作っています。"},
    )
    fair = booth.fair
    assert names(indexing.search_fair(fair, "蓄電池")) == ([booth.pk], [])
    assert names(indexing.search_fair(fair, "株式会社")) == ([booth.pk], [])
    assert names(indexing.search_fair(fair, "储能")) == ([booth.pk], [])
    assert names(indexing.search_fair(fair, "huaguang")) == ([booth.pk], [])
    assert names(indexing.search_fair(fair, "风电")) == ([], [])
    booth.refresh_from_db()
    assert "ja" in booth.translated_at
    entry = AuditEntry.objects.get(action="fair.booth.changed")
    assert entry.actor == exhibitor
    assert entry.data == {"language": "ja"}
    assert entry.after["name_ja"] == "華光蓄電池株式会社"


def test_search_finds_products_in_any_language_grouped_apart_from_booths():
    booth = BoothFactory()
    exhibitor = ExhibitorFactory()
    product = booths.save_product(
        product=Product(booth=booth),
        language="zh-hans",
        by=exhibitor,
        values={"name_zh_hans": "磷酸铁锂储能柜", "specifications_zh_hans": "容量: 215 kWh", "certifications": "CE"},
    )
    booths.save_product(product=product, language="ja", by=exhibitor, values={"name_ja": "リン酸鉄リチウム蓄電池"})
    result = indexing.search_fair(booth.fair, "リチウム")
    assert names(result) == ([], [product.pk])
    assert names(indexing.search_fair(booth.fair, "kwh")) == ([], [product.pk])
    assert names(indexing.search_fair(booth.fair, "ce")) == ([], [product.pk])


def test_search_leaves_out_unpublished_booths_their_products_and_other_fairs():
    shown = BoothFactory(name_zh_hans="储能甲")
    hidden = BoothFactory(fair=shown.fair, name_zh_hans="储能乙", status="draft")
    elsewhere = BoothFactory(name_zh_hans="储能丙")
    hidden_product = ProductFactory(booth=hidden, name_zh_hans="储能柜")
    for booth in (shown, hidden, elsewhere):
        indexing.index_booth(booth)
    indexing.index_product(hidden_product)
    assert names(indexing.search_fair(shown.fair, "储能")) == ([shown.pk], [])


def test_unpublishing_hides_a_booth_from_the_search():
    booth = BoothFactory(name_zh_hans="储能")
    indexing.index_booth(booth)
    exhibitor = ExhibitorFactory()
    booths.unpublish_booth(booth=booth, by=exhibitor)
    assert names(indexing.search_fair(booth.fair, "储能")) == ([], [])
    booths.publish_booth(booth=booth, by=exhibitor)
    assert names(indexing.search_fair(booth.fair, "储能")) == ([booth.pk], [])
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "fair.booth.unpublished",
        "fair.booth.published",
    ]


def test_an_empty_query_finds_nothing():
    booth = BoothFactory()
    indexing.index_booth(booth)
    assert indexing.search_fair(booth.fair, "  ").count == 0


def test_save_product_refuses_a_reversed_price_range():
    booth = BoothFactory()
    with pytest.raises(ValidationError):
        booths.save_product(
            product=Product(booth=booth),
            language="en",
            by=ExhibitorFactory(),
            values={"name_en": "Cabinet", "price_min": Decimal("10"), "price_max": Decimal("5")},
        )
    assert Product.objects.count() == 0


def test_delete_product_drops_it_from_the_search():
    product = ProductFactory(name_zh_hans="储能柜")
    indexing.index_product(product)
    booths.delete_product(product=product, by=ExhibitorFactory())
    assert Product.objects.count() == 0
    assert indexing.search_fair(product.booth.fair, "储能").count == 0
    assert AuditEntry.objects.filter(action="fair.product.deleted").count() == 1


def test_add_document_checks_the_content_not_the_name():
    booth = BoothFactory()
    exhibitor = ExhibitorFactory()
    with pytest.raises(ValidationError):
        booths.add_document(
            booth=booth,
            title="Brochure",
            file=SimpleUploadedFile("brochure.pdf", b"MZ\x90\x00 not a pdf"),
            language="",
            by=exhibitor,
        )
    document = booths.add_document(
        booth=booth, title="Brochure", file=SimpleUploadedFile("brochure.pdf", PDF), language="en", by=exhibitor
    )
    assert list(BoothDocument.objects.values_list("title", "language")) == [("Brochure", "en")]
    booths.delete_document(document=document, by=exhibitor)
    assert BoothDocument.objects.count() == 0
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "fair.document.added",
        "fair.document.deleted",
    ]


def test_check_image_refuses_a_pdf_named_like_a_png():
    with pytest.raises(ValidationError):
        booths.check_image(io.BytesIO(PDF), name="logo.png")


def test_rebuild_index_writes_every_booth_and_product():
    fair = FairFactory()
    booth = BoothFactory(fair=fair)
    ProductFactory(booth=booth)
    assert indexing.rebuild_index() == 2
    assert names(indexing.search_fair(fair, "储能柜")) == ([], [Product.objects.get().pk])
    assert Booth.objects.count() == 1
