"""Meeting requests between participants: send, accept, decline, cancel, expire.

A request is *live* while it waits for an answer (and has not passed ``expires_at``) or is
accepted; a pair of participants has at most one live request, in either direction.  The
organiser's rules hold when sending (who may meet whom: ``Fair.meeting_rules`` read as
``recommending.roles_rule``; ``Fair.max_requests`` live requests sent) and when accepting
(``Fair.max_accepted`` accepted requests per participant, on either side: the scheduler's
over-subscription is fixed by this cap).  An unanswered request expires
``Fair.request_expiry_hours`` after it was sent, so it never blocks anyone's slots.

Every function runs in one transaction, writes the audit log and tells the other side by
e-mail after the commit (``request_emails`` through ``tasks``).  A refusal is a
:class:`RequestRefused` whose message is for the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from yunzhao.core import audit
from yunzhao.matchmaking.models import (
    Fair,
    Meeting,
    MeetingKind,
    MeetingRequest,
    MeetingStatus,
    Participant,
    RequestStatus,
)
from yunzhao.matchmaking.recommending import Profile, roles_rule

LIVE_STATUSES = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


class RequestRefused(Exception):
    """The request cannot be sent or answered; ``message`` tells the user why, ``code`` the tests."""

    def __init__(self, message: str | Promise, code: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


def live(now: dt.datetime | None = None) -> Q:
    """Requests that hold a pair: waiting and not yet past their expiry, or accepted."""
    now = now or timezone.now()
    return Q(status=RequestStatus.ACCEPTED) | Q(status=RequestStatus.PENDING, expires_at__gt=now)


def shown_status(request: MeetingRequest, now: dt.datetime | None = None) -> str:
    """The status as the user sees it: a waiting request past its expiry is expired already,
    even before the expiry task has run."""
    now = now or timezone.now()
    if request.status == RequestStatus.PENDING and request.expires_at <= now:
        return RequestStatus.EXPIRED
    return request.status


def may_meet(fair: Fair, me: Participant, them: Participant) -> bool:
    """Whether the organiser's rules let these two roles meet (both ways)."""
    rules = fair.meeting_rules or {}
    if not rules:
        return True
    rule = roles_rule({str(role): set(roles) for role, roles in rules.items()})
    return rule(Profile(id=me.pk, role=me.role), Profile(id=them.pk, role=them.role))


def requests_of(participant: Participant) -> QuerySet[MeetingRequest]:
    """Every request ``participant`` sent or received, newest first, with both sides joined."""
    return (
        MeetingRequest.objects.filter(Q(sender=participant) | Q(recipient=participant))
        .select_related("sender", "recipient", "sender__booth", "recipient__booth", "cancelled_by", "meeting")
        .order_by("-created_at", "-pk")
    )


def _enqueue(request: MeetingRequest, what: str) -> None:
    from yunzhao.matchmaking import tasks

    pk = request.pk
    transaction.on_commit(lambda: tasks.send_request_email.enqueue(pk, what))


def _expire(request: MeetingRequest, now: dt.datetime) -> None:
    request.status = RequestStatus.EXPIRED
    request.answered_at = None
    request.save(update_fields=["status", "answered_at"])
    audit.record(
        actor=None,
        action="matchmaking.request.expired",
        target=request,
        data={"expires_at": request.expires_at, "expired_at": now},
    )
    _enqueue(request, "expired")


def _expire_pair(a: Participant, b: Participant, now: dt.datetime) -> None:
    overdue = MeetingRequest.objects.select_for_update().filter(
        Q(sender=a, recipient=b) | Q(sender=b, recipient=a), status=RequestStatus.PENDING, expires_at__lte=now
    )
    for request in overdue:
        _expire(request, now)


def send_request(
    *,
    sender: Participant,
    recipient: Participant,
    kind: str = MeetingKind.TABLE,
    message: str = "",
    guests: Iterable[Participant] = (),
    now: dt.datetime | None = None,
) -> MeetingRequest:
    """``sender`` asks ``recipient`` to meet; refused (:class:`RequestRefused`) against the fair's rules."""
    now = now or timezone.now()
    guests = list(guests)
    try:
        with transaction.atomic():
            # The sender's row serialises their sending, so the cap holds against two at once.
            sender = (
                Participant.objects.select_for_update(of=("self",)).select_related("fair", "user").get(pk=sender.pk)
            )
            recipient = Participant.objects.get(pk=recipient.pk)
            fair = sender.fair
            if recipient.pk == sender.pk:
                raise RequestRefused(_("You cannot ask yourself for a meeting."), "self")
            if recipient.fair_id != fair.pk or not recipient.is_active or not sender.is_active:
                raise RequestRefused(_("This participant does not take part in the fair's matchmaking."), "inactive")
            if not may_meet(fair, sender, recipient):
                raise RequestRefused(
                    _("The organiser's rules do not let %(mine)s meet %(theirs)s at this fair.")
                    % {"mine": sender.get_role_display(), "theirs": recipient.get_role_display()},
                    "rules",
                )
            if kind not in MeetingKind.values:
                raise RequestRefused(_("Choose a kind of meeting."), "kind")
            if kind == MeetingKind.GROUP and not recipient.hosted:
                raise RequestRefused(_("Group meetings are held only by hosted buyers."), "group")
            if kind != MeetingKind.GROUP and guests:
                raise RequestRefused(_("Only a group meeting has other guests."), "guests")
            if any(g.fair_id != fair.pk or g.pk in {sender.pk, recipient.pk} or not g.is_active for g in guests):
                raise RequestRefused(_("Guests must be other participants of the fair."), "guests")
            _expire_pair(sender, recipient, now)
            existing = MeetingRequest.objects.filter(
                live(now), Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender)
            ).first()
            if existing is not None and existing.sender_id == sender.pk:
                raise RequestRefused(_("You have already asked this participant for a meeting."), "duplicate")
            if existing is not None:
                raise RequestRefused(
                    _("This participant has already asked you for a meeting: answer their request instead."),
                    "reverse",
                )
            if fair.max_requests is not None:
                sent = MeetingRequest.objects.filter(live(now), sender=sender).count()
                if sent >= fair.max_requests:
                    raise RequestRefused(
                        ngettext(
                            "You have %(count)s request waiting or accepted, as many as this fair allows. "
                            "Cancel it, or wait for an answer, before asking someone else.",
                            "You have %(count)s requests waiting or accepted, as many as this fair allows. "
                            "Cancel one, or wait for an answer, before asking someone else.",
                            sent,
                        )
                        % {"count": sent},
                        "max_requests",
                    )
            request = MeetingRequest.objects.create(
                fair=fair,
                sender=sender,
                recipient=recipient,
                kind=kind,
                message=message.strip(),
                created_at=now,
                expires_at=now + dt.timedelta(hours=fair.request_expiry_hours),
            )
            if guests:
                request.guests.set(guests)
            audit.record(
                actor=sender.user,
                action="matchmaking.request.sent",
                target=request,
                data={"kind": kind, "recipient": recipient.pk, "guests": [g.pk for g in guests]},
            )
            _enqueue(request, "sent")
    except IntegrityError as error:  # the one-live-per-pair index, should two sends slip past each other
        raise RequestRefused(_("You have already asked this participant for a meeting."), "duplicate") from error
    return request


def _locked(request: MeetingRequest) -> MeetingRequest:
    return MeetingRequest.objects.select_for_update(of=("self",)).select_related("fair").get(pk=request.pk)


def _check_answerable(request: MeetingRequest, by: Participant, now: dt.datetime) -> None:
    if request.recipient_id != by.pk:
        raise RequestRefused(_("Only the participant asked can answer this request."), "not_recipient")
    if shown_status(request, now) == RequestStatus.EXPIRED:
        raise RequestRefused(_("This request expired before it was answered."), "expired")
    if request.status != RequestStatus.PENDING:
        raise RequestRefused(_("This request has been answered already."), "answered")


def accepted_count(participant_id: int) -> int:
    """Accepted requests ``participant_id`` takes part in, on either side."""
    return MeetingRequest.objects.filter(
        Q(sender_id=participant_id) | Q(recipient_id=participant_id), status=RequestStatus.ACCEPTED
    ).count()


def accept_request(
    *, request: MeetingRequest, by: Participant, note: str = "", now: dt.datetime | None = None
) -> MeetingRequest:
    """The recipient accepts; refused once either side holds the fair's cap of accepted requests."""
    now = now or timezone.now()
    with transaction.atomic():
        request = _locked(request)
        # Both sides' rows, in a fixed order: two acceptances at once count one after the other.
        people = {
            p.pk: p
            for p in Participant.objects.select_for_update()
            .filter(pk__in=[request.sender_id, request.recipient_id])
            .order_by("pk")
        }
        _check_answerable(request, by, now)
        cap = request.fair.max_accepted
        if cap is not None:
            if accepted_count(request.recipient_id) >= cap:
                raise RequestRefused(
                    ngettext(
                        "You have accepted %(cap)s meeting, as many as this fair allows. "
                        "Cancel it before accepting another.",
                        "You have accepted %(cap)s meetings, as many as this fair allows. "
                        "Cancel one of them before accepting another.",
                        cap,
                    )
                    % {"cap": cap},
                    "max_accepted",
                )
            if accepted_count(request.sender_id) >= cap:
                raise RequestRefused(
                    ngettext(
                        "%(name)s already has %(cap)s meeting, as many as this fair allows; decline this request.",
                        "%(name)s already has %(cap)s meetings, as many as this fair allows; decline this request.",
                        cap,
                    )
                    % {"name": people[request.sender_id].organisation, "cap": cap},
                    "max_accepted_sender",
                )
        request.status = RequestStatus.ACCEPTED
        request.answered_at = now
        request.answer_note = note.strip()
        request.save(update_fields=["status", "answered_at", "answer_note"])
        audit.record(actor=by.user, action="matchmaking.request.accepted", target=request, data={"note": note})
        _enqueue(request, "accepted")
    return request


def decline_request(
    *, request: MeetingRequest, by: Participant, note: str = "", now: dt.datetime | None = None
) -> MeetingRequest:
    """The recipient declines, with a note the sender reads."""
    now = now or timezone.now()
    with transaction.atomic():
        request = _locked(request)
        _check_answerable(request, by, now)
        request.status = RequestStatus.DECLINED
        request.answered_at = now
        request.answer_note = note.strip()
        request.save(update_fields=["status", "answered_at", "answer_note"])
        audit.record(actor=by.user, action="matchmaking.request.declined", target=request, data={"note": note})
        _enqueue(request, "declined")
    return request


def cancel_request(*, request: MeetingRequest, by: Participant, now: dt.datetime | None = None) -> MeetingRequest:
    """Either side cancels a waiting or accepted request; its meeting, if scheduled, is cancelled too."""
    now = now or timezone.now()
    with transaction.atomic():
        request = _locked(request)
        if by.pk not in {request.sender_id, request.recipient_id}:
            raise RequestRefused(_("Only the two sides of a request can cancel it."), "not_party")
        if request.status not in LIVE_STATUSES or shown_status(request, now) == RequestStatus.EXPIRED:
            raise RequestRefused(_("This request is no longer waiting or accepted."), "not_live")
        request.status = RequestStatus.CANCELLED
        request.cancelled_by = by
        request.save(update_fields=["status", "cancelled_by"])
        meeting = Meeting.objects.select_for_update(of=("self",)).filter(request=request).order_by("pk").first()
        data: dict[str, Any] = {"meeting": None}
        if meeting is not None and meeting.status != MeetingStatus.CANCELLED:
            meeting.status = MeetingStatus.CANCELLED
            meeting.save(update_fields=["status"])
            data["meeting"] = meeting.pk
        audit.record(actor=by.user, action="matchmaking.request.cancelled", target=request, data=data)
        _enqueue(request, "cancelled")
    return request


def expire_requests(*, now: dt.datetime | None = None, fair: Fair | None = None) -> list[int]:
    """Every waiting request past its expiry becomes expired (the sender is told); their ids.

    Safe to run at any time and twice: rows another transaction holds are left for the next run.
    """
    now = now or timezone.now()
    overdue = MeetingRequest.objects.filter(status=RequestStatus.PENDING, expires_at__lte=now)
    if fair is not None:
        overdue = overdue.filter(fair=fair)
    expired: list[int] = []
    with transaction.atomic():
        for request in overdue.select_for_update(skip_locked=True).order_by("expires_at", "pk"):
            _expire(request, now)
            expired.append(request.pk)
    return expired
