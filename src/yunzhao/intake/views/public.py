"""The portal's filing pages: the six steps, the filer's status page and "My filings".

The steps keep what was typed in the session (:class:`Draft`), so a step that fails, the back
button and a new visit all show everything again; no JavaScript is needed.  Files are checked
and stored when their step is sent, as attachments of the draft, and move to the filing on submit.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from yunzhao.core.public_forms import HONEYPOT_FIELD, TOO_MANY, over_limit
from yunzhao.core.templatetags.yz_format import ldate, money
from yunzhao.crm.languages import language_name
from yunzhao.intake import filings
from yunzhao.intake.forms import STEPS, AttachmentsStep, country_name
from yunzhao.intake.models import CURRENCIES, Attachment, Filing
from yunzhao.portal.queries import published_opportunities

SESSION_KEY = "intake-draft"
STEP_NAMES = list(STEPS)
RATE_SCOPE = "filing"


class Draft:
    """What the person has typed so far, per step, in their session."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        stored = request.session.get(SESSION_KEY) or {}
        self.token: str = stored.get("token") or secrets.token_urlsafe(24)
        self.steps: dict[str, dict[str, Any]] = stored.get("steps") or {}
        self.opportunity: int | None = stored.get("opportunity")
        self.prefill: dict[str, Any] = stored.get("prefill") or {}

    def save(self) -> None:
        self.request.session[SESSION_KEY] = {
            "token": self.token,
            "steps": self.steps,
            "opportunity": self.opportunity,
            "prefill": self.prefill,
        }

    def clear(self) -> None:
        self.request.session.pop(SESSION_KEY, None)

    def keep(self, step: str, form: forms.BaseForm) -> None:
        """Keep the raw values of ``form`` (valid or not), without the honeypot and files."""
        data: dict[str, Any] = {}
        for name, field in form.fields.items():
            if name == HONEYPOT_FIELD or isinstance(field, forms.FileField):
                continue
            key = form.add_prefix(name)
            if isinstance(field, forms.MultipleChoiceField):
                data[name] = form.data.getlist(key) if hasattr(form.data, "getlist") else form.data.get(key, [])
            elif key in form.data:
                data[name] = form.data.get(key)
        self.steps[step] = data
        self.save()

    def data_for(self, step: str) -> MultiValueDict[str, Any] | None:
        stored = self.steps.get(step)
        if stored is None:
            return None
        values: MultiValueDict[str, Any] = MultiValueDict()
        for name, value in stored.items():
            values.setlist(name, value if isinstance(value, list) else [value])
        return values

    def attachments(self) -> QuerySet[Attachment]:
        return Attachment.objects.filter(draft=self.token, filing__isnull=True)


def _form(step: str, draft: Draft, data: Any = None, files: Any = None) -> forms.BaseForm:
    form_class = STEPS[step]
    kwargs: dict[str, Any] = {}
    if form_class is AttachmentsStep:
        kwargs["already"] = draft.attachments().count()
    if data is None:
        data = draft.data_for(step)
    if data is None:
        return form_class(initial=draft.prefill.get(step, {}), **kwargs)
    return form_class(data=data, files=files, **kwargs)


def _opportunity_prefill(pk: int) -> tuple[int | None, dict[str, dict[str, Any]]]:
    """A published opportunity's id and what it fills in: title, industry, amount, land and space."""
    opportunity = published_opportunities().filter(pk=pk).first()
    if opportunity is None:
        return None, {}
    project: dict[str, Any] = {"title": str(opportunity.title or "")[:300]}
    if opportunity.industry_id and opportunity.industry and opportunity.industry.parent_id:
        project["industry"] = opportunity.industry_id
    if opportunity.investment_sought:
        project["amount"] = str(opportunity.investment_sought)
        if opportunity.currency in CURRENCIES:
            project["currency"] = opportunity.currency
    needs: dict[str, Any] = {}
    if opportunity.land_area_mu:
        needs["land_need_mu"] = str(opportunity.land_area_mu)
    if opportunity.floor_space_m2:
        needs["space_need_sqm"] = str(opportunity.floor_space_m2)
    return opportunity.pk, {"project": project, "needs": needs}


class FilingStepView(View):
    """One step of the filing form (``company`` at the start URL)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.step = kwargs.get("step", STEP_NAMES[0])
        if self.step not in STEPS:
            raise Http404
        self.draft = Draft(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        opportunity = request.GET.get("opportunity", "")
        if self.step == STEP_NAMES[0] and opportunity.isdigit() and len(opportunity) < 10:
            self.draft.opportunity, self.draft.prefill = _opportunity_prefill(int(opportunity))
            self.draft.save()
        if self.step == "review":
            return self.review()
        return self.render(_form(self.step, self.draft))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.step == "review":
            return self.submit()
        form = _form(self.step, self.draft, data=request.POST, files=request.FILES)
        if self.step == "attachments" and (remove := request.POST.get("remove", "")).isdigit():
            self.draft.keep(self.step, form)
            filings.remove_draft_attachment(draft=self.draft.token, pk=int(remove))
            return redirect(self.url(self.step))
        self.draft.keep(self.step, form)
        going_back = request.POST.get("go") == "back"
        if isinstance(form, AttachmentsStep) and form.files:
            form.is_valid()
            if "documents" not in form.errors and form.checked:
                for file, kind, size in form.checked:
                    filings.add_draft_attachment(
                        draft=self.draft.token, file=file, name=file.name, detected_type=kind, size=size
                    )
                form = _form(self.step, self.draft, data=request.POST)
        if going_back:
            return redirect(self.url(STEP_NAMES[max(STEP_NAMES.index(self.step) - 1, 0)]))
        if not form.is_valid():
            return self.render(form, status=200)
        return redirect(self.url(STEP_NAMES[STEP_NAMES.index(self.step) + 1]))

    def url(self, step: str) -> str:
        if step == STEP_NAMES[0]:
            return reverse("filing:start")
        return reverse("filing:step", args=[step])

    def render(self, form: forms.BaseForm, *, status: int = 200, **extra: Any) -> HttpResponse:
        index = STEP_NAMES.index(self.step)
        context = {
            "form": form,
            "step": self.step,
            "step_title": getattr(form, "title", ""),
            "number": index + 1,
            "total": len(STEP_NAMES),
            "steps": [
                {"name": name, "title": STEPS[name].title, "url": self.url(name), "done": name in self.draft.steps}  # type: ignore[attr-defined]
                for name in STEP_NAMES
            ],
            "previous": self.url(STEP_NAMES[index - 1]) if index else "",
            "attachments": list(self.draft.attachments()) if self.step in {"attachments", "review"} else [],
            **extra,
        }
        return TemplateResponse(self.request, "intake/step.html", context, status=status)

    # -- the last step -------------------------------------------------------------------------

    def _bound_steps(self) -> tuple[dict[str, forms.BaseForm], str | None]:
        bound = {}
        first_invalid = None
        for name in STEP_NAMES[:-1]:
            data = self.draft.data_for(name)
            form = _form(name, self.draft, data=data or MultiValueDict())
            bound[name] = form
            if not form.is_valid() and first_invalid is None:
                first_invalid = name
        return bound, first_invalid

    def review(self, form: forms.BaseForm | None = None) -> HttpResponse:
        bound, first_invalid = self._bound_steps()
        if first_invalid is not None:
            messages.info(self.request, _("Please complete this step first."))
            return redirect(self.url(first_invalid))
        return self.render(form or STEPS["review"](), summary=_summary(bound))

    def submit(self) -> HttpResponse:
        form = STEPS["review"](data=self.request.POST)
        if self.request.POST.get("go") == "back":
            return redirect(self.url(STEP_NAMES[-2]))
        bound, first_invalid = self._bound_steps()
        if first_invalid is not None:
            return redirect(self.url(first_invalid))
        if not form.is_valid():
            return self.review(form)
        if over_limit(self.request, RATE_SCOPE, limit=filings.rate_limit(), window_seconds=filings.RATE_WINDOW):
            form.add_error(None, TOO_MANY)
            return self.review(form)
        values: dict[str, Any] = {}
        for name in STEP_NAMES[:4]:
            values.update(bound[name].cleaned_data)
        values.pop(HONEYPOT_FIELD, None)
        try:
            filing = filings.submit_filing(
                values=values,
                language=get_language() or "",
                consented=bool(bound["attachments"].cleaned_data.get("consent")),
                investor=self.request.user,
                draft=self.draft.token,
                opportunity_id=self.draft.opportunity,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.review(form)
        self.draft.clear()
        messages.success(
            self.request,
            _("Thank you: your project is filed. Your reference number is %(reference)s.")
            % {"reference": filing.reference},
        )
        return redirect("filing:status", token=filing.access_token)


def _display(form: forms.BaseForm, name: str) -> str:
    field = form.fields[name]
    value = form.cleaned_data.get(name)
    if value in (None, "", []):
        return ""
    if name == "company_country":
        return country_name(str(value))
    if name in {"amount", "registered_capital"}:
        return money(value, form.cleaned_data.get("currency") or "CNY")
    if isinstance(value, dt.date):
        return ldate(value)
    if name == "contact_languages":
        return ", ".join(language_name(code) for code in value or [])
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
    return str(value)


def _summary(bound: dict[str, forms.BaseForm]) -> list[dict[str, Any]]:
    sections = []
    for name in STEP_NAMES[:4]:
        form = bound[name]
        rows = [
            (form.fields[field].label, _display(form, field))
            for field in form.fields
            if field not in {HONEYPOT_FIELD, "currency"} and _display(form, field)
        ]
        sections.append({"name": name, "title": form.title, "rows": rows})  # type: ignore[attr-defined]
    return sections


class FilingStatusView(TemplateView):
    """The filer's own page, reached by the private link in the e-mails."""

    template_name = "intake/status.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        filing = Filing.objects.select_related("industry").filter(access_token=kwargs["token"]).first()
        if filing is None:
            raise Http404
        return super().get_context_data(
            filing=filing,
            country=country_name(filing.company_country),
            attachments=list(filing.attachments.all()),
            **kwargs,
        )

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response


def filings_of(user: Any) -> QuerySet[Filing]:
    """Filings linked to the account, or made with its address once that address is confirmed."""
    condition = Q(investor=user)
    if getattr(user, "email_confirmed_at", None) is not None:
        condition |= Q(email__iexact=user.email)
    return Filing.objects.filter(condition).select_related("industry").order_by("-submitted_at", "-pk")


class MyFilingsView(LoginRequiredMixin, ListView):
    """An investor's filings and where each stands."""

    template_name = "intake/mine.html"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Filing]:
        return filings_of(self.request.user)
