"""What exhibitors do to their booths: texts one language at a time, logo, video and website,
products, documents, publication.

Every write is one transaction with its audit record and re-indexes what the fair's search
finds (:mod:`yunzhao.matchmaking.indexing`).  The booth row is locked while it changes, since an
exhibitor's colleagues edit the same booth.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import audit, search
from yunzhao.core.content import Publication, publish, record_translation
from yunzhao.intake.attachments import check_file
from yunzhao.matchmaking import indexing
from yunzhao.matchmaking.models import Booth, BoothDocument, Product

# Fields an exhibitor sets beside the texts of one language.
BOOTH_SHARED_FIELDS = ("logo", "video_url", "website")
PRODUCT_SHARED_FIELDS = ("image", "minimum_order", "price_min", "price_max", "currency", "certifications", "position")
IMAGE_KINDS = frozenset({"png", "jpeg", "gif", "webp"})

PRICE_RANGE_REVERSED = _("The highest price is below the lowest price. Please check the price range.")
NOT_AN_IMAGE = _("“%(name)s” is not an image (PNG, JPEG, GIF or WebP) — whatever its name says.")


def _allowed(values: Mapping[str, Any], model: type[Booth] | type[Product], shared: tuple[str, ...]) -> None:
    translated = {
        build_localized_fieldname(name, code) for name in model.TRANSLATED_FIELDS for code in indexing.LANGUAGE_CODES
    }
    unknown = set(values) - translated - set(shared)
    if unknown:
        raise ValueError(f"not an exhibitor's field: {sorted(unknown)}")


def _snapshot(instance: Booth | Product, names: Mapping[str, Any]) -> dict[str, Any]:
    """``audit.snapshot`` of the fields in ``names``, files by their stored name (an empty file
    field cannot go through ``audit.snapshot``: asking it for its ``url`` raises)."""
    files = {name for name in names if isinstance(getattr(instance, name), FieldFile)}
    values = audit.snapshot(instance, sorted(set(names) - files))
    values.update({name: getattr(instance, name).name or None for name in files})
    return values


def check_image(file: IO[bytes], *, name: str) -> None:
    """Refuse a file that is not an image by its content (whatever its name)."""
    kind, _size = check_file(file, name=name)
    if kind not in IMAGE_KINDS:
        raise ValidationError(NOT_AN_IMAGE, code="not_image", params={"name": name})


def check_price_range(price_min: Decimal | None, price_max: Decimal | None) -> None:
    if price_min is not None and price_max is not None and price_max < price_min:
        raise ValidationError({"price_max": PRICE_RANGE_REVERSED}, code="price_range")


def save_booth(*, booth: Booth, language: str, by: Any, values: Mapping[str, Any]) -> Booth:
    """Change ``booth``'s texts of ``language`` and its logo, video and website.

    ``values`` holds localized field names (``name_ja``…) and :data:`BOOTH_SHARED_FIELDS`; a file
    field given ``""`` is cleared.
    """
    _allowed(values, Booth, BOOTH_SHARED_FIELDS)
    with transaction.atomic():
        locked = Booth.objects.select_for_update().get(pk=booth.pk)
        before = _snapshot(locked, values)
        for name, value in values.items():
            setattr(locked, name, value)
        record_translation(locked, language)
        locked.save()
        indexing.index_booth(locked)
        audit.record(
            actor=by,
            action="fair.booth.changed",
            target=locked,
            before=before,
            after=_snapshot(locked, values),
            data={"language": language},
        )
    return locked


def publish_booth(*, booth: Booth, by: Any) -> Booth:
    with transaction.atomic():
        locked = Booth.objects.select_for_update().get(pk=booth.pk)
        if all(locked.missing_fields(code) for code in indexing.LANGUAGE_CODES):
            raise ValidationError(_("Give the booth a name before publishing it."), code="no_name")
        publish(locked)
        locked.save(update_fields=["status", "published_at", "updated_at"])
        audit.record(actor=by, action="fair.booth.published", target=locked)
    return locked


def unpublish_booth(*, booth: Booth, by: Any) -> Booth:
    with transaction.atomic():
        locked = Booth.objects.select_for_update().get(pk=booth.pk)
        locked.status = Publication.DRAFT
        locked.save(update_fields=["status", "updated_at"])
        audit.record(actor=by, action="fair.booth.unpublished", target=locked)
    return locked


def save_product(*, product: Product, language: str, by: Any, values: Mapping[str, Any]) -> Product:
    """Create (``product.pk`` is None; ``product.booth`` set) or change a product with its texts
    of ``language`` and its shared fields.  A new product is shown as soon as its booth is."""
    _allowed(values, Product, PRODUCT_SHARED_FIELDS)
    check_price_range(values.get("price_min", product.price_min), values.get("price_max", product.price_max))
    with transaction.atomic():
        Booth.objects.select_for_update().get(pk=product.booth_id)
        created = product.pk is None
        before = {} if created else _snapshot(product, values)
        for name, value in values.items():
            setattr(product, name, value)
        if created:
            product.status = Publication.PUBLISHED
        record_translation(product, language)
        product.save()
        indexing.index_product(product)
        audit.record(
            actor=by,
            action="fair.product.created" if created else "fair.product.changed",
            target=product,
            before=None if created else before,
            after=_snapshot(product, values),
            data={"language": language, "booth": product.booth_id},
        )
    return product


def delete_product(*, product: Product, by: Any) -> None:
    with transaction.atomic():
        Booth.objects.select_for_update().get(pk=product.booth_id)
        audit.record(
            actor=by,
            action="fair.product.deleted",
            target=product,
            before=audit.snapshot(product, ["name", "booth"]),
        )
        search.remove_object(product)
        product.delete()


def add_document(*, booth: Booth, title: str, file: Any, language: str, by: Any) -> BoothDocument:
    """Attach a PDF, Word, Excel or image file (checked by its content, at most 20 MB)."""
    check_file(file, name=getattr(file, "name", title))
    with transaction.atomic():
        Booth.objects.select_for_update().get(pk=booth.pk)
        document = BoothDocument.objects.create(booth=booth, title=title, file=file, language=language)
        audit.record(
            actor=by,
            action="fair.document.added",
            target=booth,
            data={"document": document.pk, "title": title, "language": language},
        )
    return document


def delete_document(*, document: BoothDocument, by: Any) -> None:
    with transaction.atomic():
        booth = Booth.objects.select_for_update().get(pk=document.booth_id)
        audit.record(
            actor=by,
            action="fair.document.deleted",
            target=booth,
            data={"document": document.pk, "title": document.title},
        )
        storage, name = document.file.storage, document.file.name
        document.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
