"""Back-office pages of events: the list, an event's page, its forms, its registrations and the door."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from yunzhao.core import audit
from yunzhao.core.access import ObjectPermissionMixin, OfficeAccessMixin
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.events import audience, badges, ceremony, outcomes, planning, registrations
from yunzhao.events.forms import (
    CheckInForm,
    DeclineForm,
    EventForm,
    MemberForm,
    OutcomeForm,
    ProgrammeItemForm,
    QuestionForm,
)
from yunzhao.events.models import Event, EventKind, ProgrammeItem, Registration, RegistrationStatus
from yunzhao.events.registrations import CheckIn
from yunzhao.pipeline.queries import visible_projects
from yunzhao.signing.models import Agreement


class EventObjectMixin(ObjectPermissionMixin):
    """The event named by the URL's ``pk``, with the permission checked against it."""

    kwargs: dict[str, Any]

    @cached_property
    def event(self) -> Event:
        return get_object_or_404(Event.objects.select_related("department", "owner"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Event:
        return self.event


class EventListView(OfficeAccessMixin, ListView):
    """Every event, upcoming first, by kind."""

    paginate_by = 25
    template_name = "events/event_list.html"
    permission_required = "events.view_event"

    def get_queryset(self) -> QuerySet[Event]:
        events = Event.objects.select_related("department", "owner")
        kind = self.request.GET.get("kind", "")
        if kind in EventKind.values:
            events = events.filter(kind=kind)
        if self.request.GET.get("when") == "past":
            return events.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")
        return events.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            kinds=EventKind.choices,
            kind=self.request.GET.get("kind", ""),
            when=self.request.GET.get("when", ""),
            **kwargs,
        )


class EventDetailView(EventObjectMixin, OfficeAccessMixin, TemplateView):
    """One event: what and when, its programme and members, its registrations and yield."""

    template_name = "events/event_detail.html"
    permission_required = "events.view_event"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        return super().get_context_data(
            event=event,
            object=event,
            items=list(event.items.select_related("staff", "enterprise")),
            members=list(event.members.select_related("user", "enterprise")),
            questions=list(event.questions.all()),
            counts=registrations.counts(event),
            audience=audience.audience(event),
            yield_=outcomes.event_yield(event),
            ceremony=ceremony.ceremony_state(event) if event.kind == EventKind.SIGNING else None,
            outcome_form=OutcomeForm(projects=None),
            seats_left=registrations.seats_left(event),
            can_change=self.request.user.has_perm("events.change_event", event),
            can_check_in=self.request.user.has_perm("events.check_in", event),
            history=audit.history_for(event)[:30],
            **kwargs,
        )


class EventCreateView(OfficeAccessMixin, FormView):
    form_class = EventForm
    template_name = "events/event_form.html"
    permission_required = "events.add_event"

    def get_initial(self) -> dict[str, Any]:
        user = staff_user(self.request)
        kind = self.request.GET.get("kind", "")
        return {
            "owner": user,
            "department": user.department,
            "kind": kind if kind in EventKind.values else EventKind.FORUM,
        }

    def form_valid(self, form: EventForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            event = planning.create_event(
                by=staff_user(self.request), create_video_room=form.cleaned_data["create_video_room"], **values
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The event was saved."))
        return redirect("office:event-detail", pk=event.pk)


class EventUpdateView(EventObjectMixin, OfficeAccessMixin, FormView):
    form_class = EventForm
    template_name = "events/event_form.html"
    permission_required = "events.change_event"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": Event.objects.get(pk=self.event.pk)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(object=self.event, **kwargs)

    def form_valid(self, form: EventForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            planning.update_event(
                event=self.event,
                by=staff_user(self.request),
                create_video_room=form.cleaned_data["create_video_room"],
                **values,
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The event was saved."))
        return redirect("office:event-detail", pk=self.event.pk)


class ItemCreateView(EventObjectMixin, OfficeAccessMixin, FormView):
    """Add a line to the programme: a session, a meeting abroad, a site visit, a booth shift."""

    form_class = ProgrammeItemForm
    template_name = "events/item_form.html"
    permission_required = "events.change_event"

    def get_initial(self) -> dict[str, Any]:
        return {"starts_at": self.event.starts_at, "city": self.event.city, "country": self.event.country}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form: ProgrammeItemForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            planning.add_item(event=self.event, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The programme was updated."))
        return redirect(reverse("office:event-detail", args=[self.event.pk]) + "#programme")


class ItemUpdateView(ObjectPermissionMixin, OfficeAccessMixin, FormView):
    form_class = ProgrammeItemForm
    template_name = "events/item_form.html"
    permission_required = "events.change_event"

    @cached_property
    def item(self) -> ProgrammeItem:
        return get_object_or_404(ProgrammeItem.objects.select_related("event"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Event:
        return self.item.event

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": ProgrammeItem.objects.get(pk=self.item.pk)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.item.event, object=self.item, **kwargs)

    def form_valid(self, form: ProgrammeItemForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            planning.update_item(item=self.item, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The programme was updated."))
        return redirect("office:event-detail", pk=self.item.event_id)


class MemberCreateView(EventObjectMixin, OfficeAccessMixin, FormView):
    """Add somebody to the event's party."""

    form_class = MemberForm
    template_name = "events/item_form.html"
    permission_required = "events.change_event"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, heading=_("Add a member"), **kwargs)

    def form_valid(self, form: MemberForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            planning.add_member(event=self.event, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The member was added."))
        return redirect(reverse("office:event-detail", args=[self.event.pk]) + "#members")


class OutcomeCreateView(EventObjectMixin, OfficeAccessMixin, View):
    """Link a project to the event (POST from the event's page), then back to its outcomes."""

    http_method_names = ["post"]
    permission_required = "events.change_event"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = OutcomeForm(request.POST, projects=visible_projects(request.user))
        if form.is_valid():
            try:
                outcomes.link_project(
                    event=self.event,
                    project=form.cleaned_data["project"],
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    by=staff_user(request),
                )
                messages.success(request, _("The project is linked to the event."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(reverse("office:event-detail", args=[self.event.pk]) + "#outcomes")


class QuestionCreateView(EventObjectMixin, OfficeAccessMixin, FormView):
    """Add a question of the event's own to its registration form."""

    form_class = QuestionForm
    template_name = "events/question_form.html"
    permission_required = "events.change_event"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form: QuestionForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            planning.add_question(event=self.event, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The question was added to the registration form."))
        return redirect("office:event-detail", pk=self.event.pk)


class RegistrationListView(EventObjectMixin, OfficeAccessMixin, ListView):
    """An event's registrations by status; approve, decline or cancel them."""

    paginate_by = 50
    template_name = "events/registration_list.html"
    permission_required = "events.view_event"

    def get_queryset(self) -> QuerySet[Registration]:
        found = self.event.registrations.order_by("pk")
        status = self.request.GET.get("status", "")
        if status in RegistrationStatus.values:
            found = found.filter(status=status)
        query = self.request.GET.get("q", "").strip()
        if query:
            found = found.filter(
                Q(name__icontains=query) | Q(email__icontains=query) | Q(organisation__icontains=query)
            )
        return found

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            event=self.event,
            counts=registrations.counts(self.event),
            statuses=RegistrationStatus.choices,
            status=self.request.GET.get("status", ""),
            query=self.request.GET.get("q", ""),
            can_manage=self.request.user.has_perm("events.manage_registrations", self.event),
            decline_form=DeclineForm(),
            **kwargs,
        )


class RegistrationActionView(ObjectPermissionMixin, OfficeAccessMixin, View):
    """Approve, decline (with a reason) or cancel one registration (POST), then back to the list."""

    http_method_names = ["post"]
    permission_required = "events.manage_registrations"

    @cached_property
    def registration(self) -> Registration:
        return get_object_or_404(Registration.objects.select_related("event"), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Event:
        return self.registration.event

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration, by = self.registration, staff_user(request)
        action = kwargs["action"]
        if action == "approve":
            registrations.approve(registration=registration, by=by)
            messages.success(request, _("%(name)s: approved.") % {"name": registration.name})
        elif action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say why the registration is declined: the registrant receives it."))
            else:
                registrations.decline(registration=registration, by=by, reason=form.cleaned_data["reason"])
                messages.success(request, _("%(name)s: declined.") % {"name": registration.name})
        else:
            registrations.cancel(registration=registration, by=by)
            messages.success(request, _("%(name)s: cancelled.") % {"name": registration.name})
        return redirect("office:event-registrations", pk=registration.event_id)


class CeremonyView(EventObjectMixin, OfficeAccessMixin, TemplateView):
    """The ceremony screen: the agreements in order, whose turn it is and the running count.

    Made to be shown full screen and filmed for the stream; it refreshes itself (htmx polling
    asks for the board only)."""

    template_name = "events/ceremony.html"
    permission_required = "events.view_event"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["events/_ceremony_board.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, state=ceremony.ceremony_state(self.event), **kwargs)


class CeremonyAgreementView(EventObjectMixin, OfficeAccessMixin, View):
    """Put an agreement (by its number) last in the event's ceremony (POST)."""

    http_method_names = ["post"]
    permission_required = "events.change_event"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        agreement = Agreement.objects.filter(pk=request.POST.get("agreement", "").strip() or 0).first()
        if agreement is None:
            messages.error(request, _("No agreement has this number."))
        else:
            try:
                ceremony.add_agreement(event=self.event, agreement=agreement, by=staff_user(request))
                messages.success(request, _("The agreement is in the ceremony."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect(reverse("office:event-detail", args=[self.event.pk]) + "#ceremony")


class BadgesView(EventObjectMixin, OfficeAccessMixin, View):
    """The confirmed registrants' name badges as a PDF to print."""

    permission_required = "events.view_event"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = HttpResponse(badges.badges_pdf(self.event), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="badges-{self.event.pk}.pdf"'
        return response


#: What the door page says for each check-in outcome.
CHECK_IN_MESSAGES = {
    CheckIn.CHECKED_IN: ("success", gettext_lazy("Welcome — checked in.")),
    CheckIn.ALREADY: ("warning", gettext_lazy("Already checked in.")),
    CheckIn.NOT_CONFIRMED: ("danger", gettext_lazy("Not confirmed for this event.")),
    CheckIn.OTHER_EVENT: ("danger", gettext_lazy("This code is for another event.")),
    CheckIn.UNKNOWN: ("danger", gettext_lazy("Unknown code.")),
}


class CheckInView(EventObjectMixin, OfficeAccessMixin, View):
    """The door: a phone-sized page that scans a QR code or takes a typed code and answers at once.

    GET shows the page; POST checks a code in and answers with the result — JSON for the page's
    script, or the page again for a browser without it.
    """

    permission_required = "events.check_in"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render(request, form=CheckInForm(), result=None)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CheckInForm(request.POST)
        result = None
        if form.is_valid():
            result = registrations.check_in(event=self.event, code=form.cleaned_data["code"], by=staff_user(request))
        if request.headers.get("Accept", "").startswith("application/json"):
            if result is None:
                return JsonResponse({"outcome": "unknown", "tone": "danger", "message": _("Unknown code.")})
            return JsonResponse(answer(result))
        return self.render(request, form=CheckInForm(), result=answer(result) if result else None)

    def render(self, request: HttpRequest, **context: Any) -> HttpResponse:
        return TemplateResponse(
            request,
            "events/check_in.html",
            {"event": self.event, "counts": registrations.counts(self.event), **context},
        )


def answer(result: registrations.CheckInResult) -> dict[str, Any]:
    """What the door says: the outcome, its tone and message, and who it is."""
    tone, message = CHECK_IN_MESSAGES[result.outcome]
    registration = result.registration
    data: dict[str, Any] = {"outcome": result.outcome.value, "tone": tone, "message": str(message)}
    if registration is not None and result.outcome != CheckIn.OTHER_EVENT:
        data.update(
            name=registration.name,
            organisation=registration.organisation,
            status=str(registration.get_status_display()),
            checked_in_at=(
                timezone.localtime(registration.checked_in_at).strftime("%H:%M") if registration.checked_in_at else ""
            ),
        )
    return data
