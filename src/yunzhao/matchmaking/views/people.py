"""The fair's people pages: one's profile and availability, recommendations, a participant's
page with the request form, and one's meeting requests (answer, cancel)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from yunzhao.matchmaking import meeting_requests, participants
from yunzhao.matchmaking.access import booths_run_by, fair_for_reader, is_organiser, participant_for
from yunzhao.matchmaking.models import Fair, Intent, MeetingRequest, Participant, RequestStatus
from yunzhao.matchmaking.people_forms import AnswerForm, AvailabilityForm, ProfileForm, RequestForm
from yunzhao.matchmaking.recommend import recommendations_for
from yunzhao.matchmaking.recommending.reasons import country_name, industry_name


class FairMixin(LoginRequiredMixin):
    """A signed-in reader of the fair at ``slug``, with their profile in it if they have one."""

    kwargs: dict[str, Any]
    request: HttpRequest

    @cached_property
    def fair(self) -> Fair:
        return fair_for_reader(self.request.user, self.kwargs["slug"])

    @cached_property
    def me(self) -> Participant | None:
        return participant_for(self.request.user, self.fair)

    def base_context(self) -> dict[str, Any]:
        return {"fair": self.fair, "me": self.me, "zone": timezone.get_current_timezone_name()}


class ParticipantMixin(FairMixin):
    """Pages for participants only: anyone else is sent to the profile form first."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and self.me is None:
            messages.info(request, _("Create your profile for this fair first: the matchmaking works from it."))
            return redirect("fairs:join", slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    @property
    def participant(self) -> Participant:
        if self.me is None:  # dispatch has sent them to the profile form
            raise Http404
        return self.me


class JoinView(FairMixin, FormView):
    """Join the fair or edit one's profile; an exhibitor account joins for its booth."""

    template_name = "matchmaking/people/join.html"
    form_class = ProfileForm

    @cached_property
    def existing(self) -> Participant | None:
        user: Any = self.request.user
        return Participant.objects.filter(fair=self.fair, user=user).first()

    @cached_property
    def booths(self) -> Any:
        return booths_run_by(self.request.user, self.fair)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "booths": self.booths if self.booths.exists() else None}

    def get_initial(self) -> dict[str, Any]:
        if self.existing is not None:
            return ProfileForm.initial_from(self.existing)
        user: Any = self.request.user
        booth = self.booths.first()
        if booth is not None:
            defaults = participants.exhibitor_defaults(booth, user)
            return {
                **defaults,
                "booth": booth.pk,
                "industries": [industry.code for industry in defaults["industries"]],
                "language": defaults["language"] or None,
            }
        return {
            "name": user.full_name,
            "email": user.email,
            "organisation": user.organisation,
            "country": user.country,
            "language": user.preferred_language or None,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**self.base_context(), existing=self.existing, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        joined = self.existing is None
        participants.save_profile(
            fair=self.fair, user=self.request.user, data=form.profile_data(), booth=form.cleaned_data.get("booth")
        )
        if joined:
            messages.success(self.request, _("Welcome to the fair. Here are the people we suggest you meet."))
        else:
            messages.success(self.request, _("Your profile is saved."))
        return redirect("fairs:recommendations", slug=self.fair.slug)


class AvailabilityView(ParticipantMixin, TemplateView):
    """The fair's slots by day and session; ticked are those one is present in."""

    template_name = "matchmaking/people/availability.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        chosen = participants.available_slot_ids(self.participant)
        return super().get_context_data(
            **self.base_context(), days=participants.fair_days(self.fair), chosen=chosen, **kwargs
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = AvailabilityForm(request.POST, fair=self.fair)
        if not form.is_valid() or not form.cleaned_data["slots"]:
            context = self.get_context_data(error=_("Tick at least one time you can meet."))
            return self.render_to_response(context)
        participants.set_availability(participant=self.participant, slots=form.cleaned_data["slots"], by=request.user)
        messages.success(request, _("Your times are saved."))
        return redirect("fairs:availability", slug=slug)


class RecommendationsView(ParticipantMixin, TemplateView):
    template_name = "matchmaking/people/recommendations.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **self.base_context(), recommended=recommendations_for(self.participant, k=20), **kwargs
        )


def profile_facts(participant: Participant, language: str) -> dict[str, Any]:
    """What the participant page lists, named in the reader's language."""
    return {
        "industries": [industry_name(i.code, language) for i in participant.industries.all()],
        "sought": [country_name(code, language) for code in participant.sought_countries],
        "offered": [country_name(code, language) for code in participant.offered_countries],
        "country": country_name(participant.country, language),
        "intents": [str(label) for value, label in Intent.choices if value in (participant.intents or [])],
    }


class ParticipantDetailView(FairMixin, TemplateView):
    """A participant's profile as the fair's other participants see it, with the request form."""

    template_name = "matchmaking/people/participant.html"

    @cached_property
    def other(self) -> Participant:
        return get_object_or_404(
            Participant.objects.select_related("booth").prefetch_related("industries"),
            pk=self.kwargs["pk"],
            fair=self.fair,
            is_active=True,
        )

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and self.me is None and not is_organiser(request.user, self.fair):
            messages.info(request, _("Create your profile for this fair first: the matchmaking works from it."))
            return redirect("fairs:join", slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        other, me = self.other, self.me
        between: MeetingRequest | None = None
        if me is not None and me.pk != other.pk:
            between = (
                MeetingRequest.objects.filter(
                    meeting_requests.live(), Q(sender=me, recipient=other) | Q(sender=other, recipient=me)
                )
                .order_by("-created_at")
                .first()
            )
        may_request = me is not None and me.pk != other.pk and between is None
        if may_request and me is not None:
            may_request = meeting_requests.may_meet(self.fair, me, other)
        language = translation.get_language() or settings.LANGUAGE_CODE
        return super().get_context_data(
            **self.base_context(),
            other=other,
            facts=profile_facts(other, language),
            between=between,
            may_request=may_request,
            form=kwargs.pop("form", None) or RequestForm(recipient=other),
            **kwargs,
        )


class RequestCreateView(ParticipantDetailView):
    """Send the request from the participant page; a refusal is shown there with the form kept."""

    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect("fairs:participant-detail", slug=self.fair.slug, pk=self.other.pk)

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        if self.me is None:
            raise Http404
        form = RequestForm(request.POST, recipient=self.other)
        if form.is_valid():
            try:
                meeting_requests.send_request(
                    sender=self.me,
                    recipient=self.other,
                    kind=form.cleaned_data["kind"],
                    message=form.cleaned_data["message"],
                )
            except meeting_requests.RequestRefused as refused:
                form.add_error(None, str(refused.message))
            else:
                messages.success(
                    request,
                    _("Your request is sent to %(name)s. They have %(hours)s hours to answer.")
                    % {"name": self.other.organisation, "hours": self.fair.request_expiry_hours},
                )
                return redirect("fairs:requests", slug=slug)
        return self.render_to_response(self.get_context_data(form=form))


class RequestsView(ParticipantMixin, TemplateView):
    """Requests received (answer them) and sent (cancel them), with their status and expiry."""

    template_name = "matchmaking/people/requests.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        me = self.participant
        now = timezone.now()
        received: list[MeetingRequest] = []
        sent: list[MeetingRequest] = []
        for request in meeting_requests.requests_of(me):
            request.shown_status = meeting_requests.shown_status(request, now)  # type: ignore[attr-defined]
            request.shown_label = RequestStatus(request.shown_status).label  # type: ignore[attr-defined]
            (sent if request.sender_id == me.pk else received).append(request)
        return super().get_context_data(**self.base_context(), received=received, sent=sent, **kwargs)


class RequestActionMixin(ParticipantMixin, View):
    http_method_names = ["post"]

    @cached_property
    def meeting_request(self) -> MeetingRequest:
        return get_object_or_404(MeetingRequest, pk=self.kwargs["pk"], fair=self.fair)

    def done(self) -> HttpResponse:
        return redirect(reverse("fairs:requests", args=[self.fair.slug]))


class RequestAnswerView(RequestActionMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whether to accept or decline."))
            return self.done()
        answer = (
            meeting_requests.accept_request
            if form.cleaned_data["decision"] == "accept"
            else meeting_requests.decline_request
        )
        try:
            answer(request=self.meeting_request, by=self.participant, note=form.cleaned_data["note"])
        except meeting_requests.RequestRefused as refused:
            messages.error(request, str(refused.message))
        else:
            if form.cleaned_data["decision"] == "accept":
                messages.success(request, _("Accepted. The meeting will be placed in the schedule."))
            else:
                messages.success(request, _("Declined. The sender is told."))
        return self.done()


class RequestCancelView(RequestActionMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        try:
            meeting_requests.cancel_request(request=self.meeting_request, by=self.participant)
        except meeting_requests.RequestRefused as refused:
            messages.error(request, str(refused.message))
        else:
            messages.success(request, _("The request is cancelled; the other side is told."))
        return self.done()
