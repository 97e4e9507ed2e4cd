"""Background work of the fair's matchmaking: each task takes primary keys and calls one function.

``expire_meeting_requests`` runs periodically (``manage.py expire_meeting_requests``, from
cron or a timer, e.g. every ten minutes; ``--enqueue`` hands it to the task workers).
"""

from __future__ import annotations

from django_tasks import task

from yunzhao.matchmaking import meeting_requests, planning, request_emails
from yunzhao.matchmaking.models import Participant


@task()
def send_request_email(request_pk: int, what: str) -> bool:
    return request_emails.send_request_email(request_pk=request_pk, what=what)


@task()
def expire_meeting_requests() -> int:
    return len(meeting_requests.expire_requests())


@task()
def send_agenda_email(fair_pk: int, participant_pk: int) -> bool:
    """After a schedule is published: one participant's agenda link, in their language."""
    participant = Participant.objects.filter(pk=participant_pk, fair_id=fair_pk).select_related("fair").first()
    if participant is None:
        return False
    planning.send_agenda_email(fair=participant.fair, participant=participant)
    return True
