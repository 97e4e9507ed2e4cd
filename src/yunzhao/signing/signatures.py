"""Signing: the typed name and drawn signature of a verified signatory, in turn, on an open agreement.

The drawn signature arrives as a ``data:image/png;base64,…`` URL from the page's canvas. It
is decoded, checked to be a real PNG of sane size, and re-encoded, so nothing but pixels
reaches the final PDF.
"""

from __future__ import annotations

import base64
import binascii
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from yunzhao.core import audit
from yunzhao.signing import codes, invitations, trail
from yunzhao.signing.models import Agreement, AgreementStatus, EventKind, Signatory, SigningOrder

DATA_URL_PREFIX = "data:image/png;base64,"
#: A signature drawn on a 600×200 canvas is a few kilobytes; a megapixel photograph is not a signature.
MAX_PNG_BYTES = 300 * 1024
MAX_WIDTH, MAX_HEIGHT = 2000, 1000
MIN_WIDTH, MIN_HEIGHT = 50, 20
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

BAD_IMAGE = _("The drawn signature is not a valid PNG image.")
IMAGE_TOO_LARGE = _("The drawn signature is too large.")
NOT_YOUR_TURN = _("It is not your turn yet: the signatories before you sign first.")
NOT_VERIFIED = _("Confirm the one-time code before signing.")
NAME_NEEDED = _("Type your name to sign.")


def decode_signature(data_url: str) -> bytes:
    """A clean PNG from the canvas's data URL, or a ValidationError."""
    if not data_url.startswith(DATA_URL_PREFIX):
        raise ValidationError(BAD_IMAGE, code="bad_image")
    encoded = data_url[len(DATA_URL_PREFIX) :]
    if len(encoded) > MAX_PNG_BYTES * 4 // 3 + 4:
        raise ValidationError(IMAGE_TOO_LARGE, code="too_large")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValidationError(BAD_IMAGE, code="bad_image") from error
    if not raw.startswith(PNG_MAGIC):
        raise ValidationError(BAD_IMAGE, code="bad_image")
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format != "PNG":
                raise ValidationError(BAD_IMAGE, code="bad_image")
            width, height = probe.size
            if width > MAX_WIDTH or height > MAX_HEIGHT:
                raise ValidationError(IMAGE_TOO_LARGE, code="too_large")
            if width < MIN_WIDTH or height < MIN_HEIGHT:
                raise ValidationError(BAD_IMAGE, code="bad_image")
            probe.verify()
        with Image.open(io.BytesIO(raw)) as image:
            clean = image.convert("RGBA")
            if clean.getbbox() is None or clean.getchannel("A").getbbox() is None:
                raise ValidationError(BAD_IMAGE, code="blank")
            out = io.BytesIO()
            clean.save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(BAD_IMAGE, code="bad_image") from error
    return out.getvalue()


def is_their_turn(signatory: Signatory) -> bool:
    """Parallel: always.  Sequential: everyone before them has signed."""
    agreement = signatory.agreement
    if agreement.signing_order == SigningOrder.PARALLEL:
        return True
    return not agreement.signatories.filter(order__lt=signatory.order, signed_at__isnull=True).exists()


def sign(*, signatory: Signatory, typed_name: str, signature_png: bytes | None) -> Signatory:
    """Record the signature; the next signatory in line is e-mailed, or, after the last, the final PDF is made."""
    typed_name = " ".join(typed_name.split())
    if not typed_name:
        raise ValidationError({"typed_name": NAME_NEEDED})
    if not codes.is_open_for_signing(signatory):
        raise ValidationError(codes.CLOSED, code="closed")
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=signatory.agreement_id)
        signatory = Signatory.objects.select_for_update().select_related("party").get(pk=signatory.pk)
        signatory.agreement = agreement
        if agreement.status != AgreementStatus.SENT or signatory.signed_at is not None:
            raise ValidationError(codes.CLOSED, code="closed")
        if not codes.is_recently_verified(signatory):
            raise ValidationError(NOT_VERIFIED, code="not_verified")
        if not is_their_turn(signatory):
            raise ValidationError(NOT_YOUR_TURN, code="not_your_turn")
        client = trail.current_client()
        signatory.signed_at = timezone.now()
        signatory.signed_name = typed_name[:200]
        signatory.signature_png = signature_png
        signatory.signed_ip = client.ip_address
        signatory.signed_user_agent = client.user_agent[:400]
        signatory.save(update_fields=["signed_at", "signed_name", "signature_png", "signed_ip", "signed_user_agent"])
        trail.log(agreement=agreement, kind=EventKind.SIGNED, actor=None, signatory=signatory)
        audit.record(
            actor=signatory,
            action="agreement.signed",
            target=agreement,
            data={"signatory": signatory.pk, "typed_name": signatory.signed_name, "drawn": signature_png is not None},
        )
        waiting = list(agreement.signatories.filter(signed_at__isnull=True).order_by("order", "pk"))
        if not waiting:
            _complete(agreement)
        elif agreement.signing_order == SigningOrder.SEQUENTIAL and waiting[0].token_hash is None:
            invitations.invite(signatory=waiting[0], agreement=agreement)
    return signatory


def _complete(agreement: Agreement) -> None:
    """Every signature is in: mark the agreement completed and make the final PDF in the background."""
    from yunzhao.signing.tasks import finalise_agreement

    agreement.status = AgreementStatus.COMPLETED
    agreement.completed_at = timezone.now()
    agreement.save(update_fields=["status", "completed_at", "updated_at"])
    trail.log(agreement=agreement, kind=EventKind.COMPLETED, actor=None)
    audit.record(
        actor=None,
        action="agreement.completed",
        target=agreement,
        before={"status": AgreementStatus.SENT},
        after={"status": AgreementStatus.COMPLETED},
    )
    pk = agreement.pk
    transaction.on_commit(lambda: finalise_agreement.enqueue(pk))
