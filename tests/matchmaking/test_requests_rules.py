"""Meeting requests: the organiser's rules and caps, answers, cancellation, expiry and the e-mails."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from tests.matchmaking.factories import (
    FairFactory,
    MeetingRequestFactory,
    ParticipantFactory,
    SlotFactory,
)
from yunzhao.core.models import AuditEntry
from yunzhao.matchmaking import meeting_requests
from yunzhao.matchmaking.meeting_requests import RequestRefused
from yunzhao.matchmaking.models import Meeting, MeetingKind, MeetingRequest, MeetingStatus, RequestStatus

pytestmark = pytest.mark.django_db


def people(fair=None, **fair_fields):
    fair = fair or FairFactory(**fair_fields)
    buyer = ParticipantFactory(fair=fair, role="buyer", organisation="Sakura Trading", language="ja")
    seller = ParticipantFactory(fair=fair, role="exhibitor", organisation="华光储能", language="zh-hans")
    return fair, buyer, seller


def refused(code, function, **kwargs):
    with pytest.raises(RequestRefused) as caught:
        function(**kwargs)
    assert caught.value.code == code
    return caught.value


def test_a_request_expires_after_the_fairs_hours_and_is_audited():
    _fair, buyer, seller = people(request_expiry_hours=24)
    now = timezone.now()
    request = meeting_requests.send_request(sender=buyer, recipient=seller, message="電池", now=now)
    assert request.expires_at == now + dt.timedelta(hours=24)
    assert request.status == RequestStatus.PENDING
    assert AuditEntry.objects.filter(action="matchmaking.request.sent", target_id=str(request.pk)).exists()


def test_nobody_asks_themselves_and_one_live_request_per_pair_either_way():
    _fair, buyer, seller = people()
    refused("self", meeting_requests.send_request, sender=buyer, recipient=buyer)
    meeting_requests.send_request(sender=buyer, recipient=seller)
    refused("duplicate", meeting_requests.send_request, sender=buyer, recipient=seller)
    error = refused("reverse", meeting_requests.send_request, sender=seller, recipient=buyer)
    with translation.override("en"):
        assert "answer their request" in str(error.message)


def test_the_database_keeps_one_live_request_per_pair():
    request = MeetingRequestFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingRequestFactory(fair=request.fair, sender=request.sender, recipient=request.recipient)


def test_the_organisers_rules_decide_who_may_meet_whom():
    fair, buyer, seller = people(meeting_rules={"buyer": ["exhibitor"]})
    other_buyer = ParticipantFactory(fair=fair, role="buyer")
    investor = ParticipantFactory(fair=fair, role="investor")
    with translation.override("en"):  # the message is written in the language of the request
        error = refused("rules", meeting_requests.send_request, sender=buyer, recipient=other_buyer)
    assert str(error.message) == "The organiser's rules do not let Buyer meet Buyer at this fair."
    refused("rules", meeting_requests.send_request, sender=investor, recipient=buyer)
    assert meeting_requests.send_request(sender=buyer, recipient=seller).pk
    # Roles the rules do not name meet anyone who may meet them.
    assert meeting_requests.send_request(sender=investor, recipient=seller).pk


def test_the_cap_on_requests_counts_live_ones_only():
    fair, buyer, seller = people(max_requests=1)
    other = ParticipantFactory(fair=fair, role="exhibitor")
    first = meeting_requests.send_request(sender=buyer, recipient=seller)
    with translation.override("en"):
        error = refused("max_requests", meeting_requests.send_request, sender=buyer, recipient=other)
    assert "as many as this fair allows" in str(error.message)
    meeting_requests.cancel_request(request=first, by=buyer)
    assert meeting_requests.send_request(sender=buyer, recipient=other).pk


def test_a_group_meeting_is_asked_only_of_a_hosted_buyer_and_has_guests():
    fair, buyer, seller = people()
    guest = ParticipantFactory(fair=fair, role="exhibitor")
    refused("group", meeting_requests.send_request, sender=seller, recipient=buyer, kind=MeetingKind.GROUP)
    buyer.hosted = True
    buyer.save()
    request = meeting_requests.send_request(sender=seller, recipient=buyer, kind=MeetingKind.GROUP, guests=[guest])
    assert list(request.guests.all()) == [guest]
    refused(
        "guests",
        meeting_requests.send_request,
        sender=guest,
        recipient=buyer,
        kind=MeetingKind.TABLE,
        guests=[seller],
    )


def test_only_the_recipient_answers_and_only_once(run_tasks):
    _fair, buyer, seller = people()
    request = meeting_requests.send_request(sender=buyer, recipient=seller)
    refused("not_recipient", meeting_requests.accept_request, request=request, by=buyer)
    run_tasks(meeting_requests.decline_request, request=request, by=seller, note="展会期间已满")
    request.refresh_from_db()
    assert (request.status, request.answer_note) == (RequestStatus.DECLINED, "展会期间已满")
    refused("answered", meeting_requests.accept_request, request=request, by=seller)
    # The sender reads Japanese.
    (message,) = mail.outbox
    assert message.to == [buyer.email]
    assert "展会期间已满" in message.body
    assert "/ja/fairs/" in message.body
    # Declined, the pair may ask again.
    assert meeting_requests.send_request(sender=buyer, recipient=seller).pk


def test_the_acceptance_cap_refuses_with_a_clear_message():
    fair, buyer, seller = people(max_accepted=1)
    other_buyer = ParticipantFactory(fair=fair, role="buyer", organisation="Osaka Imports")
    first = meeting_requests.send_request(sender=buyer, recipient=seller)
    second = meeting_requests.send_request(sender=other_buyer, recipient=seller)
    meeting_requests.accept_request(request=first, by=seller)
    with translation.override("en"):
        error = refused("max_accepted", meeting_requests.accept_request, request=second, by=seller)
    assert str(error.message) == (
        "You have accepted 1 meeting, as many as this fair allows. Cancel it before accepting another."
    )
    with translation.override("zh-hans"):
        chinese = refused("max_accepted", meeting_requests.accept_request, request=second, by=seller)
    assert str(chinese.message).startswith("您已接受 1 场会谈")
    second.refresh_from_db()
    assert second.status == RequestStatus.PENDING
    # The sender's side counts too: the buyer already has their one meeting.
    third_seller = ParticipantFactory(fair=fair, role="exhibitor")
    third = meeting_requests.send_request(sender=buyer, recipient=third_seller)
    refused("max_accepted_sender", meeting_requests.accept_request, request=third, by=third_seller)


def test_either_side_cancels_and_a_scheduled_meeting_is_cancelled_with_it(run_tasks):
    fair, buyer, seller = people()
    request = meeting_requests.send_request(sender=buyer, recipient=seller)
    meeting_requests.accept_request(request=request, by=seller)
    meeting = Meeting.objects.create(fair=fair, request=request, slot=SlotFactory(fair=fair))
    run_tasks(meeting_requests.cancel_request, request=request, by=seller)
    request.refresh_from_db()
    meeting.refresh_from_db()
    assert (request.status, request.cancelled_by) == (RequestStatus.CANCELLED, seller)
    assert meeting.status == MeetingStatus.CANCELLED
    (message,) = mail.outbox
    assert message.to == [buyer.email]
    # And the sender can withdraw a waiting request.
    again = run_tasks(meeting_requests.send_request, sender=buyer, recipient=seller)
    run_tasks(meeting_requests.cancel_request, request=again, by=buyer)
    again.refresh_from_db()
    assert again.cancelled_by == buyer
    assert mail.outbox[-1].to == [seller.email]
    refused("not_live", meeting_requests.cancel_request, request=again, by=seller)
    stranger = ParticipantFactory(fair=fair)
    refused("not_party", meeting_requests.cancel_request, request=request, by=stranger)


def test_an_unanswered_request_expires_and_no_longer_holds_the_pair(run_tasks):
    _fair, buyer, seller = people(request_expiry_hours=48)
    sent_at = timezone.now() - dt.timedelta(hours=49)
    request = meeting_requests.send_request(sender=buyer, recipient=seller, now=sent_at)
    assert meeting_requests.shown_status(request) == RequestStatus.EXPIRED
    assert not MeetingRequest.objects.filter(meeting_requests.live(), pk=request.pk).exists()
    refused("expired", meeting_requests.accept_request, request=request, by=seller)

    expired = run_tasks(meeting_requests.expire_requests)
    assert expired == [request.pk]
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    assert AuditEntry.objects.filter(action="matchmaking.request.expired", target_id=str(request.pk)).count() == 1
    (message,) = mail.outbox
    assert message.to == [buyer.email]
    # Twice expires nothing twice; the pair may ask again.
    assert meeting_requests.expire_requests() == []
    assert meeting_requests.send_request(sender=buyer, recipient=seller).status == RequestStatus.PENDING


def test_sending_again_before_the_expiry_task_ran_expires_the_old_request():
    _fair, buyer, seller = people(request_expiry_hours=2)
    old = meeting_requests.send_request(sender=buyer, recipient=seller, now=timezone.now() - dt.timedelta(hours=3))
    new = meeting_requests.send_request(sender=buyer, recipient=seller)
    old.refresh_from_db()
    assert (old.status, new.status) == (RequestStatus.EXPIRED, RequestStatus.PENDING)


def test_the_expiry_command_expires_what_is_due(capsys):
    _fair, buyer, seller = people(request_expiry_hours=1)
    meeting_requests.send_request(sender=buyer, recipient=seller, now=timezone.now() - dt.timedelta(hours=2))
    call_command("expire_meeting_requests")
    assert "1 meeting requests expired." in capsys.readouterr().out
    assert MeetingRequest.objects.get().status == RequestStatus.EXPIRED


def test_each_email_goes_to_the_other_side_in_their_language(run_tasks):
    _fair, buyer, seller = people()
    run_tasks(meeting_requests.send_request, sender=buyer, recipient=seller, message="蓄電池を探しています")
    (message,) = mail.outbox
    assert message.to == [seller.email]
    assert "蓄電池を探しています" in message.body
    assert "/zh-hans/fairs/" in message.body
    request = MeetingRequest.objects.get()
    run_tasks(meeting_requests.accept_request, request=request, by=seller, note="欢迎")
    assert mail.outbox[-1].to == [buyer.email]
    assert "/ja/fairs/" in mail.outbox[-1].body
