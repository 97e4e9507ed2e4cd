"""Enquiry pages: the form at a booth, the visitor's enquiries and thread, the exhibitor's inbox
and thread, and the organiser's response times in the office.

Times are shown in the reader's zone (``?tz=`` or their country's, else the fair's); the
clock itself runs in the zone's office hours (see :mod:`yunzhao.matchmaking.enquiries`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.content import Publication
from yunzhao.core.forms import StyledFormMixin
from yunzhao.matchmaking import enquiries
from yunzhao.matchmaking.access import booths_run_by, fair_for_reader, is_organiser, is_staff, participant_for
from yunzhao.matchmaking.agenda import reader_zone
from yunzhao.matchmaking.models import Booth, Enquiry, EnquiryStatus, Fair, Participant, Product

# --- Forms ------------------------------------------------------------------------------------------


class EnquiryForm(StyledFormMixin, forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=300)
    product: forms.ModelChoiceField[Product] = forms.ModelChoiceField(
        label=gettext_lazy("About a product"),
        queryset=Product.objects.none(),
        required=False,
        empty_label=gettext_lazy("— none in particular —"),
    )
    message = forms.CharField(label=gettext_lazy("Your enquiry"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, booth: Booth, ask_lead_consent: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        products = self.fields["product"]
        assert isinstance(products, forms.ModelChoiceField)
        products.queryset = booth.products.filter(status=Publication.PUBLISHED).order_by("position", "pk")
        if not products.queryset.exists():
            del self.fields["product"]
        if ask_lead_consent:
            self.fields["lead_consent"] = forms.BooleanField(
                label=gettext_lazy(
                    "I agree that the zone's investment officers contact me about investing and keep my "
                    "organisation's and my contact details for this purpose."
                ),
                required=False,
            )


class MessageForm(StyledFormMixin, forms.Form):
    message = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 4}))


# --- Shared -----------------------------------------------------------------------------------------


def join_url(fair: Fair, next_url: str) -> str | None:
    """The page where a visitor joins the fair (with ``next``), if it exists yet."""
    try:
        return f"{reverse('fairs:join', args=[fair.slug])}?{urlencode({'next': next_url})}"
    except NoReverseMatch:
        return None


class FairPageMixin(LoginRequiredMixin):
    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def fair(self) -> Fair:
        return fair_for_reader(self.request.user, self.kwargs["slug"])

    @cached_property
    def participant(self) -> Participant | None:
        return participant_for(self.request.user, self.fair)

    def reader_context(self) -> dict[str, Any]:
        zone = reader_zone(self.participant, self.request.GET.get("tz", ""))
        return {"fair": self.fair, "zone": zone, "zone_name": zone.key, "now": timezone.now()}


class VisitorMixin(FairPageMixin):
    """Pages for a visitor who joined the fair; others are sent to join it first."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and self.participant is None:
            target = join_url(self.fair, request.get_full_path())
            if target is not None:
                messages.info(request, _("Join the fair first: then you can send enquiries to the booths."))
                return redirect(target)
            return self.not_joined()
        return super().dispatch(request, *args, **kwargs)

    def not_joined(self) -> HttpResponse:
        return TemplateResponse(self.request, "matchmaking/enquiries/not_joined.html", {"fair": self.fair})


class ExhibitorMixin(FairPageMixin):
    """Pages for the booths' exhibitor accounts; anyone else gets 403."""

    @cached_property
    def booths(self) -> QuerySet[Booth]:
        return booths_run_by(self.request.user, self.fair)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not self.booths.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Visitor ----------------------------------------------------------------------------------------


class EnquiryCreateView(VisitorMixin, TemplateView):
    template_name = "matchmaking/enquiries/enquiry_form.html"

    @cached_property
    def booth(self) -> Booth:
        booths = Booth.objects.filter(fair=self.fair)
        if not is_staff(self.request.user):
            booths = booths.filter(status=Publication.PUBLISHED)
        return get_object_or_404(booths.select_related("fair"), pk=self.kwargs["pk"])

    def get_form(self) -> EnquiryForm:
        assert self.participant is not None
        ask = enquiries.may_consent_to_lead(self.participant, self.booth)
        data = self.request.POST if self.request.method == "POST" else None
        initial = {}
        product = self.request.GET.get("product", "")
        if product.isdigit():
            initial["product"] = int(product)
        return EnquiryForm(data, booth=self.booth, ask_lead_consent=ask, initial=initial)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        own = self.participant is not None and self.participant.booth_id == self.booth.pk
        return {
            **context,
            **self.reader_context(),
            "booth": self.booth,
            "form": kwargs.get("form") or self.get_form(),
            "own_booth": own,
            "reply_hours": self.fair.reply_hours,
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assert self.participant is not None
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            enquiry = enquiries.send_enquiry(
                participant=self.participant,
                booth=self.booth,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["message"],
                product=form.cleaned_data.get("product"),
                lead_consent=bool(form.cleaned_data.get("lead_consent")),
            )
        except enquiries.EnquiryError:
            form.add_error(None, _("You cannot send an enquiry to your own booth."))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("Your enquiry %(reference)s was sent. We sent you a confirmation by e-mail.")
            % {"reference": enquiry.reference},
        )
        return redirect("fairs:enquiry-detail", self.fair.slug, enquiry.reference)


class MyEnquiriesView(VisitorMixin, TemplateView):
    template_name = "matchmaking/enquiries/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        assert self.participant is not None
        now = timezone.now()
        found = list(enquiries.sent_by(self.participant))
        for enquiry in found:
            enquiry.overdue = enquiries.is_overdue(enquiry, now)  # type: ignore[attr-defined]
        return {**super().get_context_data(**kwargs), **self.reader_context(), "enquiries": found}


class ThreadMixin:
    """A thread page with a message form and a close button; POST ``action`` = message | close."""

    request: HttpRequest
    enquiry: Enquiry
    side: str

    def thread_context(self, form: MessageForm | None = None) -> dict[str, Any]:
        enquiry = self.enquiry
        return {
            "enquiry": enquiry,
            "thread": list(enquiry.messages.select_related("author").order_by("created_at", "pk")),
            "form": form or MessageForm(),
            "is_closed": enquiry.status == EnquiryStatus.CLOSED,
            "overdue": enquiries.is_overdue(enquiry),
            "side": self.side,
        }

    def write(self, text: str) -> None:
        raise NotImplementedError

    def handle_post(self) -> HttpResponse | MessageForm:
        """Do what was posted; the invalid form to show again, or the redirect."""
        try:
            if self.request.POST.get("action") == "close":
                enquiries.close(enquiry=self.enquiry, by=self.request.user)
                messages.success(self.request, _("The enquiry is closed."))
                return redirect(self.request.path)
            form = MessageForm(self.request.POST)
            if not form.is_valid():
                return form
            self.write(form.cleaned_data["message"])
        except enquiries.EnquiryClosedError:
            messages.error(self.request, _("This enquiry is closed."))
        except enquiries.NotAllowedError as error:
            raise PermissionDenied from error
        else:
            messages.success(self.request, _("Your message was sent."))
        return redirect(self.request.path)


class EnquiryDetailView(VisitorMixin, ThreadMixin, TemplateView):
    template_name = "matchmaking/enquiries/thread.html"
    side = "visitor"

    @cached_property
    def enquiry(self) -> Enquiry:  # type: ignore[override]
        return get_object_or_404(
            Enquiry.objects.select_related("booth__fair", "participant", "product"),
            booth__fair=self.fair,
            participant=self.participant,
            reference=self.kwargs["reference"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            **self.reader_context(),
            **self.thread_context(kwargs.get("form")),
        }

    def write(self, text: str) -> None:
        enquiries.follow_up(enquiry=self.enquiry, by=self.request.user, text=text)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        result = self.handle_post()
        if isinstance(result, MessageForm):
            return self.render_to_response(self.get_context_data(form=result))
        return result


# --- Exhibitor --------------------------------------------------------------------------------------


class ExhibitorInboxView(ExhibitorMixin, TemplateView):
    template_name = "matchmaking/enquiries/inbox.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        now = timezone.now()
        found = enquiries.inbox(self.booths)
        for enquiry in found:
            enquiry.overdue = enquiries.is_overdue(enquiry, now)  # type: ignore[attr-defined]
        waiting = [e for e in found if e.status == EnquiryStatus.OPEN]
        return {
            **super().get_context_data(**kwargs),
            **self.reader_context(),
            "waiting": waiting,
            "done": [e for e in found if e.status != EnquiryStatus.OPEN],
            "overdue_count": sum(1 for e in waiting if getattr(e, "overdue", False)),
            "booths": list(self.booths),
        }


class ExhibitorEnquiryView(ExhibitorMixin, ThreadMixin, TemplateView):
    template_name = "matchmaking/enquiries/thread.html"
    side = "exhibitor"

    @cached_property
    def enquiry(self) -> Enquiry:  # type: ignore[override]
        return get_object_or_404(
            Enquiry.objects.select_related("booth__fair", "participant", "product"),
            booth__in=self.booths,
            reference=self.kwargs["reference"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            **self.reader_context(),
            **self.thread_context(kwargs.get("form")),
        }

    def write(self, text: str) -> None:
        enquiries.reply(enquiry=self.enquiry, by=self.request.user, text=text)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        result = self.handle_post()
        if isinstance(result, MessageForm):
            return self.render_to_response(self.get_context_data(form=result))
        return result


# --- Organiser (office) -----------------------------------------------------------------------------


class FairEnquiriesView(OfficeAccessMixin, TemplateView):
    """Response times per exhibitor; only the fair's organisers (others 403)."""

    template_name = "matchmaking/enquiries/office_figures.html"

    @cached_property
    def fair(self) -> Fair:
        return get_object_or_404(Fair, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_organiser(request.user, self.fair):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rows, total = enquiries.response_figures(self.fair)
        sort = self.request.GET.get("sort", "-overdue")
        key, descending = sort.lstrip("-"), sort.startswith("-")
        if key not in enquiries.SORT_KEYS:
            key, descending = "overdue", True
        columns = [
            ("exhibitor", _("Exhibitor")),
            ("received", _("Received")),
            ("answered", _("Answered")),
            ("in_time", _("Answered in time")),
            ("median", _("Median first answer (office hours)")),
            ("overdue", _("Overdue now")),
        ]
        headers = []
        for name, label in columns:
            if name == key:  # the sorted column: a click turns the order round
                target = name if descending else f"-{name}"
            else:  # names A to Z, figures highest first
                target = name if name == "exhibitor" else f"-{name}"
            headers.append(
                {
                    "key": name,
                    "label": label,
                    "url": "?" + urlencode({"sort": target}),
                    "aria_sort": ("descending" if descending else "ascending") if name == key else "",
                }
            )
        return {
            **super().get_context_data(**kwargs),
            "fair": self.fair,
            "rows": enquiries.sort_figures(rows, key, descending=descending),
            "total": total,
            "headers": headers,
            "zone_name": settings.TIME_ZONE,
            "office_hours": (enquiries.DAY_STARTS, enquiries.DAY_ENDS),
        }
