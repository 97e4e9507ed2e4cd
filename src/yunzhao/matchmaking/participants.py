"""Participants of a fair: joining with a profile, editing it, an exhibitor's profile for a
booth, and the slots one is present in.

Visitors join as buyers, investors or partners; an exhibitor account joins as the
exhibitor of one of the booths it runs (role ``exhibitor``, ``booth`` set).  Joining and
every edit renew the consent to matchmaking (``consent_at``).  Availability is a set of the
fair's slots; an empty set means present in every slot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale
from django.db import transaction
from django.utils import timezone

from yunzhao.core import audit
from yunzhao.crm.models import Industry
from yunzhao.matchmaking.access import runs_booth
from yunzhao.matchmaking.models import Booth, Fair, Intent, Participant, Role, Slot

#: The roles a visitor may choose; ``exhibitor`` comes only with a booth one runs.
VISITOR_ROLES = (Role.BUYER, Role.INVESTOR, Role.PARTNER)
#: Slots starting before this hour (local time) are the morning session, the rest the afternoon.
AFTERNOON_FROM = 12
PROFILE_FIELDS = [
    "role",
    "booth_id",
    "name",
    "organisation",
    "job_title",
    "email",
    "country",
    "language",
    "intents",
    "sought_countries",
    "offered_countries",
    "company_size",
    "deal_min",
    "deal_max",
    "about",
    "is_active",
]


class ProfileError(ValueError):
    """The profile cannot be saved as given (the message says why, for the developer)."""


@dataclass(frozen=True)
class ProfileData:
    """What a participant states about themselves; countries are ISO 3166 alpha-2 codes."""

    role: str
    name: str
    organisation: str
    email: str
    country: str
    language: str
    job_title: str = ""
    industries: Sequence[Industry] = ()
    intents: Sequence[str] = ()
    sought_countries: Sequence[str] = ()
    offered_countries: Sequence[str] = ()
    company_size: str = ""
    deal_min: Decimal | None = None
    deal_max: Decimal | None = None
    about: str = ""


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every ISO 3166 alpha-2 code CLDR names (``JP``, ``AE``, …)."""
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


def unknown_countries(codes: Iterable[str]) -> list[str]:
    known = country_codes()
    return [code for code in codes if code.upper() not in known]


def _codes(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value.strip().upper() for value in values if value.strip()))


def _check(data: ProfileData) -> None:
    bad = unknown_countries([data.country, *data.sought_countries, *data.offered_countries])
    if bad:
        raise ProfileError(f"unknown country codes {bad!r}")
    unknown = set(data.intents) - set(Intent.values)
    if unknown:
        raise ProfileError(f"unknown intents {sorted(unknown)!r}")
    if data.deal_min is not None and data.deal_max is not None and data.deal_max < data.deal_min:
        raise ProfileError("the largest deal size is below the smallest")


def _apply(participant: Participant, data: ProfileData) -> None:
    participant.name = data.name.strip()
    participant.organisation = data.organisation.strip()
    participant.job_title = data.job_title.strip()
    participant.email = data.email.strip()
    participant.country = data.country.strip().upper()
    participant.language = data.language
    participant.intents = [intent for intent in Intent.values if intent in set(data.intents)]
    participant.sought_countries = _codes(data.sought_countries)
    participant.offered_countries = _codes(data.offered_countries)
    participant.company_size = data.company_size
    participant.deal_min = data.deal_min
    participant.deal_max = data.deal_max
    participant.about = data.about.strip()


def save_profile(
    *, fair: Fair, user: Any, data: ProfileData, booth: Booth | None = None, now: dt.datetime | None = None
) -> Participant:
    """Join ``fair`` as ``user`` with ``data``, or update the profile they have; consent is given now.

    A visitor's ``data.role`` is buyer, investor or partner; with ``booth`` (one ``user`` runs
    in this fair) the profile is the booth's exhibitor profile, whatever ``data.role`` says.
    """
    now = now or timezone.now()
    _check(data)
    if booth is not None:
        if booth.fair_id != fair.pk or not runs_booth(user, booth):
            raise ProfileError("the user does not run this booth of the fair")
        role = Role.EXHIBITOR
    elif data.role in VISITOR_ROLES:
        role = Role(data.role)
    else:
        raise ProfileError(f"a visitor cannot join as {data.role!r}")
    with transaction.atomic():
        participant = Participant.objects.select_for_update().filter(fair=fair, user=user).first()
        joined = participant is None
        if participant is None:
            participant = Participant(fair=fair, user=user)
        before = None if joined else audit.snapshot(participant, PROFILE_FIELDS)
        _apply(participant, data)
        participant.role = role
        participant.booth = booth
        participant.consent_at = now
        participant.is_active = True
        participant.save()
        participant.industries.set(data.industries)
        audit.record(
            actor=user,
            action="matchmaking.participant.joined" if joined else "matchmaking.participant.updated",
            target=participant,
            before=before,
            after=audit.snapshot(participant, PROFILE_FIELDS),
            data={"industries": sorted(industry.code for industry in data.industries)},
        )
    return participant


def exhibitor_defaults(booth: Booth, user: Any) -> dict[str, Any]:
    """What an exhibitor's profile starts from: the booth's name, country and industry."""
    return {
        "name": getattr(user, "full_name", "") or user.get_username(),
        "organisation": booth.name,
        "email": user.email,
        "country": booth.country,
        "language": getattr(user, "preferred_language", "") or "",
        "job_title": getattr(user, "title", ""),
        "industries": [booth.industry] if booth.industry_id else [],
        "intents": [Intent.SELL],
        "offered_countries": [booth.country] if booth.country else [],
    }


def leave_fair(*, participant: Participant, by: Any) -> Participant:
    """Withdraw from the matchmaking: the profile is no longer recommended nor reachable."""
    with transaction.atomic():
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        participant.is_active = False
        participant.save(update_fields=["is_active", "updated_at"])
        audit.record(actor=by, action="matchmaking.participant.left", target=participant)
    return participant


# --- Availability ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """The slots of one half-day: ``afternoon`` False for the morning."""

    afternoon: bool
    slots: list[Slot]


@dataclass(frozen=True)
class Day:
    date: dt.date
    sessions: list[Session]


def fair_days(fair: Fair) -> list[Day]:
    """The fair's slots by local day, each day split into its morning and afternoon sessions."""
    days: dict[dt.date, dict[bool, list[Slot]]] = {}
    for slot in Slot.objects.filter(fair=fair).order_by("starts_at", "pk"):
        local = timezone.localtime(slot.starts_at)
        days.setdefault(local.date(), {}).setdefault(local.hour >= AFTERNOON_FROM, []).append(slot)
    return [
        Day(date, [Session(afternoon, slots) for afternoon, slots in sorted(sessions.items())])
        for date, sessions in sorted(days.items())
    ]


def set_availability(*, participant: Participant, slots: Iterable[Slot], by: Any) -> list[int]:
    """The slots ``participant`` is present in (none, or every one: present throughout)."""
    chosen = {slot.pk: slot for slot in slots}
    if any(slot.fair_id != participant.fair_id for slot in chosen.values()):
        raise ProfileError("a slot of another fair")
    every = set(Slot.objects.filter(fair_id=participant.fair_id).values_list("pk", flat=True))
    kept = [] if set(chosen) == every else sorted(chosen)
    with transaction.atomic():
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        before = sorted(participant.available_slots.values_list("pk", flat=True))
        participant.available_slots.set(kept)
        participant.save(update_fields=["updated_at"])
        audit.record(
            actor=by,
            action="matchmaking.participant.availability",
            target=participant,
            before={"slots": before},
            after={"slots": kept},
        )
    return kept


def available_slot_ids(participant: Participant) -> set[int]:
    """The slots ``participant`` is present in, every slot of the fair when none is chosen."""
    chosen = set(participant.available_slots.values_list("pk", flat=True))
    return chosen or set(Slot.objects.filter(fair_id=participant.fair_id).values_list("pk", flat=True))
