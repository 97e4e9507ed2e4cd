"""The fair's public pages and the exhibitor area, as visitors and exhibitors see them."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import EventFactory, UserFactory
from tests.matchmaking.factories import (
    BoothFactory,
    ExhibitorFactory,
    FairFactory,
    HallFactory,
    ParticipantFactory,
    ProductFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.events.models import ProgrammeItem
from yunzhao.matchmaking import indexing
from yunzhao.matchmaking.models import Booth, BoothDocument, Product

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def booth():
    booth = BoothFactory(
        name_zh_hans="华光储能科技有限公司",
        name_en="Huaguang Energy Storage",
        description_zh_hans="家用储能系统制造商。",
        description_en="Maker of home energy storage.",
        country="CN",
        website="https://huaguang.example.cn",
        video_url="https://media.example.cn/booth.mp4",
    )
    indexing.index_booth(booth)
    return booth


@pytest.fixture
def exhibitor(booth):
    user = ExhibitorFactory(full_name="王芳")
    booth.accounts.add(user)
    return user


# --- Public pages --------------------------------------------------------------------------


def test_fair_list_shows_published_fairs_only_in_chinese_by_default(client):
    FairFactory(title_zh_hans="云上博览会", title_en="Cloud Fair")
    FairFactory(title_zh_hans="草稿博览会", status="draft")
    response = client.get("/zh-hans/fairs/")
    assert response.status_code == 200
    assert "云上博览会" in text(response)
    assert "草稿博览会" not in text(response)


def test_fair_page_shows_halls_with_their_booth_counts_in_english(client, booth):
    BoothFactory(fair=booth.fair, hall=booth.hall)
    BoothFactory(fair=booth.fair, hall=booth.hall, status="draft")
    booth.hall.name_en = "New Energy Hall"
    booth.hall.save()
    response = client.get(f"/en/fairs/{booth.fair.slug}/")
    assert response.status_code == 200
    body = text(response)
    assert "New Energy Hall" in body
    assert "2 booths" in body
    assert f'href="/en/fairs/{booth.fair.slug}/halls/{booth.hall.pk}/"' in body


def test_a_draft_fair_is_not_found(client):
    fair = FairFactory(status="draft")
    assert client.get(f"/zh-hans/fairs/{fair.slug}/").status_code == 404


def test_hall_page_lists_published_booths_with_country(client, booth):
    BoothFactory(fair=booth.fair, hall=booth.hall, name_zh_hans="未发布展商", status="draft")
    response = client.get(f"/en/fairs/{booth.fair.slug}/halls/{booth.hall.pk}/")
    body = text(response)
    assert "Huaguang Energy Storage" in body
    assert "China" in body
    assert "未发布展商" not in body


def test_hall_page_queries_do_not_grow_with_the_booths(client, count_queries):
    hall = HallFactory()
    BoothFactory(fair=hall.fair, hall=hall)
    url = f"/zh-hans/fairs/{hall.fair.slug}/halls/{hall.pk}/"
    client.get(url)
    with count_queries() as one:
        client.get(url)
    BoothFactory(fair=hall.fair, hall=hall)
    BoothFactory(fair=hall.fair, hall=hall)
    with count_queries() as three:
        client.get(url)
    assert one.count == three.count


def test_booth_page_shows_the_exhibitor_in_the_readers_language_with_products_and_video(client, booth):
    ProductFactory(booth=booth, name_en="LFP cabinet", price_min=Decimal("1000"), price_max=Decimal("1500"))
    response = client.get(f"/en/fairs/{booth.fair.slug}/booths/{booth.pk}/")
    body = text(response)
    assert response.status_code == 200
    assert "Huaguang Energy Storage" in body
    assert "Maker of home energy storage." in body
    assert "LFP cabinet" in body
    assert (
        '<video class="w-100 rounded border" controls preload="metadata" src="https://media.example.cn/booth.mp4">'
        in body
    )
    assert "https://huaguang.example.cn" in body
    assert "$1,000.00" in body
    assert "$1,500.00" in body
    assert "not yet available" not in body


def test_booth_page_says_when_it_falls_back_to_another_language(client, booth):
    response = client.get(f"/ja/fairs/{booth.fair.slug}/booths/{booth.pk}/")
    body = text(response)
    assert "华光储能科技有限公司" in body
    assert 'role="note"' in body


def test_booth_page_links_to_an_enquiry_and_a_meeting_with_the_exhibitor(client, booth):
    slug = booth.fair.slug
    body = text(client.get(f"/en/fairs/{slug}/booths/{booth.pk}/"))
    assert f'href="/en/fairs/{slug}/booths/{booth.pk}/enquire/"' in body
    assert "Request a meeting" not in body  # nobody of the booth takes part in the matchmaking
    participant = ParticipantFactory(fair=booth.fair, booth=booth, role=Role.EXHIBITOR)
    body = text(client.get(f"/en/fairs/{slug}/booths/{booth.pk}/"))
    assert f'href="/en/fairs/{slug}/people/{participant.pk}/"' in body


def test_booth_page_lists_live_sessions_with_their_view_counts(client, booth):
    event = EventFactory(total_views=1520)
    item = ProgrammeItem.objects.create(
        event=event, title="Live: home storage", starts_at=timezone.now() + dt.timedelta(days=1)
    )
    booth.live_sessions.add(item)
    body = text(client.get(f"/en/fairs/{booth.fair.slug}/booths/{booth.pk}/"))
    assert "Live: home storage" in body
    assert "1,520 views" in body
    assert f'href="/en/events/{event.pk}/live/"' in body


def test_an_unpublished_booth_is_not_found_by_visitors_but_previewed_by_its_exhibitor(client, booth, exhibitor):
    Booth.objects.filter(pk=booth.pk).update(status="draft")
    url = f"/zh-hans/fairs/{booth.fair.slug}/booths/{booth.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(exhibitor)
    response = client.get(url)
    assert response.status_code == 200
    assert "预览" in text(response) or "Preview" in text(response)


def test_product_page_shows_specifications_as_a_table(client, booth):
    product = ProductFactory(
        booth=booth,
        specifications_en="Capacity: 215 kWh\nCycle life: 6000",
        minimum_order="2 units",
        certifications="CE, UL9540",
        price_min=Decimal("20000"),
        price_max=Decimal("25000"),
        currency="USD",
    )
    response = client.get(f"/en/fairs/{booth.fair.slug}/products/{product.pk}/")
    body = text(response)
    assert '<th scope="row" class="text-start pe-4">Capacity</th><td>215 kWh</td>' in body
    assert '<th scope="row" class="text-start pe-4">Cycle life</th><td>6000</td>' in body
    assert "2 units" in body
    assert ">UL9540</span>" in body
    assert "$20,000.00" in body


def test_search_page_finds_a_booth_by_its_japanese_name_and_a_product_by_chinese(client, booth):
    booth.name_ja = "華光蓄電池株式会社"
    booth.save()
    indexing.index_booth(booth)
    product = ProductFactory(booth=booth, name_zh_hans="户用储能电池")
    indexing.index_product(product)
    base = f"/ja/fairs/{booth.fair.slug}/search/"
    body = text(client.get(base, {"q": "蓄電池"}))
    assert "華光蓄電池株式会社" in body
    assert f"/ja/fairs/{booth.fair.slug}/booths/{booth.pk}/" in body
    body = text(client.get(f"/zh-hans/fairs/{booth.fair.slug}/search/", {"q": "电池"}))
    assert f"/zh-hans/fairs/{booth.fair.slug}/products/{product.pk}/" in body
    body = text(client.get(f"/en/fairs/{booth.fair.slug}/search/", {"q": "wind turbine"}))
    assert "Nothing found" in body


# --- The exhibitor area --------------------------------------------------------------------


def test_the_exhibitor_area_needs_a_sign_in(client, booth):
    response = client.get(f"/zh-hans/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"] or "login" in response["Location"]


def test_an_exhibitor_of_another_booth_cannot_reach_this_one(client, booth, exhibitor):
    other = ExhibitorFactory()
    BoothFactory(fair=booth.fair).accounts.add(other)
    client.force_login(other)
    base = f"/zh-hans/fairs/{booth.fair.slug}/exhibitor"
    assert client.get(f"{base}/booths/{booth.pk}/").status_code == 404
    assert client.post(f"{base}/booths/{booth.pk}/", {"language": "en", "name_en": "Hijacked"}).status_code == 404
    assert client.post(f"{base}/booths/{booth.pk}/publish/", {"action": "unpublish"}).status_code == 404
    product = ProductFactory(booth=booth)
    assert client.post(f"{base}/products/{product.pk}/delete/").status_code == 404
    booth.refresh_from_db()
    assert booth.name_en == "Huaguang Energy Storage"
    assert booth.is_published
    assert Product.objects.filter(pk=product.pk).exists()


def test_an_account_without_a_booth_is_forbidden_the_exhibitor_home(client, booth):
    client.force_login(UserFactory(role=Role.INVESTOR, department=None))
    assert client.get(f"/zh-hans/fairs/{booth.fair.slug}/exhibitor/").status_code == 403


def test_exhibitor_home_lists_my_booths(client, booth, exhibitor):
    client.force_login(exhibitor)
    response = client.get(f"/en/fairs/{booth.fair.slug}/exhibitor/")
    assert "Huaguang Energy Storage" in text(response)


def test_exhibitor_edits_the_japanese_text_beside_the_chinese_one(client, booth, exhibitor):
    client.force_login(exhibitor)
    url = f"/zh-hans/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/"
    page = text(client.get(url, {"language": "ja"}))
    assert 'name="name_ja"' in page
    assert "家用储能系统制造商。" in page  # the Chinese text for reference
    response = client.post(
        url,
        {
            "language": "ja",
            "name_ja": "華光蓄電池株式会社",
            "description_ja": "家庭用蓄電池メーカー",
            "website": "huaguang.example.jp",
            "video_url": "",
            "logo": SimpleUploadedFile("logo.png", png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?language=ja"
    booth.refresh_from_db()
    assert booth.name_ja == "華光蓄電池株式会社"
    assert booth.website == "https://huaguang.example.jp"
    assert booth.logo.name.startswith("fairs/logos/")
    result = indexing.search_fair(booth.fair, "株式会社")
    assert result.booths == [booth]


def test_a_logo_that_is_not_an_image_is_refused_and_the_text_kept(client, booth, exhibitor):
    client.force_login(exhibitor)
    url = f"/en/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/"
    response = client.post(
        url,
        {
            "language": "en",
            "name_en": "Huaguang Storage Ltd",
            "logo": SimpleUploadedFile("logo.png", PDF, content_type="image/png"),
        },
    )
    assert response.status_code == 200
    body = text(response)
    assert 'value="Huaguang Storage Ltd"' in body
    assert "image" in body.lower()
    booth.refresh_from_db()
    assert booth.name_en == "Huaguang Energy Storage"


def test_a_product_with_its_highest_price_below_its_lowest_is_refused_with_a_message(client, booth, exhibitor):
    client.force_login(exhibitor)
    url = f"/en/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/products/new/?language=en"
    response = client.post(
        url,
        {
            "language": "en",
            "name_en": "Home battery",
            "price_min": "900",
            "price_max": "500",
            "currency": "USD",
            "minimum_order": "10 pieces",
        },
    )
    assert response.status_code == 200
    body = text(response)
    assert "The highest price is below the lowest price." in body
    assert 'value="Home battery"' in body
    assert 'value="10 pieces"' in body
    assert Product.objects.count() == 0


def test_exhibitor_adds_and_removes_a_product(client, booth, exhibitor):
    client.force_login(exhibitor)
    base = f"/zh-hans/fairs/{booth.fair.slug}/exhibitor"
    response = client.post(
        f"{base}/booths/{booth.pk}/products/new/",
        {
            "language": "zh-hans",
            "name_zh_hans": "户用储能电池",
            "specifications_zh_hans": "容量: 10 kWh",
            "price_min": "500",
            "price_max": "900",
            "currency": "USD",
            "certifications": "CE",
            "image": SimpleUploadedFile("battery.png", png(), content_type="image/png"),
        },
    )
    product = Product.objects.get()
    assert response["Location"] == f"{base}/products/{product.pk}/?language=zh-hans"
    assert product.is_published
    assert (product.price_min, product.price_max) == (Decimal("500.00"), Decimal("900.00"))
    assert indexing.search_fair(booth.fair, "电池").products == [product]
    client.post(f"{base}/products/{product.pk}/delete/")
    assert Product.objects.count() == 0


def test_exhibitor_uploads_a_pdf_but_not_an_executable_named_pdf(client, booth, exhibitor):
    client.force_login(exhibitor)
    url = f"/en/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/documents/new/"
    response = client.post(
        url, {"title": "Price list", "file": SimpleUploadedFile("list.pdf", b"MZ\x90\x00 program"), "language": ""}
    )
    assert response.status_code == 200
    assert "is not a PDF, Word, Excel or image file" in text(response)
    assert 'value="Price list"' in text(response)
    response = client.post(url, {"title": "Price list", "file": SimpleUploadedFile("list.pdf", PDF), "language": "en"})
    assert response.status_code == 302
    document = BoothDocument.objects.get()
    public = text(client.get(f"/en/fairs/{booth.fair.slug}/booths/{booth.pk}/"))
    assert "Price list" in public
    client.post(f"/en/fairs/{booth.fair.slug}/exhibitor/documents/{document.pk}/delete/")
    assert BoothDocument.objects.count() == 0


def test_exhibitor_unpublishes_and_publishes_the_booth(client, booth, exhibitor):
    client.force_login(exhibitor)
    url = f"/zh-hans/fairs/{booth.fair.slug}/exhibitor/booths/{booth.pk}/publish/"
    client.post(url, {"action": "unpublish"})
    booth.refresh_from_db()
    assert not booth.is_published
    client.logout()
    assert client.get(f"/zh-hans/fairs/{booth.fair.slug}/booths/{booth.pk}/").status_code == 404
    client.force_login(exhibitor)
    client.post(url, {"action": "publish"})
    booth.refresh_from_db()
    assert booth.is_published
