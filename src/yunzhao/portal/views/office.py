"""The back office of portal content at /<lang>/office/content/: every kind of content with its
status and translation status, editing per language, preview of drafts, publication."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.content import TranslatedContent, source_language
from yunzhao.crm.views.helpers import staff_user
from yunzhao.portal import editing
from yunzhao.portal.forms import KINDS, CaptionForm, ContentForm, ContentKind, content_form, source_texts
from yunzhao.portal.models import AdvantageSection, Caption, Letter, Opportunity, Policy, ServiceEntry, Video
from yunzhao.portal.views.public import advantages_context, invitation_context, services_context


class KindMixin:
    kwargs: dict[str, Any]

    @cached_property
    def kind(self) -> ContentKind:
        kind = KINDS.get(self.kwargs["kind"])
        if kind is None:
            raise Http404
        return kind

    @cached_property
    def content(self) -> TranslatedContent | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.kind.model, pk=self.kwargs["pk"])


class ContentHomeView(OfficeAccessMixin, TemplateView):
    """Every kind of content, each item with its status and its translation status per language."""

    template_name = "portal/office/content_home.html"
    permission_required = "portal.view_content"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        sections = []
        for kind in KINDS.values():
            items = [(item, item.translation_status()) for item in kind.model._default_manager.all()]
            sections.append((kind, items))
        return super().get_context_data(
            sections=sections,
            languages=settings.LANGUAGES,
            can_change=self.request.user.has_perm("portal.change_content"),
            **kwargs,
        )


class ContentEditView(KindMixin, OfficeAccessMixin, FormView):
    """Create or edit one item in one language (``?language=ja``); the source language by default."""

    template_name = "portal/office/content_form.html"
    permission_required = "portal.change_content"

    @cached_property
    def language(self) -> str:
        wanted = self.request.GET.get("language") or self.request.POST.get("language") or source_language()
        return wanted if wanted in dict(settings.LANGUAGES) else source_language()

    def get_form_class(self) -> type[ContentForm]:
        return content_form(self.kind, self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.content}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        content = self.content
        return super().get_context_data(
            kind=self.kind,
            object=content,
            language=self.language,
            languages=settings.LANGUAGES,
            statuses=content.translation_status() if content else [],
            source=source_texts(content, self.kind) if content and self.language != source_language() else [],
            captions=list(content.captions.all()) if isinstance(content, Video) else [],
            caption_form=CaptionForm() if isinstance(content, Video) else None,
            **kwargs,
        )

    def form_valid(self, form: ContentForm) -> HttpResponse:
        content = self.content or self.kind.model()
        try:
            editing.save_content(
                content=content,
                language=self.language,
                by=staff_user(self.request),
                values=form.translated_values(),
                relations=form.relation_values(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        url = reverse("office:content-edit", kwargs={"kind": self.kind.slug, "pk": content.pk})
        return redirect(f"{url}?language={self.language}")


class ContentPreviewView(KindMixin, OfficeAccessMixin, View):
    """A draft (or published item) as the portal shows it, for staff only."""

    permission_required = "portal.view_content"

    def get(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        content = self.content
        assert content is not None
        template, context = preview(content)
        return TemplateResponse(request, template, {**context, "preview": True, "preview_of": content})


def preview(content: TranslatedContent) -> tuple[str, dict[str, Any]]:
    if isinstance(content, Letter):
        return "portal/invitation.html", invitation_context(letter=content, video=None)
    if isinstance(content, Video):
        return "portal/invitation.html", invitation_context(letter=None, video=content)
    if isinstance(content, Opportunity):
        return "portal/opportunity_detail.html", {"opportunity": content}
    if isinstance(content, AdvantageSection):
        return "portal/advantages.html", advantages_context([content])
    if isinstance(content, ServiceEntry):
        return "portal/services.html", services_context([content])
    if isinstance(content, Policy):
        return "portal/policy_detail.html", {"policy": content}
    raise Http404


class ContentPublishView(KindMixin, OfficeAccessMixin, View):
    permission_required = "portal.change_content"
    http_method_names = ["post"]
    publish = True

    def post(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        content = self.content
        assert content is not None
        if self.publish:
            editing.publish_content(content=content, by=staff_user(request))
            messages.success(request, _("Published: the portal shows it now."))
        else:
            editing.unpublish_content(content=content, by=staff_user(request))
            messages.success(request, _("Withdrawn from the portal."))
        return redirect("office:content-home")


class CaptionAddView(OfficeAccessMixin, View):
    """Upload the WebVTT captions of one language (replacing that language's)."""

    permission_required = "portal.change_content"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        video = get_object_or_404(Video, pk=pk)
        form = CaptionForm(request.POST, request.FILES)
        edit_url = reverse("office:content-edit", kwargs={"kind": "video", "pk": video.pk})
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))
            return redirect(edit_url)
        editing.add_caption(
            video=video,
            language=form.cleaned_data["language"],
            label=form.cleaned_data["label"],
            file=form.cleaned_data["file"],
            by=staff_user(request),
        )
        messages.success(request, _("The captions were saved."))
        return redirect(edit_url)


class CaptionDeleteView(OfficeAccessMixin, View):
    permission_required = "portal.change_content"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        caption = get_object_or_404(Caption.objects.select_related("video"), pk=pk)
        editing.delete_caption(caption=caption, by=staff_user(request))
        messages.success(request, _("The captions were removed."))
        return redirect("office:content-edit", kind="video", pk=caption.video_id)
