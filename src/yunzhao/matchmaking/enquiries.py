"""Enquiries to booths, on a clock: sending, the thread both ways, closing, the organiser's figures.

A visitor who joined the fair sends an enquiry to a booth (optionally about one of its
products).  It gets a reference (``FE-2026-000123``) and is due ``fair.reply_hours`` office
hours later (:func:`~yunzhao.core.calendar.add_working_hours`); the visitor is acknowledged
by e-mail in their language and the booth's exhibitor accounts are told.  The first reply by
an exhibitor account stops the clock.  An investor's enquiry to the zone's own booth, with
their consent, becomes a lead in the project platform: an enterprise (an existing one when
the duplicate detection finds it), a contact and a project at "lead" with source "event",
owned by the fair's department.

Every function runs in one transaction, locks the enquiry where two people may act at once,
writes the audit log and sends its e-mails after the commit.
"""

from __future__ import annotations

import datetime as dt
import secrets
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import audit
from yunzhao.core.calendar import add_working_hours, exceptions_between, office_hours_between
from yunzhao.crm.contacts import create_contact
from yunzhao.crm.duplicates import find_probable_duplicates
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import Contact, DataSource, Enterprise, Ownership
from yunzhao.matchmaking import enquiry_emails
from yunzhao.matchmaking.access import runs_booth
from yunzhao.matchmaking.models import (
    Booth,
    Enquiry,
    EnquiryMessage,
    EnquiryStatus,
    Fair,
    Participant,
    Product,
    Role,
)
from yunzhao.pipeline.models import Project, Source, Stage
from yunzhao.pipeline.projects import create_project

#: Office hours in which the answer clock runs (o'clock, the zone's time).
DAY_STARTS = 9
DAY_ENDS = 18


class EnquiryError(Exception):
    """The enquiry cannot be sent or changed as asked."""


class EnquiryClosedError(EnquiryError):
    """The enquiry is closed: nothing more can be added to it."""


class NotAllowedError(EnquiryError):
    """The user is neither the enquiry's visitor nor one of the booth's exhibitor accounts."""


# --- Sending ---------------------------------------------------------------------------------


def reference_for(enquiry: Enquiry) -> str:
    """``FE-2026-000123``: the year it was sent (the zone's time) and its number."""
    return f"FE-{timezone.localtime(enquiry.created_at, timezone.get_default_timezone()):%Y}-{enquiry.pk:06d}"


def due_time(fair: Fair, sent_at: dt.datetime) -> dt.datetime:
    return add_working_hours(sent_at, fair.reply_hours, day_starts=DAY_STARTS, day_ends=DAY_ENDS)


def may_consent_to_lead(participant: Participant, booth: Booth) -> bool:
    """Only investors writing to the zone's own booth are asked whether they want to be a lead."""
    return booth.is_zone_booth and participant.role == Role.INVESTOR


def send_enquiry(
    *,
    participant: Participant,
    booth: Booth,
    subject: str,
    text: str,
    product: Product | None = None,
    lead_consent: bool = False,
    now: dt.datetime | None = None,
) -> Enquiry:
    """Store the enquiry, start its clock, acknowledge it and tell the exhibitor; a lead for
    the zone's booth when the investor consents."""
    if booth.fair_id != participant.fair_id:
        raise EnquiryError("the booth is in another fair")
    if participant.booth_id == booth.pk:
        raise EnquiryError("exhibitors do not enquire at their own booth")
    if product is not None and product.booth_id != booth.pk:
        raise EnquiryError("the product is another booth's")
    now = now or timezone.now()
    consented = lead_consent and may_consent_to_lead(participant, booth)
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            booth=booth,
            participant=participant,
            product=product,
            reference=f"new-{secrets.token_hex(8)}",
            subject=subject.strip(),
            language=participant.language or settings.LANGUAGE_CODE,
            created_at=now,
            due_at=due_time(booth.fair, now),
            lead_consent_at=now if consented else None,
        )
        enquiry.reference = reference_for(enquiry)
        enquiry.save(update_fields=["reference"])
        EnquiryMessage.objects.create(
            enquiry=enquiry, from_exhibitor=False, author=participant.user, body=text.strip(), created_at=now
        )
        audit.record(
            actor=participant.user,
            action="fair.enquiry.sent",
            target=enquiry,
            after=audit.snapshot(enquiry, ["reference", "booth", "product", "due_at", "lead_consent_at"]),
        )
        if consented:
            enquiry.project = create_lead(enquiry=enquiry, by=participant.user)
            enquiry.save(update_fields=["project"])
        pk = enquiry.pk
        transaction.on_commit(lambda: enquiry_emails.send_acknowledgement(enquiry_pk=pk))
        transaction.on_commit(lambda: enquiry_emails.send_to_exhibitors(enquiry_pk=pk, what="new"))
    return enquiry


# --- The lead for the zone's booth -------------------------------------------------------------


def _in_languages(field_name: str, text: str, language: str) -> dict[str, str]:
    """``text`` in the default language's column and in the writer's own."""
    values = {build_localized_fieldname(field_name, settings.LANGUAGE_CODE): text}
    values[build_localized_fieldname(field_name, language)] = text
    return values


def enterprise_for(participant: Participant, *, by: Any) -> Enterprise:
    """The enterprise on file for the participant's organisation (same name and country, by
    the duplicate detection), or a new one owned by the fair's department."""
    country = participant.country.upper()
    for match in find_probable_duplicates(names=[participant.organisation], country=country):
        if match.enterprise.country == country:
            return match.enterprise
    return create_enterprise(
        by=by,
        **_in_languages("name", participant.organisation, participant.language),
        country=country,
        ownership=Ownership.PRIVATE if country == "CN" else Ownership.FOREIGN,
        department=participant.fair.department,
    )


def contact_for(participant: Participant, enterprise: Enterprise, *, by: Any) -> Contact:
    """The enterprise's contact with the participant's e-mail address, or a new one (consented)."""
    existing = Contact.objects.filter(enterprise=enterprise, email__iexact=participant.email).first()
    if existing is not None:
        return existing
    return create_contact(
        enterprise=enterprise,
        by=by,
        name=participant.name,
        title=participant.job_title,
        languages=[participant.language],
        email=participant.email,
        data_source=DataSource.EVENT_REGISTRATION,
        consented=True,
    )


def create_lead(*, enquiry: Enquiry, by: Any) -> Project:
    """The enquiry's lead: the participant's earlier lead from this fair, or a new project at
    "lead" with source "event" for their enterprise and contact, owned by the fair's department."""
    # Lock the participant: two enquiries sent at once must not make two leads.
    participant = Participant.objects.select_for_update().select_related("fair").get(pk=enquiry.participant_id)
    earlier = (
        Enquiry.objects.filter(participant=participant, project__isnull=False)
        .exclude(pk=enquiry.pk)
        .select_related("project")
        .first()
    )
    if earlier is not None and earlier.project is not None:
        return earlier.project
    fair = enquiry.booth.fair
    enterprise = enterprise_for(participant, by=by)
    contact_for(participant, enterprise, by=by)
    project = create_project(
        by=by,
        department=fair.department,
        **_in_languages("title", f"{participant.organisation}: {enquiry.subject}"[:300], participant.language),
        enterprise=enterprise,
        industry=participant.industries.first(),
        stage=Stage.LEAD,
        source=Source.EVENT,
    )
    audit.record(
        actor=by,
        action="fair.enquiry.lead_created",
        target=enquiry,
        data={"project": project.pk, "enterprise": enterprise.pk, "fair": fair.pk},
    )
    return project


# --- The thread ---------------------------------------------------------------------------------


def _lock(enquiry: Enquiry) -> Enquiry:
    locked = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if locked.status == EnquiryStatus.CLOSED:
        raise EnquiryClosedError
    return locked


def is_visitor(user: Any, enquiry: Enquiry) -> bool:
    return bool(getattr(user, "is_authenticated", False) and enquiry.participant.user_id == user.pk)


def reply(*, enquiry: Enquiry, by: Any, text: str, now: dt.datetime | None = None) -> EnquiryMessage:
    """An exhibitor account answers: the first answer stops the clock; the visitor gets it by e-mail."""
    if not runs_booth(by, enquiry.booth):
        raise NotAllowedError
    now = now or timezone.now()
    with transaction.atomic():
        enquiry = _lock(enquiry)
        message = EnquiryMessage.objects.create(
            enquiry=enquiry, from_exhibitor=True, author=by, body=text.strip(), created_at=now
        )
        fields = ["status"]
        first = enquiry.first_answered_at is None
        if first:
            enquiry.first_answered_at = now
            fields.append("first_answered_at")
        enquiry.status = EnquiryStatus.ANSWERED
        enquiry.save(update_fields=fields)
        audit.record(
            actor=by,
            action="fair.enquiry.answered",
            target=enquiry,
            data={"message": message.pk, "first": first, "in_time": bool(first and now <= enquiry.due_at)},
        )
        pk = enquiry.pk
        transaction.on_commit(lambda: enquiry_emails.send_reply(enquiry_pk=pk))
    return message


def follow_up(*, enquiry: Enquiry, by: Any, text: str, now: dt.datetime | None = None) -> EnquiryMessage:
    """The visitor writes again: the enquiry waits for the exhibitor again (the clock, once
    stopped, stays stopped); the exhibitor accounts are told."""
    if not is_visitor(by, enquiry):
        raise NotAllowedError
    now = now or timezone.now()
    with transaction.atomic():
        enquiry = _lock(enquiry)
        message = EnquiryMessage.objects.create(
            enquiry=enquiry, from_exhibitor=False, author=by, body=text.strip(), created_at=now
        )
        enquiry.status = EnquiryStatus.OPEN
        enquiry.save(update_fields=["status"])
        audit.record(actor=by, action="fair.enquiry.followed_up", target=enquiry, data={"message": message.pk})
        pk = enquiry.pk
        transaction.on_commit(lambda: enquiry_emails.send_to_exhibitors(enquiry_pk=pk, what="follow_up"))
    return message


def close(*, enquiry: Enquiry, by: Any) -> Enquiry:
    """The visitor or an exhibitor account closes the enquiry."""
    if not (is_visitor(by, enquiry) or runs_booth(by, enquiry.booth)):
        raise NotAllowedError
    with transaction.atomic():
        enquiry = _lock(enquiry)
        before = audit.snapshot(enquiry, ["status"])
        enquiry.status = EnquiryStatus.CLOSED
        enquiry.save(update_fields=["status"])
        audit.record(
            actor=by, action="fair.enquiry.closed", target=enquiry, before=before, after={"status": enquiry.status}
        )
    return enquiry


# --- Reading ------------------------------------------------------------------------------------


def is_overdue(enquiry: Enquiry, now: dt.datetime | None = None) -> bool:
    """Not answered yet, not closed, and past its due time."""
    now = now or timezone.now()
    return enquiry.first_answered_at is None and enquiry.status != EnquiryStatus.CLOSED and enquiry.due_at < now


def sent_by(participant: Participant) -> QuerySet[Enquiry]:
    return (
        Enquiry.objects.filter(participant=participant)
        .select_related("booth", "product")
        .order_by("-created_at", "-pk")
    )


def inbox(booths: Iterable[Booth] | QuerySet[Booth]) -> list[Enquiry]:
    """The booths' enquiries: open ones first by due time, then answered, then closed (latest first)."""
    found = list(
        Enquiry.objects.filter(booth__in=booths).select_related("booth", "participant", "product").order_by("due_at")
    )
    rank = {EnquiryStatus.OPEN: 0, EnquiryStatus.ANSWERED: 1, EnquiryStatus.CLOSED: 2}
    open_ones = [e for e in found if e.status == EnquiryStatus.OPEN]
    others = sorted(
        (e for e in found if e.status != EnquiryStatus.OPEN),
        key=lambda e: (rank.get(EnquiryStatus(e.status), 3), -e.created_at.timestamp()),
    )
    return open_ones + others


# --- The organiser's figures --------------------------------------------------------------------


@dataclass
class ResponseFigures:
    """One exhibitor's (or all exhibitors') answering of enquiries."""

    booth: Booth | None
    received: int = 0
    answered: int = 0
    answered_in_time: int = 0
    overdue_now: int = 0
    #: Enquiries whose outcome is known: answered, or past their due time unanswered.
    decided: int = 0
    hours: list[float] = field(default_factory=list)

    @property
    def median_hours(self) -> float | None:
        """Median office hours from sending to the first answer."""
        return statistics.median(self.hours) if self.hours else None

    @property
    def share_in_time(self) -> float | None:
        """Answered in time among the enquiries answered or already past due (``None`` when none is)."""
        return self.answered_in_time / self.decided if self.decided else None

    @property
    def percent_in_time(self) -> float | None:
        share = self.share_in_time
        return None if share is None else share * 100


SORT_KEYS = ("exhibitor", "received", "answered", "in_time", "median", "overdue")


def response_figures(fair: Fair, *, now: dt.datetime | None = None) -> tuple[list[ResponseFigures], ResponseFigures]:
    """Per booth of ``fair`` (every booth, even without enquiries) and in total: received,
    answered, answered by the due time, median first-answer time in office hours, overdue now."""
    now = now or timezone.now()
    booths = list(Booth.objects.filter(fair=fair).order_by("number", "pk"))
    rows = {booth.pk: ResponseFigures(booth=booth) for booth in booths}
    total = ResponseFigures(booth=None)
    enquiries = list(
        Enquiry.objects.filter(booth__fair=fair).values_list(
            "booth_id", "created_at", "due_at", "first_answered_at", "status"
        )
    )
    exceptions: dict[dt.date, bool] = {}
    if enquiries:
        first = min(created for _b, created, _d, _a, _s in enquiries)
        exceptions = exceptions_between(first.date() - dt.timedelta(days=1), now.date() + dt.timedelta(days=1))
    for booth_id, created, due, answered, status in enquiries:
        for figures in (rows[booth_id], total):
            figures.received += 1
            if answered is not None or due < now:
                figures.decided += 1
            if answered is not None:
                figures.answered += 1
                figures.answered_in_time += answered <= due
                figures.hours.append(
                    office_hours_between(
                        created, answered, day_starts=DAY_STARTS, day_ends=DAY_ENDS, exceptions=exceptions
                    )
                )
            elif status != EnquiryStatus.CLOSED and due < now:
                figures.overdue_now += 1
    return list(rows.values()), total


def sort_figures(rows: list[ResponseFigures], key: str, *, descending: bool = False) -> list[ResponseFigures]:
    """``rows`` by one of :data:`SORT_KEYS` (missing medians last either way)."""

    def value(row: ResponseFigures) -> Any:
        if key == "received":
            return row.received
        if key == "answered":
            return row.answered
        if key == "in_time":
            return row.share_in_time if row.share_in_time is not None else -1.0
        if key == "median":
            return row.median_hours if row.median_hours is not None else float("inf")
        if key == "overdue":
            return row.overdue_now
        return str(row.booth.name if row.booth else "").casefold()

    if key == "median":
        known = [row for row in rows if row.median_hours is not None]
        unknown = [row for row in rows if row.median_hours is None]
        return sorted(known, key=value, reverse=descending) + unknown
    return sorted(rows, key=value, reverse=descending)
