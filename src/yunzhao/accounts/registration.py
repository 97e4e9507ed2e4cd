"""Self-registration of outside accounts (investors) with e-mail confirmation."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yunzhao.accounts.models import Role, User
from yunzhao.core import audit

_SALT = "yunzhao.accounts.confirm-email"


class ConfirmationError(Exception):
    """The confirmation link is broken, expired, or was already used."""


def make_confirmation_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=_SALT)


def register_investor(
    *, email: str, full_name: str, password: str, organisation: str, country: str, language: str
) -> User:
    """Create an inactive investor account and send the confirmation link in ``language``."""
    with transaction.atomic():
        user = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name,
            organisation=organisation,
            country=country,
            role=Role.INVESTOR,
            preferred_language=language,
            is_active=False,
        )
        audit.record(
            actor=user,
            action="user.registered",
            target=user,
            after=audit.snapshot(user, ["email", "full_name", "organisation", "country", "role"]),
        )
        transaction.on_commit(lambda: send_confirmation_email(user))
    return user


def send_confirmation_email(user: User) -> None:
    with translation.override(user.preferred_language):
        path = reverse("accounts:confirm-email", kwargs={"token": make_confirmation_token(user)})
        context = {"user": user, "url": settings.SITE_URL.rstrip("/") + path}
        subject = render_to_string("accounts/email/confirm_subject.txt", context).strip()
        body = render_to_string("accounts/email/confirm_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[user.email])
    message.send()


def confirm_email(*, token: str) -> User:
    """Activate the account the token names.  Raises :class:`ConfirmationError`."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=settings.ACCOUNT_CONFIRMATION_MAX_AGE)
    except signing.BadSignature as error:
        raise ConfirmationError from error
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=payload.get("user"), email=payload.get("email")).first()
        if user is None or user.email_confirmed_at is not None:
            raise ConfirmationError
        before = audit.snapshot(user, ["is_active", "email_confirmed_at"])
        user.is_active = True
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["is_active", "email_confirmed_at"])
        audit.record(
            actor=user,
            action="user.email_confirmed",
            target=user,
            before=before,
            after=audit.snapshot(user, ["is_active", "email_confirmed_at"]),
        )
    return user
