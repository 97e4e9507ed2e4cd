"""E-mails of the consulting service, each in its reader's language.

The asker gets the acknowledgement (reference, promised reply time, the private link to the
thread) and every reply; the heads and leaders get escalations; both sides of a video meeting
get the booking with an iCalendar invitation whose location is the video link.
"""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yunzhao.consulting import questions
from yunzhao.consulting.models import Author, Booking, Question
from yunzhao.core.ical import CONTENT_TYPE, Entry, calendar_file


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def thread_url(question: Question) -> str:
    """The asker's private page of the question (the token in it is the key)."""
    with translation.override(question.language):
        return site_url(reverse("consulting:thread", args=[question.token]))


def booking_url(booking: Booking) -> str:
    with translation.override(booking.language):
        return site_url(reverse("consulting:booking", args=[booking.token]))


def _subject(template: str, context: dict[str, object]) -> str:
    return " ".join(render_to_string(template, context).split())


def send_question_email(*, question_pk: int, what: str) -> bool:
    """To the asker: ``acknowledgement`` of a new question or the latest ``reply``."""
    question = Question.objects.select_related("topic").filter(pk=question_pk).first()
    if question is None:
        return False
    reply = question.messages.filter(author_kind=Author.STAFF).order_by("-created_at", "-pk").first()
    with translation.override(question.language or settings.LANGUAGE_CODE):
        context = {
            "question": question,
            "what": what,
            "reply": reply,
            "url": thread_url(question),
            "due": timezone.localtime(question.due_at),
            "zone": settings.TIME_ZONE,
        }
        subject = _subject("consulting/email/question_subject.txt", context)
        body = render_to_string("consulting/email/question_body.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [question.email]).send(fail_silently=False)
    return True


def send_escalation_email(*, question_pk: int) -> int:
    """To the department's heads and the leaders: the question ran out of time.  How many were sent."""
    question = Question.objects.select_related("department", "topic").filter(pk=question_pk).first()
    if question is None:
        return 0
    sent = 0
    for person in questions.escalation_recipients(question):
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "question": question,
                "person": person,
                "url": site_url(reverse("office:question-detail", args=[question.pk])),
                "due": timezone.localtime(question.due_at),
                "zone": settings.TIME_ZONE,
            }
            subject = _subject("consulting/email/escalation_subject.txt", context)
            body = render_to_string("consulting/email/escalation_body.txt", context)
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]).send(fail_silently=False)
        sent += 1
    return sent


def booking_entry(booking: Booking) -> Entry:
    slot = booking.slot
    title = f"{booking.name} · {slot.officer.get_full_name()}"
    return Entry(
        uid=f"meeting-{booking.pk}",
        title=title,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        location=booking.video_url,
        description=booking.agenda,
        url=booking.video_url,
    )


def send_booking_emails(*, booking_pk: int, what: str) -> int:
    """To the investor and the officer: the meeting is ``booked`` (with the .ics) or ``cancelled``."""
    booking = Booking.objects.select_related("slot__officer", "slot__topic").filter(pk=booking_pk).first()
    if booking is None:
        return 0
    officer = booking.slot.officer
    people = [
        (booking.email, booking.language, "investor"),
        (officer.email, officer.preferred_language, "officer"),
    ]
    entry = booking_entry(booking)
    if what == "booked":
        ics = calendar_file([entry])
    else:  # the same uid, cancelled: calendars that took the invitation remove the meeting
        ics = calendar_file([dataclasses.replace(entry, cancelled=True)], method="CANCEL")
    for address, language, side in people:
        with translation.override(language or settings.LANGUAGE_CODE):
            context = {
                "booking": booking,
                "slot": booking.slot,
                "what": what,
                "side": side,
                "url": booking_url(booking) if side == "investor" else "",
                "starts": timezone.localtime(booking.slot.starts_at),
                "ends": timezone.localtime(booking.slot.ends_at),
                "zone": settings.TIME_ZONE,
            }
            subject = _subject("consulting/email/booking_subject.txt", context)
            body = render_to_string("consulting/email/booking_body.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach(f"meeting-{booking.pk}.ics", ics, CONTENT_TYPE)
        message.send(fail_silently=False)
    return len(people)
