from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core import mail

from tests.factories import UserFactory, blank_pdf
from yunzhao.accounts.models import Role
from yunzhao.core import audit
from yunzhao.signing import agreements, codes, signatures
from yunzhao.signing.models import Agreement, Signatory, SigningOrder

CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"/sign/([A-Za-z0-9_-]{43})/")


@contextmanager
def from_client(ip: str = "203.0.113.7", user_agent: str = "Mozilla/5.0 (test browser)") -> Iterator[None]:
    """Domain calls inside run as if a request from ``ip`` with ``user_agent`` made them."""
    token = audit.set_request_context(audit.RequestContext(ip_address=ip, user_agent=user_agent))
    try:
        yield
    finally:
        audit.reset_request_context(token)


def mails_to(address: str) -> list[Any]:
    return [message for message in mail.outbox if address in message.to]


def last_code(address: str) -> str:
    match = CODE.search(mails_to(address)[-1].subject)
    assert match, mails_to(address)[-1].subject
    return match.group(1)


def link_token(address: str) -> str:
    for message in reversed(mails_to(address)):
        match = LINK.search(message.body)
        if match:
            return match.group(1)
    raise AssertionError(f"no signing link was e-mailed to {address}")


@pytest.fixture
def staff_member(department):
    return UserFactory(role=Role.OFFICER, department=department, full_name="李专员")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """``with run_on_commit(): ...`` runs what the block schedules on commit (e-mails, tasks) at its end."""

    def make() -> Any:
        return django_capture_on_commit_callbacks(execute=True)

    return make


@pytest.fixture
def make_agreement(staff_member, run_on_commit):
    """``make_agreement(order, pages=2, send=True)``: an agreement with a document and two parties, one signatory each."""

    def make(
        order: str = SigningOrder.SEQUENTIAL, *, pages: int = 2, send: bool = True, expires_at: Any = None
    ) -> Agreement:
        with run_on_commit():
            agreement = agreements.create_agreement(
                by=staff_member,
                title_zh_hans="大连示范区投资合作协议",
                title_en="Dalian zone investment cooperation agreement",
                title_ar="اتفاقية التعاون الاستثماري",
                signing_order=order,
                expires_at=expires_at,
            )
            agreements.attach_document(agreement=agreement, data=blank_pdf(pages), filename="协议.pdf", by=staff_member)
            agreements.add_party(
                agreement=agreement,
                by=staff_member,
                name="大连市投资促进局",
                signatories=[
                    {"name": "王局长", "title": "局长", "email": "wang@zone.example.cn", "language": "zh-hans"}
                ],
            )
            agreements.add_party(
                agreement=agreement,
                by=staff_member,
                name="Gulf Logistics LLC",
                signatories=[
                    {"name": "Amina Al Mansouri", "title": "CEO", "email": "amina@gulf.example.ae", "language": "ar"}
                ],
            )
            if send:
                agreement = agreements.send_agreement(agreement=agreement, by=staff_member)
        return agreement

    return make


@pytest.fixture
def sign_through(run_on_commit):
    """``sign_through(signatory)``: ask for a code, confirm it from the e-mail, sign (typed name only by default)."""

    def sign(signatory: Signatory, *, png: bytes | None = None, ip: str = "198.51.100.20") -> Signatory:
        with from_client(ip=ip, user_agent=f"Browser of {signatory.name}"), run_on_commit():
            codes.request_code(signatory=signatory)
        with from_client(ip=ip, user_agent=f"Browser of {signatory.name}"), run_on_commit():
            assert codes.check_code(signatory=signatory, code=last_code(signatory.email)) is codes.CodeCheck.ACCEPTED
            return signatures.sign(signatory=signatory, typed_name=signatory.name, signature_png=png)

    return sign


def signature_png(width: int = 300, height: int = 100) -> bytes:
    """A drawn-looking signature: a dark stroke on a transparent background."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).line(
        [(10, height - 20), (width // 2, 15), (width - 10, height - 30)], fill=(20, 40, 120, 255), width=4
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
