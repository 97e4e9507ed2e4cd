"""The organiser's set-up of an online fair in the back office.

Every write is one transaction with its audit record:

- the fair itself (its title and summary edited one language at a time, like portal content),
  publication;
- halls (created, edited, moved up or down);
- booths (number unique per fair) and the exhibitor accounts that run them: an e-mail address
  of an existing exhibitor account attaches it; a new address creates an exhibitor account and
  sends it an invitation to choose a password (the password-reset link of ``accounts``);
- meeting slots generated from day ranges (times are wall-clock times in the zone's time zone,
  ``settings.TIME_ZONE``), tables named with a prefix, and the matchmaking rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from yunzhao.accounts.models import Role as AccountRole
from yunzhao.accounts.models import User
from yunzhao.core import audit, pagecache
from yunzhao.core.content import Publication, TranslatedContent, publish, record_translation
from yunzhao.matchmaking.models import Booth, Fair, Hall, Role, Slot, Table

FAIR_FIELDS = ("slug", "starts_on", "ends_on", "department", "event")
BOOTH_FIELDS = ("number", "hall", "country", "industry", "enterprise", "website", "is_zone_booth")
ROLES: tuple[str, ...] = tuple(Role.values)


# --- The fair and its halls ---------------------------------------------------------------------


def _save_translated(
    *, content: TranslatedContent, language: str, values: Mapping[str, Any], by: User, action: str
) -> bool:
    """Write ``values`` (localized and shared fields) to ``content`` and audit; True if created."""
    created = content.pk is None
    for name, value in values.items():
        setattr(content, name, value)
    record_translation(content, language)
    content.save()
    audit.record(
        actor=by,
        action=f"{action}.{'created' if created else 'changed'}",
        target=content,
        data={"language": language, "fields": sorted(values)},
    )
    return created


def save_fair(*, fair: Fair, language: str, values: Mapping[str, Any], by: User) -> Fair:
    """Create or change ``fair``: its text in ``language`` and the shared fields in ``values``."""
    starts_on = values.get("starts_on", fair.starts_on if fair.pk else None)
    ends_on = values.get("ends_on", fair.ends_on if fair.pk else None)
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last day cannot come before the first day.")})
    slug = values.get("slug")
    if slug and Fair.objects.filter(slug=slug).exclude(pk=fair.pk).exists():
        raise ValidationError({"slug": _("Another fair already has this address.")})
    with transaction.atomic():
        was_published = fair.pk is not None and Fair.objects.filter(pk=fair.pk, status=Publication.PUBLISHED).exists()
        _save_translated(content=fair, language=language, values=values, by=by, action="matchmaking.fair")
        if was_published:
            pagecache.content_changed()
    return fair


def set_fair_published(*, fair: Fair, published: bool, by: User) -> Fair:
    """Show the fair on the portal, or withdraw it (its halls and booths keep their own status)."""
    with transaction.atomic():
        fair = Fair.objects.select_for_update().get(pk=fair.pk)
        if published:
            publish(fair)
        else:
            fair.status = Publication.DRAFT
        fair.save(update_fields=["status", "published_at", "updated_at"])
        audit.record(actor=by, action=f"matchmaking.fair.{'published' if published else 'unpublished'}", target=fair)
        pagecache.content_changed()
    return fair


def save_hall(*, hall: Hall, language: str, values: Mapping[str, Any], by: User) -> Hall:
    """Create or change a hall; a new hall goes last and is published with its fair's pages."""
    with transaction.atomic():
        if hall.pk is None:
            last = Hall.objects.filter(fair=hall.fair).aggregate(last=Max("position"))["last"]
            hall.position = 0 if last is None else last + 1
            hall.status = Publication.PUBLISHED
            hall.published_at = timezone.now()
        _save_translated(content=hall, language=language, values=values, by=by, action="matchmaking.hall")
        pagecache.content_changed()
    return hall


def move_hall(*, hall: Hall, offset: int, by: User) -> list[Hall]:
    """Move ``hall`` ``offset`` places (−1 up, +1 down) and number every hall of the fair 0, 1, 2…"""
    with transaction.atomic():
        halls = list(Hall.objects.select_for_update().filter(fair_id=hall.fair_id).order_by("position", "pk"))
        index = next(i for i, item in enumerate(halls) if item.pk == hall.pk)
        target = max(0, min(len(halls) - 1, index + offset))
        halls.insert(target, halls.pop(index))
        for position, item in enumerate(halls):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position", "updated_at"])
        audit.record(actor=by, action="matchmaking.hall.moved", target=hall, data={"from": index, "to": target})
        pagecache.content_changed()
    return halls


# --- Booths and exhibitor accounts -------------------------------------------------------------


def _number_taken(fair: Fair, number: str, booth: Booth) -> ValidationError:
    other = Booth.objects.filter(fair=fair, number__iexact=number).exclude(pk=booth.pk).first()
    name, number = (other.name, other.number) if other else ("", number)
    return ValidationError(
        {
            "number": _("Booth number %(number)s is already taken at this fair by %(name)s; choose another number.")
            % {"number": number, "name": name}
        }
    )


def save_booth(*, booth: Booth, fair: Fair, values: Mapping[str, Any], by: User) -> Booth:
    """Create or change a booth of ``fair``; ``values`` hold shared fields and names by language
    (``name_zh_hans``, ``name_en``…).  A clash of booth numbers is a ValidationError on ``number``."""
    number = str(values.get("number", booth.number)).strip()
    hall = values.get("hall", booth.hall if booth.hall_id else None)
    if hall is not None and hall.fair_id != fair.pk:
        raise ValidationError({"hall": _("Choose a hall of this fair.")})
    if Booth.objects.filter(fair=fair, number__iexact=number).exclude(pk=booth.pk).exists():
        raise _number_taken(fair, number, booth)
    created = booth.pk is None
    try:
        with transaction.atomic():
            booth.fair = fair
            for name, value in values.items():
                setattr(booth, name, value)
            booth.number = number
            for code, _name in settings.LANGUAGES:
                if f"name_{code.replace('-', '_')}" in values:
                    record_translation(booth, code)
            if created:
                booth.status = Publication.PUBLISHED
                booth.published_at = timezone.now()
            booth.save()
            audit.record(
                actor=by,
                action=f"matchmaking.booth.{'created' if created else 'changed'}",
                target=booth,
                after=audit.snapshot(booth, ["number", "hall", "country", "industry", "enterprise", "is_zone_booth"]),
            )
            pagecache.content_changed()
    except IntegrityError as error:  # two organisers took the same number at once
        if created:
            booth.pk = None
        raise _number_taken(fair, number, booth) from error
    return booth


@dataclass(frozen=True)
class AccountGiven:
    user: User
    created: bool


def give_booth_account(*, booth: Booth, email: str, by: User, full_name: str = "", language: str = "") -> AccountGiven:
    """Let the account with ``email`` run ``booth``.

    An existing exhibitor account is attached (and told by e-mail); any other existing account
    is refused (staff and investors are not exhibitors).  A new address gets a new exhibitor
    account without a password and an invitation to choose one.
    """
    email = User.objects.normalize_email(email.strip())
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        created = user is None
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,
                full_name=full_name.strip() or email.split("@")[0],
                organisation=str(booth.name)[:200],
                country=booth.country,
                role=AccountRole.EXHIBITOR,
                department=None,
                preferred_language=language or settings.LANGUAGE_CODE,
            )
            audit.record(
                actor=by,
                action="user.created",
                target=user,
                after=audit.snapshot(user, ["email", "full_name", "role", "is_active"]),
            )
        elif user.role != AccountRole.EXHIBITOR:
            raise ValidationError(
                {
                    "email": _(
                        "This address belongs to an account that is not an exhibitor account; use another address."
                    )
                }
            )
        elif booth.accounts.filter(pk=user.pk).exists():
            raise ValidationError({"email": _("This account already runs this booth.")})
        booth.accounts.add(user)
        audit.record(
            actor=by, action="matchmaking.booth.account_given", target=booth, data={"user": user.pk, "new": created}
        )
        user_pk, booth_pk = user.pk, booth.pk
        transaction.on_commit(lambda: send_exhibitor_invitation(user_pk=user_pk, booth_pk=booth_pk, new=created))
    return AccountGiven(user=user, created=created)


def take_booth_account(*, booth: Booth, user: User, by: User) -> None:
    """The account no longer runs ``booth`` (the account itself stays)."""
    with transaction.atomic():
        booth.accounts.remove(user)
        audit.record(actor=by, action="matchmaking.booth.account_taken", target=booth, data={"user": user.pk})


def _exhibitor_home_path(booth: Booth) -> str:
    try:
        return reverse("fairs:exhibitor-home", kwargs={"slug": booth.fair.slug})
    except NoReverseMatch:  # the exhibitor's area is not there yet
        return reverse("accounts:login")


def send_exhibitor_invitation(*, user_pk: int, booth_pk: int, new: bool) -> bool:
    """E-mail the account: a new one gets the link to choose its password, an existing one the
    booth it now runs.  In the account's language."""
    user = User.objects.filter(pk=user_pk).first()
    booth = Booth.objects.select_related("fair").filter(pk=booth_pk).first()
    if user is None or booth is None:
        return False
    site = settings.SITE_URL.rstrip("/")
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        password_path = reverse(
            "accounts:password-reset-confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "user": user,
            "booth": booth,
            "fair": booth.fair,
            "new": new,
            "password_url": site + password_path,
            "booth_url": site + _exhibitor_home_path(booth),
        }
        subject = " ".join(render_to_string("matchmaking/office/email/invitation_subject.txt", context).split())
        body = render_to_string("matchmaking/office/email/invitation_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send(fail_silently=False)
    return True


# --- Slots and tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRange:
    """A session of a day in wall-clock time, e.g. 09:00–12:00."""

    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class SlotsMade:
    created: int
    skipped: int


def plan_slots(
    *, days: Iterable[dt.date], ranges: Sequence[TimeRange], slot_minutes: int, break_minutes: int
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) of every slot: from each range's start, a slot then a break, as long as
    the slot ends by the range's end; aware datetimes in the zone's time zone."""
    if slot_minutes <= 0 or break_minutes < 0:
        raise ValidationError(_("A slot lasts at least a minute and a break cannot be negative."))
    zone = timezone.get_default_timezone()
    length, step = dt.timedelta(minutes=slot_minutes), dt.timedelta(minutes=slot_minutes + break_minutes)
    planned: list[tuple[dt.datetime, dt.datetime]] = []
    for day in sorted(set(days)):
        for span in ranges:
            if span.end <= span.start:
                raise ValidationError(_("Each session must end after it starts."))
            start = dt.datetime.combine(day, span.start)
            end = dt.datetime.combine(day, span.end)
            while start + length <= end:
                planned.append((timezone.make_aware(start, zone), timezone.make_aware(start + length, zone)))
                start += step
    return sorted(planned)


def generate_slots(
    *,
    fair: Fair,
    days: Iterable[dt.date],
    ranges: Sequence[TimeRange],
    slot_minutes: int,
    break_minutes: int,
    by: User,
) -> SlotsMade:
    """Create the fair's slots for ``days`` (within the fair's dates), skipping any that would
    start at the same time as, or overlap, a slot the fair already has — so running it twice
    changes nothing."""
    days = sorted(set(days))
    outside = [day for day in days if not fair.starts_on <= day <= fair.ends_on]
    if outside:
        raise ValidationError(
            {
                "days": _("Choose days between the fair's first and last day (%(first)s – %(last)s).")
                % {"first": fair.starts_on.isoformat(), "last": fair.ends_on.isoformat()}
            }
        )
    planned = plan_slots(days=days, ranges=ranges, slot_minutes=slot_minutes, break_minutes=break_minutes)
    with transaction.atomic():
        Fair.objects.select_for_update().filter(pk=fair.pk).first()  # one generation at a time
        existing = list(Slot.objects.filter(fair=fair).values_list("starts_at", "ends_at"))
        fresh: list[Slot] = []
        for starts_at, ends_at in planned:
            if any(starts_at < other_end and other_start < ends_at for other_start, other_end in existing):
                continue
            fresh.append(Slot(fair=fair, starts_at=starts_at, ends_at=ends_at))
            existing.append((starts_at, ends_at))
        Slot.objects.bulk_create(fresh)
        made = SlotsMade(created=len(fresh), skipped=len(planned) - len(fresh))
        audit.record(
            actor=by,
            action="matchmaking.slots.generated",
            target=fair,
            data={
                "days": [day.isoformat() for day in days],
                "ranges": [f"{span.start:%H:%M}-{span.end:%H:%M}" for span in ranges],
                "slot_minutes": slot_minutes,
                "break_minutes": break_minutes,
                "created": made.created,
                "skipped": made.skipped,
            },
        )
    return made


def delete_unused_slots(*, fair: Fair, by: User) -> int:
    """Remove the slots no meeting uses; returns how many."""
    with transaction.atomic():
        unused = Slot.objects.filter(fair=fair, meetings__isnull=True)
        count = unused.count()
        Slot.objects.filter(pk__in=list(unused.values_list("pk", flat=True))).delete()
        audit.record(actor=by, action="matchmaking.slots.deleted", target=fair, data={"deleted": count})
    return count


def create_tables(*, fair: Fair, count: int, prefix: str, by: User, first: int = 1) -> list[Table]:
    """Tables ``prefix``+``first`` … ``prefix``+``first+count-1`` (A1…A60), skipping names the
    fair already has; they go after the existing tables."""
    if count < 1:
        raise ValidationError({"count": _("Create at least one table.")})
    prefix = prefix.strip()
    with transaction.atomic():
        Fair.objects.select_for_update().filter(pk=fair.pk).first()
        names = set(Table.objects.filter(fair=fair).values_list("name", flat=True))
        last = Table.objects.filter(fair=fair).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
        tables: list[Table] = []
        for number in range(first, first + count):
            name = f"{prefix}{number}"
            if name in names:
                continue
            tables.append(Table(fair=fair, name=name, position=position))
            position += 1
        Table.objects.bulk_create(tables)
        audit.record(
            actor=by,
            action="matchmaking.tables.created",
            target=fair,
            data={"prefix": prefix, "first": first, "count": count, "created": len(tables)},
        )
    return tables


# --- Matchmaking rules -------------------------------------------------------------------------


def rules_matrix(fair: Fair) -> dict[str, set[str]]:
    """For each role, the roles it may meet (a role not named in the rules meets every role)."""
    stored = fair.meeting_rules or {}
    return {role: set(stored[role]) if role in stored else set(ROLES) for role in ROLES}


def save_rules(
    *,
    fair: Fair,
    by: User,
    reply_hours: int,
    request_expiry_hours: int,
    max_requests: int | None,
    max_accepted: int | None,
    may_meet: Mapping[str, Iterable[str]],
) -> Fair:
    """Save the matchmaking rules.  ``may_meet`` maps each role to the roles it may meet; a role
    that may meet every role is left out of ``Fair.meeting_rules`` ("roles not named meet anyone")."""
    rules: dict[str, list[str]] = {}
    for role in ROLES:
        allowed = [other for other in ROLES if other in set(may_meet.get(role, ROLES))]
        if len(allowed) < len(ROLES):
            rules[role] = allowed
    fields = ["reply_hours", "request_expiry_hours", "max_requests", "max_accepted", "meeting_rules"]
    with transaction.atomic():
        fair = Fair.objects.select_for_update().get(pk=fair.pk)
        before = audit.snapshot(fair, fields)
        fair.reply_hours = reply_hours
        fair.request_expiry_hours = request_expiry_hours
        fair.max_requests = max_requests
        fair.max_accepted = max_accepted
        fair.meeting_rules = rules
        fair.save(update_fields=[*fields, "updated_at"])
        audit.record(
            actor=by,
            action="matchmaking.fair.rules_changed",
            target=fair,
            before=before,
            after=audit.snapshot(fair, fields),
        )
    return fair
