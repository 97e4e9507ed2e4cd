"""The portal's consulting pages: the FAQ with its search, asking, the asker's thread, meetings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from modeltranslation.utils import build_localized_fieldname

from yunzhao.consulting import meetings, questions
from yunzhao.consulting.forms import AskerMessageForm, BookingForm, CloseForm, QuestionForm, reader_language
from yunzhao.consulting.models import Booking, FaqEntry, MeetingSlot, Question, QuestionStatus, Topic
from yunzhao.core.content import Publication
from yunzhao.core.pagecache import public_page
from yunzhao.core.public_forms import RateLimitedFormMixin

MAX_QUERY = 100


def published_faq() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(status=Publication.PUBLISHED).select_related("topic").order_by("position", "pk")


def search_faq(query: str, language: str) -> QuerySet[FaqEntry]:
    """Entries whose question or answer contains ``query`` in ``language`` (or in the source language,
    which readers of a missing translation see)."""
    entries = published_faq()
    if not query:
        return entries
    condition = Q()
    for code in dict.fromkeys([language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE]):
        for field in ("question", "answer"):
            condition |= Q(**{f"{build_localized_fieldname(field, code)}__icontains": query})
    return entries.filter(condition)


@method_decorator(public_page, name="dispatch")
class HomeView(ListView):
    """The FAQ grouped by topic, a search box, and the ways to ask or to meet us."""

    template_name = "consulting/home.html"
    context_object_name = "entries"

    @cached_property
    def query(self) -> str:
        return " ".join(self.request.GET.get("q", "").split())[:MAX_QUERY]

    def get_queryset(self) -> QuerySet[FaqEntry]:
        return search_faq(self.query, reader_language())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        groups: dict[Any, list[FaqEntry]] = {}
        for entry in context["entries"]:
            entry.shown_in_fallback = entry.is_fallback("question") or entry.is_fallback("answer")
            groups.setdefault(entry.topic, []).append(entry)
        return {
            **context,
            "query": self.query,
            "groups": list(groups.items()),
            "target_days": Topic(reply_days=None).target_days(),
        }


class AskFormView(FormView):
    """The question form; :class:`AskView` puts the rate limit in front of it."""

    template_name = "consulting/ask.html"
    form_class = QuestionForm

    def get_initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {"language": reader_language()}
        topic = self.request.GET.get("topic", "")
        if topic.isdigit():
            initial["topic"] = int(topic)
        user = self.request.user
        if user.is_authenticated:
            initial.update(
                name=user.full_name,
                email=user.email,
                organisation=getattr(user, "organisation", ""),
                country=getattr(user, "country", ""),
            )
        return initial

    def form_valid(self, form: Any) -> HttpResponse:
        data = form.cleaned_data
        question = questions.ask_question(
            topic=data["topic"],
            asker=questions.Asker(
                name=data["name"],
                email=data["email"],
                language=data["language"],
                organisation=data["organisation"],
                country=data["country"],
            ),
            subject=data["subject"],
            text=data["text"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("Thank you. Your question %(reference)s is received; a confirmation is on its way to %(email)s.")
            % {"reference": question.reference, "email": question.email},
        )
        return redirect("consulting:thread", token=question.token)


class AskView(RateLimitedFormMixin, AskFormView):
    rate_scope = "consulting-ask"


class ThreadMixin:
    kwargs: dict[str, Any]

    @cached_property
    def question(self) -> Question:
        question = Question.objects.select_related("topic").filter(token=self.kwargs["token"]).first()
        if question is None:
            raise Http404
        return question


class ThreadView(ThreadMixin, TemplateView):
    """The asker's private page: the reference, the promised reply time, the thread, write back, close."""

    template_name = "consulting/thread.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        question = self.question
        return super().get_context_data(
            question=question,
            thread=list(question.messages.all()),
            due=timezone.localtime(question.due_at),
            zone=settings.TIME_ZONE,
            message_form=kwargs.pop("message_form", None) or AskerMessageForm(),
            close_form=kwargs.pop("close_form", None) or CloseForm(),
            is_closed=question.status == QuestionStatus.CLOSED,
            **kwargs,
        )


class AskerMessageView(ThreadMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = AskerMessageForm(request.POST)
        if not form.is_valid():
            view = ThreadView(request=request, kwargs=self.kwargs)
            return view.render_to_response(view.get_context_data(message_form=form))
        try:
            questions.add_asker_message(question=self.question, text=form.cleaned_data["text"])
        except questions.QuestionClosedError:
            messages.info(request, _("This question is closed."))
        else:
            messages.success(request, _("Your message is sent."))
        return redirect("consulting:thread", token=token)


class CloseView(ThreadMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = CloseForm(request.POST)
        if not form.is_valid():
            view = ThreadView(request=request, kwargs=self.kwargs)
            return view.render_to_response(view.get_context_data(close_form=form))
        try:
            questions.close_question(
                question=self.question, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"]
            )
        except questions.QuestionClosedError:
            messages.info(request, _("This question is closed."))
        else:
            messages.success(request, _("The question is closed. Thank you for telling us how we did."))
        return redirect("consulting:thread", token=token)


class MyQuestionsView(LoginRequiredMixin, ListView):
    """An investor account's questions."""

    template_name = "consulting/mine.html"
    context_object_name = "questions"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Question]:
        return (
            Question.objects.filter(asker_id=self.request.user.pk).select_related("topic").order_by("-asked_at", "-pk")
        )


class MeetView(ListView):
    # Not kept in the page cache: its slots pass with the clock, not with an edit.
    """Coming free slots, in the zone's time (stated)."""

    template_name = "consulting/meet.html"
    context_object_name = "slots"
    paginate_by = 30

    def get_queryset(self) -> QuerySet[MeetingSlot]:
        return meetings.free_slots().select_related("officer")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(zone=settings.TIME_ZONE, **kwargs)


class BookFormView(FormView):
    """Booking a slot; :class:`BookView` puts the rate limit in front of it."""

    template_name = "consulting/book.html"
    form_class = BookingForm

    @cached_property
    def slot(self) -> MeetingSlot:
        return get_object_or_404(MeetingSlot.objects.select_related("officer", "topic"), pk=self.kwargs["pk"])

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not meetings.free_slots().filter(pk=self.slot.pk).exists():
            messages.info(request, _("This time is no longer free. Please choose another."))
            return redirect("consulting:meet")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[return-value]

    def get_initial(self) -> dict[str, Any]:
        user = self.request.user
        if not user.is_authenticated:
            return {}
        return {"name": user.full_name, "email": user.email, "company": getattr(user, "organisation", "")}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(slot=self.slot, zone=settings.TIME_ZONE, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        data = form.cleaned_data
        try:
            booking = meetings.book_slot(
                slot=self.slot,
                booker=meetings.Booker(
                    name=data["name"],
                    email=data["email"],
                    company=data["company"],
                    agenda=data["agenda"],
                    language=reader_language(),
                ),
            )
        except meetings.SlotTakenError:
            messages.info(self.request, _("This time is no longer free. Please choose another."))
            return redirect("consulting:meet")
        messages.success(
            self.request,
            _("The meeting is booked. The invitation is on its way to %(email)s.") % {"email": booking.email},
        )
        return redirect("consulting:booking", token=booking.token)


class BookView(RateLimitedFormMixin, BookFormView):
    rate_scope = "consulting-book"


class BookingView(TemplateView):
    template_name = "consulting/booking.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        booking = Booking.objects.select_related("slot__officer", "slot__topic").filter(token=kwargs["token"]).first()
        if booking is None:
            raise Http404
        return super().get_context_data(
            booking=booking,
            slot=booking.slot,
            zone=settings.TIME_ZONE,
            can_cancel=booking.cancelled_at is None and booking.slot.ends_at > timezone.now(),
            **kwargs,
        )


class CancelBookingView(View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        booking = Booking.objects.filter(token=token).first()
        if booking is None:
            raise Http404
        meetings.cancel_booking(booking=booking)
        messages.success(request, _("The meeting is cancelled."))
        return redirect("consulting:booking", token=token)
