"""The signatory's pages (/<lang>/sign/<token>/) and the public verification page (/<lang>/sign/verify/).

A link nobody was given, one replaced by a newer link, or one already used to sign answers
a plain 404, the same as a page that never existed. Proof of the one-time code lives in the
signatory's session, keyed by the signatory, so the document is served to that browser only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import FormView, TemplateView

from yunzhao.signing import codes, finalising, signatures, trail
from yunzhao.signing.forms import CodeForm, SignForm, VerifyForm
from yunzhao.signing.models import AgreementStatus, EventKind, Signatory

SESSION_KEY = "signing_verified"
VIEWED_KEY = "signing_viewed"
DONE_KEY = "signing_done"


def _signatory_or_404(token: str) -> Signatory:
    signatory = codes.signatory_for_token(token)
    if signatory is None:
        raise Http404
    return signatory


def is_verified(request: HttpRequest, signatory: Signatory) -> bool:
    """This browser confirmed the signatory's code within the allowed time."""
    stamp = request.session.get(SESSION_KEY, {}).get(str(signatory.pk))
    if not stamp:
        return False
    try:
        when = dt.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return False
    return timezone.now() - when < codes.VERIFIED_FOR


def _mark_verified(request: HttpRequest, signatory: Signatory) -> None:
    request.session.cycle_key()  # a new session id once the person is known: no fixation
    verified = dict(request.session.get(SESSION_KEY, {}))
    verified[str(signatory.pk)] = timezone.now().isoformat()
    request.session[SESSION_KEY] = verified


def masked_email(email: str) -> str:
    local, _at, domain = email.partition("@")
    return f"{local[:2]}{'•' * max(1, min(len(local) - 2, 6))}@{domain}"


@method_decorator(never_cache, name="dispatch")
class SignPageView(View):
    """Confirm the code, read the document, sign — one page that shows the step the signatory is at."""

    template_name = "signing/sign.html"

    def closed(self, request: HttpRequest, signatory: Signatory) -> HttpResponse:
        return render(
            request, "signing/sign_closed.html", {"agreement": signatory.agreement, "signatory": signatory}, status=410
        )

    def render_page(
        self,
        request: HttpRequest,
        signatory: Signatory,
        *,
        code_form: CodeForm | None = None,
        sign_form: SignForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        verified = is_verified(request, signatory)
        if verified and not request.session.get(VIEWED_KEY, {}).get(str(signatory.pk)):
            trail.log(agreement=signatory.agreement, kind=EventKind.VIEWED, actor=None, signatory=signatory)
            request.session[VIEWED_KEY] = {**request.session.get(VIEWED_KEY, {}), str(signatory.pk): True}
        context = {
            "agreement": signatory.agreement,
            "signatory": signatory,
            "token": self.kwargs["token"],
            "verified": verified,
            "their_turn": signatures.is_their_turn(signatory),
            "masked_email": masked_email(signatory.email),
            "code_form": code_form or CodeForm(),
            "sign_form": sign_form or SignForm(),
            "has_live_code": signatory.codes.filter(
                used_at__isnull=True, spent_at__isnull=True, expires_at__gt=timezone.now()
            ).exists(),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        signatory = _signatory_or_404(token)
        if not codes.is_open_for_signing(signatory):
            return self.closed(request, signatory)
        return self.render_page(request, signatory)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        signatory = _signatory_or_404(token)
        if not codes.is_open_for_signing(signatory):
            return self.closed(request, signatory)
        if request.POST.get("step") == "sign":
            return self.sign(request, signatory)
        return self.verify(request, signatory)

    def verify(self, request: HttpRequest, signatory: Signatory) -> HttpResponse:
        form = CodeForm(request.POST)
        if not form.is_valid():
            return self.render_page(request, signatory, code_form=form, status=422)
        result = codes.check_code(signatory=signatory, code=form.cleaned_data["code"])
        if result is codes.CodeCheck.ACCEPTED:
            _mark_verified(request, signatory)
            return redirect("signing:sign", token=self.kwargs["token"])
        if result is codes.CodeCheck.WRONG:
            live = signatory.codes.filter(used_at__isnull=True, spent_at__isnull=True).first()
            if live is not None:
                left = codes.MAX_ATTEMPTS - live.attempts
                form.add_error(
                    "code",
                    ngettext(
                        "This code is not right. %(count)d try left.",
                        "This code is not right. %(count)d tries left.",
                        left,
                    )
                    % {"count": left},
                )
            else:
                form.add_error("code", _("This code is not right, and it has been tried too often. Ask for a new one."))
        else:
            form.add_error(
                "code", _("There is no valid code: it was used, or ten minutes have passed. Ask for a new one.")
            )
        return self.render_page(request, signatory, code_form=form, status=422)

    def sign(self, request: HttpRequest, signatory: Signatory) -> HttpResponse:
        if not is_verified(request, signatory):
            return redirect("signing:sign", token=self.kwargs["token"])
        form = SignForm(request.POST)
        if not form.is_valid():
            return self.render_page(request, signatory, sign_form=form, status=422)
        try:
            signatures.sign(
                signatory=signatory,
                typed_name=form.cleaned_data["typed_name"],
                signature_png=form.cleaned_data["signature"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.render_page(request, signatory, sign_form=form, status=422)
        request.session[DONE_KEY] = {
            "title": str(signatory.agreement.title),
            "last": signatory.agreement.status == AgreementStatus.COMPLETED,
        }
        return redirect("signing:done")


class RequestCodeView(View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        signatory = _signatory_or_404(token)
        try:
            codes.request_code(signatory=signatory)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("We e-mailed a six-digit code to %(email)s. It works once, for ten minutes.")
                % {"email": masked_email(signatory.email)},
            )
        return redirect("signing:sign", token=token)


@method_decorator(xframe_options_sameorigin, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class SignDocumentView(View):
    """The document to sign, only for the browser that confirmed the code (embedded in the signing page)."""

    def get(self, request: HttpRequest, token: str) -> FileResponse:
        signatory = _signatory_or_404(token)
        if not is_verified(request, signatory) or not signatory.agreement.document:
            raise Http404
        return FileResponse(
            signatory.agreement.document.open("rb"),
            content_type="application/pdf",
            filename=signatory.agreement.document_name or "agreement.pdf",
        )


class SignedView(TemplateView):
    template_name = "signing/signed.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["done"] = self.request.session.get(DONE_KEY)
        return context


class VerifyView(FormView):
    """Upload a PDF: is it, byte for byte, the final document of an agreement signed here?"""

    form_class = VerifyForm
    template_name = "signing/verify.html"

    def form_valid(self, form: VerifyForm) -> HttpResponse:
        result = finalising.verify_file(form.cleaned_data["data"])
        return self.render_to_response(
            self.get_context_data(form=VerifyForm(), result=result, checked_name=form.cleaned_data["file"].name)
        )
