"""Proving who opens a signing link: the secret link finds the signatory, a one-time code e-mailed to them proves it.

A code is six digits, kept only as an HMAC, works once and for ten minutes, and dies after
a handful of wrong tries (a new one must be asked for, and only a few an hour), so guessing
one is hopeless: five tries at a million codes.
"""

from __future__ import annotations

import enum
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from yunzhao.core import audit
from yunzhao.signing import invitations, trail
from yunzhao.signing.agreements import expire_if_past_deadline
from yunzhao.signing.models import AgreementStatus, EventKind, OneTimeCode, Signatory

CODE_VALID_MINUTES = 10
MAX_ATTEMPTS = 5
MAX_CODES_PER_HOUR = 5
#: How long a confirmed code lets its signatory sign.
VERIFIED_FOR = timedelta(hours=1)

TOO_MANY_CODES = _("Too many codes were asked for in the last hour. Wait a while, then ask again.")
CLOSED = _("This agreement cannot be signed any more.")


class CodeCheck(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    #: No live code: never asked for, used, older than ten minutes, or spent by wrong tries.
    NONE_LIVE = "none_live"


def signatory_for_token(token: str) -> Signatory | None:
    """The signatory whose live link this is; ``None`` for a guessed link, a replaced one, or one already used to sign."""
    if not token or len(token) > 100:
        return None
    return (
        Signatory.objects.select_related("agreement", "party")
        .filter(token_hash=invitations.hash_token(token), signed_at__isnull=True)
        .exclude(agreement__status=AgreementStatus.DRAFT)
        .first()
    )


def is_open_for_signing(signatory: Signatory) -> bool:
    """The agreement still takes signatures (an agreement past its deadline becomes expired here)."""
    agreement = signatory.agreement
    agreement.refresh_from_db(fields=["status", "expires_at"])  # staff may have voided it a moment ago
    if expire_if_past_deadline(agreement):
        return False
    return agreement.status == AgreementStatus.SENT and signatory.signed_at is None


def _hash(signatory: Signatory, code: str) -> str:
    return salted_hmac("yunzhao.signing.code", f"{signatory.pk}:{code}", algorithm="sha256").hexdigest()


def request_code(*, signatory: Signatory) -> OneTimeCode:
    """E-mail ``signatory`` a new code; any earlier code stops working."""
    if not is_open_for_signing(signatory):
        raise ValidationError(CLOSED, code="closed")
    now = timezone.now()
    with transaction.atomic():
        signatory = Signatory.objects.select_for_update().select_related("agreement").get(pk=signatory.pk)
        if signatory.codes.filter(created_at__gte=now - timedelta(hours=1)).count() >= MAX_CODES_PER_HOUR:
            raise ValidationError(TOO_MANY_CODES, code="too_many_codes")
        signatory.codes.filter(used_at__isnull=True, spent_at__isnull=True).update(spent_at=now)
        code = f"{secrets.randbelow(10**6):06d}"
        one_time = OneTimeCode.objects.create(
            signatory=signatory,
            code_hash=_hash(signatory, code),
            created_at=now,
            expires_at=now + timedelta(minutes=CODE_VALID_MINUTES),
        )
        trail.log(agreement=signatory.agreement, kind=EventKind.CODE_SENT, actor=None, signatory=signatory)
        invitations.send_code(signatory=signatory, code=code, minutes=CODE_VALID_MINUTES)
    return one_time


def check_code(*, signatory: Signatory, code: str) -> CodeCheck:
    """Try ``code`` against the signatory's live code; a wrong try counts, and the last allowed one spends the code."""
    now = timezone.now()
    code = "".join(code.split())
    with transaction.atomic():
        live = (
            OneTimeCode.objects.select_for_update()
            .filter(signatory=signatory, used_at__isnull=True, spent_at__isnull=True, expires_at__gt=now)
            .order_by("-created_at", "-pk")
            .first()
        )
        if live is None:
            return CodeCheck.NONE_LIVE
        if not constant_time_compare(live.code_hash, _hash(signatory, code)):
            live.attempts += 1
            if live.attempts >= MAX_ATTEMPTS:
                live.spent_at = now
            live.save(update_fields=["attempts", "spent_at"])
            trail.log(agreement=signatory.agreement, kind=EventKind.CODE_FAILED, actor=None, signatory=signatory)
            return CodeCheck.WRONG
        live.used_at = now
        live.save(update_fields=["used_at"])
        trail.log(agreement=signatory.agreement, kind=EventKind.VERIFIED, actor=None, signatory=signatory)
        audit.record(
            actor=signatory,
            action="agreement.signatory.verified",
            target=signatory.agreement,
            data={"signatory": signatory.pk},
        )
    return CodeCheck.ACCEPTED


def is_recently_verified(signatory: Signatory) -> bool:
    """The signatory confirmed a code within :data:`VERIFIED_FOR`: the domain's own check before a signature."""
    since = timezone.now() - VERIFIED_FOR
    return signatory.codes.filter(used_at__gte=since).exists()
