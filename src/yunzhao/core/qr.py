"""QR codes for check-in badges, confirmation e-mails and pages."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M


def qr_png(data: str, *, box_size: int = 8) -> bytes:
    """A PNG of ``data`` as a QR code, with the quiet zone scanners need."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg(data: str) -> str:
    """An inline SVG of ``data`` as a QR code (scales to any print size)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, image_factory=qrcode.image.svg.SvgPathImage)
    code.add_data(data)
    code.make(fit=True)
    svg = code.make_image().to_string(encoding="unicode")
    return str(svg).split("?>", 1)[-1].strip()
