"""Forms of cloud signing: the office's (agreement, document, parties, voiding) and the signatory's (code, signature)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.models import Enterprise
from yunzhao.pipeline.models import Project
from yunzhao.signing import documents, signatures
from yunzhao.signing.agreements import EDITABLE_FIELDS
from yunzhao.signing.models import Agreement, Party, SigningOrder

TITLE_LABELS = {
    "title_zh_hans": _("Title in Chinese"),
    "title_en": _("Title in English"),
    "title_ja": _("Title in Japanese"),
    "title_ko": _("Title in Korean"),
    "title_ar": _("Title in Arabic"),
    "title_es": _("Title in Spanish"),
    "title_fr": _("Title in French"),
    "title_ru": _("Title in Russian"),
}


class AgreementForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = list(EDITABLE_FIELDS)
        labels = TITLE_LABELS
        widgets = {
            "expires_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "signing_order": forms.Select,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_zh_hans"].required = True
        enterprise = self.fields["enterprise"]
        assert isinstance(enterprise, forms.ModelChoiceField)
        enterprise.queryset = Enterprise.objects.order_by("name_zh_hans", "pk")
        project = self.fields["project"]
        assert isinstance(project, forms.ModelChoiceField)
        project.queryset = Project.objects.select_related("enterprise").order_by("title_zh_hans", "pk")
        self.fields["signing_order"].initial = SigningOrder.SEQUENTIAL


class DocumentUploadForm(StyledFormMixin, forms.Form):
    document = forms.FileField(
        label=_("PDF document"),
        help_text=_("The agreement as the parties will sign it, as a PDF of at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_document(self) -> Any:
        upload = self.cleaned_data["document"]
        data = documents.read_upload(upload)
        documents.check_pdf(data)
        self.cleaned_data["data"] = data
        return upload


def partner_language_choices() -> list[tuple[str, Any]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class GenerateDocumentForm(StyledFormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Partner's language"), choices=partner_language_choices)
    title_partner = forms.CharField(label=_("Title in the partner's language"), max_length=300)
    text_zh = forms.CharField(
        label=_("Text in Chinese"),
        widget=forms.Textarea(attrs={"rows": 12, "lang": "zh-hans"}),
        help_text=_("Separate clauses with an empty line: each clause is printed beside its translation."),
        max_length=200_000,
    )
    text_partner = forms.CharField(
        label=_("Text in the partner's language"),
        widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"}),
        max_length=200_000,
    )


class SignatoryFieldsMixin(forms.Form):
    signatory_name = forms.CharField(label=_("Signatory's name"), max_length=200)
    signatory_title = forms.CharField(label=_("Signatory's job title"), max_length=200, required=False)
    signatory_email = forms.EmailField(label=_("Signatory's e-mail address"))
    signatory_language = forms.ChoiceField(
        label=_("Signatory's language"),
        choices=settings.LANGUAGES,
        help_text=_("The e-mails and the signing page speak it."),
    )

    def signatory_values(self) -> dict[str, Any]:
        return {
            "name": self.cleaned_data["signatory_name"],
            "title": self.cleaned_data["signatory_title"],
            "email": self.cleaned_data["signatory_email"],
            "language": self.cleaned_data["signatory_language"],
        }


class PartyForm(StyledFormMixin, SignatoryFieldsMixin):
    name = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    enterprise: forms.ModelChoiceField[Enterprise] = forms.ModelChoiceField(
        label=_("Enterprise on file"),
        queryset=Enterprise.objects.order_by("name_zh_hans", "pk"),
        required=False,
        help_text=_("Leave the organisation empty to use the enterprise's name."),
    )

    field_order = ["name", "enterprise", "signatory_name", "signatory_title", "signatory_email", "signatory_language"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("name") and not cleaned.get("enterprise"):
            raise ValidationError({"name": _("Name the organisation, or choose an enterprise on file.")})
        return cleaned


class SignatoryForm(StyledFormMixin, SignatoryFieldsMixin):
    party = forms.ModelChoiceField(label=_("Signs for"), queryset=Party.objects.none())

    field_order = ["party", "signatory_name", "signatory_title", "signatory_email", "signatory_language"]

    def __init__(self, *args: Any, agreement: Agreement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        party = self.fields["party"]
        assert isinstance(party, forms.ModelChoiceField)
        party.queryset = agreement.parties.all()


class VoidForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is it voided?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the history; the signatories' links stop working."),
    )


# --- The signatory's forms ---------------------------------------------------------------------


class CodeForm(StyledFormMixin, forms.Form):
    code = forms.RegexField(
        label=_("One-time code"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": _("The code has six digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}),
    )


class SignForm(StyledFormMixin, forms.Form):
    typed_name = forms.CharField(
        label=_("Your full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"})
    )
    signature = forms.CharField(required=False, widget=forms.HiddenInput, max_length=signatures.MAX_PNG_BYTES * 2)
    consent = forms.BooleanField(label=_("I have read the agreement and sign it electronically."))

    def clean_signature(self) -> bytes | None:
        value = self.cleaned_data.get("signature") or ""
        if not value:
            return None
        return signatures.decode_signature(value)


class VerifyForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("PDF file to check"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        self.cleaned_data["data"] = documents.read_upload(upload)
        return upload
