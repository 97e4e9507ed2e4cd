"""``manage.py create_api_token --email X --name Y [--days N]``: print a new API token once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from yunzhao.accounts.models import User
from yunzhao.api.tokens import issue_token


class Command(BaseCommand):
    help = "Create an API token for a staff member and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="The e-mail address of the token's owner.")
        parser.add_argument("--name", required=True, help="What the token is for.")
        parser.add_argument("--days", type=int, default=None, help="Expire after this many days (default: never).")

    def handle(self, *args: Any, email: str, name: str, days: int | None, **options: Any) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address {email}.")
        if not user.is_internal:
            raise CommandError(f"{email} is not an active staff account: the API is for staff only.")
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        expires_at = timezone.now() + dt.timedelta(days=days) if days else None
        try:
            token, raw = issue_token(owner=user, name=name, expires_at=expires_at)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(raw)
        self.stderr.write(
            f"Token “{token.name}” for {user.email} created"
            + (f", expires {timezone.localtime(expires_at):%Y-%m-%d %H:%M}" if expires_at else "")
            + ". Keep it now: it cannot be shown again."
        )
