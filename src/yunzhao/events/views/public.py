"""The portal's event pages: what is on, an event's page, registering, and one's own registration."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from yunzhao.core.public_forms import RateLimitedFormMixin
from yunzhao.core.qr import qr_svg
from yunzhao.events import audience, registrations
from yunzhao.events.forms import RegistrationForm
from yunzhao.events.models import Event, EventStatus, Registration, RegistrationStatus


def published_events() -> QuerySet[Event]:
    return Event.objects.filter(status=EventStatus.PUBLISHED)


class PublicEventListView(ListView):
    """Published events that have not ended, soonest first."""

    template_name = "events/public_list.html"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Event]:
        return published_events().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")


class PublicEventView(TemplateView):
    """An event as the public sees it: when, where, the programme and the way to register."""

    template_name = "events/public_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = get_object_or_404(published_events(), pk=kwargs["pk"])
        return super().get_context_data(
            event=event,
            items=list(event.items.all()),
            open=event.accepts_registrations(),
            seats_left=registrations.seats_left(event),
            **kwargs,
        )


class RegisterView(RateLimitedFormMixin, FormView):
    """The registration form, in the reader's language, with the event's own questions."""

    template_name = "events/register.html"
    form_class = RegistrationForm
    rate_scope = "event-registration"

    @cached_property
    def event(self) -> Event:
        return get_object_or_404(published_events(), pk=self.kwargs["pk"])

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.event.accepts_registrations():
            messages.info(request, _("Registration for this event is closed."))
            return redirect("events:detail", pk=self.event.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "event": self.event}

    def get_initial(self) -> dict[str, Any]:
        user = self.request.user
        if not user.is_authenticated:
            return {}
        return {"name": user.full_name, "email": user.email, "organisation": getattr(user, "organisation", "")}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, seats_left=registrations.seats_left(self.event), **kwargs)

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        registrant = registrations.Registrant(
            name=data["name"],
            email=data["email"],
            language=form.language(),
            organisation=data["organisation"],
            title=data["title"],
            phone=data["phone"],
            country=data["country"],
            answers=form.answers(),
            consented=data["consent"],
        )
        try:
            registration, created = registrations.register(
                event=self.event, registrant=registrant, user=self.request.user
            )
        except registrations.RegistrationClosedError:
            messages.info(self.request, _("Registration for this event is closed."))
            return redirect("events:detail", pk=self.event.pk)
        if not created:
            messages.info(self.request, _("This address is already registered; here is that registration."))
        return redirect("events:registration", code=registration.code)


class RegistrationView(TemplateView):
    """A registrant's own page, reached by the link in their e-mails: status, QR code, cancel."""

    template_name = "events/registration.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = Registration.objects.select_related("event").filter(code=kwargs["code"]).first()
        if registration is None:
            raise Http404
        position = registrations.waiting_position(registration)
        return super().get_context_data(
            registration=registration,
            event=registration.event,
            position=position,
            qr=qr_svg(registration.code) if registration.status == RegistrationStatus.CONFIRMED else "",
            can_cancel=registration.status
            in {RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING}
            and registration.event.ends_at > timezone.now(),
            **kwargs,
        )


class LiveView(TemplateView):
    """The viewer page of an online event: the video link and how many watch now; it beats."""

    template_name = "events/live.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = get_object_or_404(published_events(), pk=kwargs["pk"])
        return super().get_context_data(
            event=event, audience=audience.audience(event), beat_seconds=audience.BEAT_SECONDS, **kwargs
        )


class HeartbeatView(View):
    """One beat of an open viewer page (POST ``key``): the counts back as JSON."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = get_object_or_404(published_events(), pk=pk)
        counts = audience.beat(event=event, key=request.POST.get("key", ""))
        return JsonResponse({"live": counts.live, "peak": counts.peak, "views": counts.views})


class CancelRegistrationView(View):
    """The registrant cancels (POST from their page); a freed seat goes to the waiting list."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        registration = Registration.objects.filter(code=code).first()
        if registration is None:
            raise Http404
        registrations.cancel(registration=registration, by=request.user if request.user.is_authenticated else None)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("events:registration", code=code)
