"""Two people acting at the same moment (PostgreSQL): the caps and the one-live-request rule hold."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from tests.matchmaking.factories import FairFactory, ParticipantFactory
from yunzhao.matchmaking import meeting_requests
from yunzhao.matchmaking.models import MeetingRequest, RequestStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(*actions: Callable[[], object]) -> list[str]:
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = []

    def run(action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            action()
            outcomes.append("done")
        except meeting_requests.RequestRefused as refused:
            outcomes.append(refused.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_acceptances_at_once_keep_the_cap():
    fair = FairFactory(max_accepted=1)
    maker = ParticipantFactory(fair=fair, role="exhibitor")
    first, second = (
        meeting_requests.send_request(sender=ParticipantFactory(fair=fair, role="buyer"), recipient=maker)
        for _ in range(2)
    )
    outcomes = at_once(
        lambda: meeting_requests.accept_request(request=first, by=maker),
        lambda: meeting_requests.accept_request(request=second, by=maker),
    )
    assert outcomes == ["done", "max_accepted"]
    assert MeetingRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 1


def test_two_sends_at_once_keep_the_request_cap():
    fair = FairFactory(max_requests=1)
    buyer = ParticipantFactory(fair=fair, role="buyer")
    a, b = (ParticipantFactory(fair=fair, role="exhibitor") for _ in range(2))
    outcomes = at_once(
        lambda: meeting_requests.send_request(sender=buyer, recipient=a),
        lambda: meeting_requests.send_request(sender=buyer, recipient=b),
    )
    assert outcomes == ["done", "max_requests"]


def test_the_same_request_sent_twice_at_once_is_kept_once():
    fair = FairFactory()
    buyer = ParticipantFactory(fair=fair, role="buyer")
    maker = ParticipantFactory(fair=fair, role="exhibitor")
    outcomes = at_once(
        lambda: meeting_requests.send_request(sender=buyer, recipient=maker),
        lambda: meeting_requests.send_request(sender=buyer, recipient=maker),
    )
    assert outcomes == ["done", "duplicate"]
    assert MeetingRequest.objects.count() == 1
