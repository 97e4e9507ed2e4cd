"""A participant's agenda at a fair: the page, the PDF, the calendar file, and marking a meeting afterwards."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from yunzhao.core.ical import CONTENT_TYPE
from yunzhao.matchmaking import access, agenda, planning
from yunzhao.matchmaking.models import Attendance, Fair, Meeting, Participant, ScheduleRun


def optional_url(name: str, *args: Any) -> str:
    """The address of a page another part of the fair provides, or "" while it does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("Did the meeting take place?"), choices=Attendance.Outcome.choices)
    rating = forms.TypedChoiceField(
        label=gettext_lazy("How useful was it?"),
        choices=[("", "—")] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )


class FairParticipantMixin(LoginRequiredMixin):
    """The fair at ``slug`` and the signed-in reader's profile in it (``None`` if they have none)."""

    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def fair(self) -> Fair:
        return access.fair_for_reader(self.request.user, self.kwargs["slug"])

    @cached_property
    def participant(self) -> Participant | None:
        return access.participant_for(self.request.user, self.fair)

    def zone(self) -> Any:
        return agenda.reader_zone(self.participant, self.request.GET.get("tz", ""))


class AgendaView(FairParticipantMixin, TemplateView):
    template_name = "matchmaking/agenda/agenda.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair, participant = self.fair, self.participant
        zone = self.zone()
        context: dict[str, Any] = {
            "fair": fair,
            "participant": participant,
            "zone": str(zone),
            "join_url": optional_url("fairs:join", fair.slug),
            "requests_url": optional_url("fairs:requests", fair.slug),
        }
        if participant is None:
            return super().get_context_data(**context, **kwargs)
        items = agenda.agenda_for(participant, zone=zone)
        context.update(items=items, zones=agenda.zone_choices(participant), asked_zone=self.request.GET.get("tz", ""))
        if not items:
            context["why_empty"] = agenda.why_empty(participant)
            run = (
                ScheduleRun.objects.filter(fair=fair, published_at__isnull=False).order_by("-started_at", "-pk").first()
            )
            context["unscheduled"] = planning.unscheduled_rows(run, participant=participant) if run else []
        return super().get_context_data(**context, **kwargs)


class AgendaFileView(FairParticipantMixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        participant = self.participant
        if participant is None:
            raise Http404("no profile in this fair")
        zone = self.zone()
        items = agenda.agenda_for(participant, zone=zone)
        return self.render_file(participant, items, zone)

    def render_file(self, participant: Participant, items: list[agenda.AgendaItem], zone: Any) -> HttpResponse:
        raise NotImplementedError


class AgendaPdfView(AgendaFileView):
    def render_file(self, participant: Participant, items: list[agenda.AgendaItem], zone: Any) -> HttpResponse:
        response = HttpResponse(agenda.agenda_pdf(participant, items, zone), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="agenda-{self.fair.slug}.pdf"'
        return response


class AgendaIcsView(AgendaFileView):
    def render_file(self, participant: Participant, items: list[agenda.AgendaItem], zone: Any) -> HttpResponse:
        response = HttpResponse(agenda.agenda_calendar(participant, items), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="agenda-{self.fair.slug}.ics"'
        return response


class MeetingOutcomeView(FairParticipantMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        participant = self.participant
        if participant is None:
            raise Http404("no profile in this fair")
        meeting = get_object_or_404(Meeting, pk=pk, fair=self.fair)
        form = OutcomeForm(request.POST)
        target = reverse("fairs:agenda", args=[slug]) + f"#meeting-{meeting.pk}"
        if not form.is_valid():
            messages.error(request, _("Say whether the meeting took place and, if it did, how useful it was."))
            return redirect(target)
        try:
            agenda.mark_outcome(
                meeting=meeting,
                participant=participant,
                outcome=form.cleaned_data["outcome"],
                rating=form.cleaned_data["rating"],
            )
        except agenda.OutcomeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your account of the meeting is saved."))
        return redirect(target)
