"""The back office of the consulting service: the question queue, a question's thread, the FAQ,
the topics, meeting slots and the first-reply figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from yunzhao.accounts.models import Department
from yunzhao.consulting import clock, faq, meetings, questions
from yunzhao.consulting.forms import ReassignForm, ReplyForm, SlotForm, faq_form, topic_form
from yunzhao.consulting.models import Booking, FaqEntry, MeetingSlot, Question, QuestionStatus, Topic
from yunzhao.core import audit
from yunzhao.core.access import ObjectPermissionMixin, OfficeAccessMixin
from yunzhao.crm.views.helpers import staff_user


def _missing() -> Any:
    raise Http404


def edit_language(request: HttpRequest) -> str:
    language = request.GET.get("language", "")
    return language if language in dict(settings.LANGUAGES) else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class QuestionListView(OfficeAccessMixin, ListView):
    """The queue: open questions first by due time, filtered by status, topic, department, overdue."""

    template_name = "consulting/office/question_list.html"
    permission_required = "consulting.view_questions"
    paginate_by = 30

    def get_queryset(self) -> QuerySet[Question]:
        found = questions.visible_questions(staff_user(self.request)).select_related("topic", "department")
        params = self.request.GET
        status = params.get("status", "")
        if status in QuestionStatus.values:
            found = found.filter(status=status)
        if params.get("topic", "").isdigit():
            found = found.filter(topic_id=int(params["topic"]))
        if params.get("department", "").isdigit():
            found = found.filter(department_id=int(params["department"]))
        if params.get("overdue"):
            found = found.filter(first_replied_at__isnull=True, due_at__lt=timezone.now()).exclude(
                status=QuestionStatus.CLOSED
            )
        return found.order_by("first_replied_at", "due_at", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        listed = list(context["object_list"])
        exceptions = clock.calendar_for([q.due_at for q in listed], now) if listed else {}
        rows = [
            (
                question,
                clock.working_days_left(question.due_at, now, exceptions)
                if question.first_replied_at is None
                else None,
            )
            for question in listed
        ]
        return {
            **context,
            "rows": rows,
            "statuses": QuestionStatus.choices,
            "topics": list(Topic.objects.order_by("position", "pk")),
            "departments": list(
                Department.objects.filter(consulting_questions__isnull=False).distinct().order_by("path")
            ),
            "params": self.request.GET,
        }


class QuestionMixin(ObjectPermissionMixin):
    kwargs: dict[str, Any]

    @cached_property
    def question(self) -> Question:
        return get_object_or_404(Question.objects.select_related("topic", "department", "asker"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Question:
        return self.question


class QuestionDetailView(QuestionMixin, OfficeAccessMixin, TemplateView):
    template_name = "consulting/office/question_detail.html"
    permission_required = "consulting.view_question"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        question = self.question
        user = self.request.user
        now = timezone.now()
        return super().get_context_data(
            question=question,
            thread=list(question.messages.select_related("author")),
            days_left=clock.working_days_left(question.due_at, now) if question.first_replied_at is None else None,
            reply_hours=clock.working_hours_between(question.asked_at, question.first_replied_at)
            if question.first_replied_at
            else None,
            reply_form=kwargs.pop("reply_form", None) or ReplyForm(),
            reassign_form=ReassignForm(initial={"department": question.department_id}),
            can_reply=user.has_perm("consulting.reply_question", question) and question.status != QuestionStatus.CLOSED,
            can_reassign=user.has_perm("consulting.reassign_question", question),
            history=audit.history_for(question)[:30],
            **kwargs,
        )


class QuestionReplyView(QuestionMixin, OfficeAccessMixin, View):
    permission_required = "consulting.reply_question"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ReplyForm(request.POST)
        if not form.is_valid():
            view = QuestionDetailView(request=request, kwargs=self.kwargs)
            return view.render_to_response(view.get_context_data(reply_form=form))
        try:
            questions.reply_to_question(question=self.question, by=staff_user(request), text=form.cleaned_data["text"])
        except questions.QuestionClosedError:
            messages.info(request, _("This question is closed."))
        else:
            messages.success(request, _("The reply is sent to the asker."))
        return redirect("office:question-detail", pk=pk)


class QuestionReassignView(QuestionMixin, OfficeAccessMixin, View):
    permission_required = "consulting.reassign_question"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ReassignForm(request.POST)
        if form.is_valid():
            questions.reassign_question(
                question=self.question, department=form.cleaned_data["department"], by=staff_user(request)
            )
            messages.success(request, _("The question is handed over."))
        else:
            messages.error(request, _("Choose a department."))
        return redirect("office:question-detail", pk=pk)


def _period(request: HttpRequest) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    start = parse_date(request.GET.get("from", "") or "") or today - dt.timedelta(days=90)
    end = parse_date(request.GET.get("to", "") or "") or today
    return (start, end) if start <= end else (end, start)


class MetricsView(OfficeAccessMixin, TemplateView):
    """Median first-reply time (working hours) and the share answered within target, per department and overall."""

    template_name = "consulting/office/metrics.html"
    permission_required = "consulting.view_metrics"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        start, end = _period(self.request)
        now = timezone.now()
        tz = timezone.get_current_timezone()
        asked = questions.visible_questions(staff_user(self.request)).filter(
            asked_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            asked_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
        )
        department_ids = asked.values_list("department_id", flat=True).distinct()
        departments = Department.objects.filter(pk__in=department_ids).order_by("path")
        rows = [clock.figures(asked.filter(department=d), label=str(d), now=now) for d in departments]
        return super().get_context_data(
            start=start,
            end=end,
            overall=clock.figures(asked, label=_("All departments"), now=now),
            rows=rows,
            **kwargs,
        )


# --- FAQ and topics ---------------------------------------------------------------------


class FaqListView(OfficeAccessMixin, ListView):
    template_name = "consulting/office/faq_list.html"
    permission_required = "consulting.view_questions"
    context_object_name = "entries"

    def get_queryset(self) -> QuerySet[FaqEntry]:
        return FaqEntry.objects.select_related("topic").order_by("position", "pk")


class TopicListView(OfficeAccessMixin, ListView):
    template_name = "consulting/office/topic_list.html"
    permission_required = "consulting.view_questions"
    context_object_name = "topics"

    def get_queryset(self) -> QuerySet[Topic]:
        return Topic.objects.select_related("department").order_by("position", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(default_days=Topic(reply_days=None).target_days(), **kwargs)


class TranslatedEditView(OfficeAccessMixin, FormView):
    """Create or edit one FAQ entry or topic in the language chosen with ``?language=``."""

    template_name = "consulting/office/translated_form.html"
    model: type[FaqEntry] | type[Topic] = FaqEntry
    list_url = "office:consulting-faq-list"
    edit_url = "office:consulting-faq-edit"

    @cached_property
    def language(self) -> str:
        return edit_language(self.request)

    @cached_property
    def instance(self) -> FaqEntry | Topic | None:
        pk = self.kwargs.get("pk")
        return self.model.objects.filter(pk=pk).first() or _missing() if pk else None

    def get_form_class(self) -> type:
        return faq_form(self.language) if self.model is FaqEntry else topic_form(self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.instance, "language": self.language}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            object=self.instance,
            language=self.language,
            languages=settings.LANGUAGES,
            statuses=self.instance.translation_status() if self.instance else [],
            is_faq=self.model is FaqEntry,
            list_url=self.list_url,
            edit_url=self.edit_url,
            **kwargs,
        )

    def form_valid(self, form: Any) -> HttpResponse:
        content = form.save(commit=False)
        faq.save_translated(content=content, language=self.language, by=staff_user(self.request))
        messages.success(self.request, _("Saved."))
        return redirect(f"{self._url(content.pk)}?language={self.language}")

    def _url(self, pk: int) -> str:
        from django.urls import reverse

        return reverse(self.edit_url, args=[pk])


class FaqEditView(TranslatedEditView):
    permission_required = "consulting.manage_faq"


class TopicEditView(TranslatedEditView):
    permission_required = "consulting.manage_topics"
    model = Topic
    list_url = "office:consulting-topic-list"
    edit_url = "office:consulting-topic-edit"


# --- Meeting slots ----------------------------------------------------------------------


class SlotListView(OfficeAccessMixin, FormView):
    """Coming slots with their bookings; publish a new one."""

    template_name = "consulting/office/slot_list.html"
    permission_required = "consulting.view_questions"
    form_class = SlotForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        now = timezone.now()
        slots = list(
            MeetingSlot.objects.filter(ends_at__gte=now - dt.timedelta(days=1), withdrawn_at__isnull=True)
            .select_related("officer", "department", "topic")
            .order_by("starts_at", "pk")[:200]
        )
        booked = {b.slot_id: b for b in meetings.live_bookings().filter(slot__in=[s.pk for s in slots]).order_by("pk")}
        user = self.request.user
        return super().get_context_data(
            rows=[(slot, booked.get(slot.pk), user.has_perm("consulting.change_slot", slot)) for slot in slots],
            can_publish=user.has_perm("consulting.manage_slots"),
            zone=settings.TIME_ZONE,
            **kwargs,
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("consulting.manage_slots"):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: SlotForm) -> HttpResponse:
        user = staff_user(self.request)
        if user.department is None:
            form.add_error(None, _("Only staff of a department publish meeting times."))
            return self.form_invalid(form)
        data = form.cleaned_data
        meetings.publish_slot(
            by=user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            languages=data["languages"],
            topic=data["topic"],
        )
        messages.success(self.request, _("The meeting time is published."))
        return redirect("office:consulting-slot-list")


class SlotWithdrawView(ObjectPermissionMixin, OfficeAccessMixin, View):
    permission_required = "consulting.change_slot"
    http_method_names = ["post"]

    @cached_property
    def slot(self) -> MeetingSlot:
        return get_object_or_404(MeetingSlot, pk=self.kwargs["pk"])

    def get_permission_object(self) -> MeetingSlot:
        return self.slot

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meetings.withdraw_slot(slot=self.slot, by=staff_user(request))
        messages.success(request, _("The meeting time is withdrawn."))
        return redirect("office:consulting-slot-list")


class BookingCancelView(ObjectPermissionMixin, OfficeAccessMixin, View):
    permission_required = "consulting.change_slot"
    http_method_names = ["post"]

    @cached_property
    def booking(self) -> Booking:
        return get_object_or_404(Booking.objects.select_related("slot"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> MeetingSlot:
        return self.booking.slot

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meetings.cancel_booking(booking=self.booking, by=staff_user(request))
        messages.success(request, _("The meeting is cancelled; the time is free again."))
        return redirect("office:consulting-slot-list")
