"""The organiser's back office of an online fair at /<lang>/office/fairs/: the fairs, setting one
up (text per language, halls, booths and their exhibitor accounts, slots, tables, rules) and the
report after the fair.

Only organisers reach a fair's pages (:func:`yunzhao.matchmaking.access.is_organiser`); other
staff get 403, outside accounts 403, visitors the login page.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from modeltranslation.utils import build_localized_fieldname

from yunzhao.accounts.models import Department, User
from yunzhao.accounts.models import Role as AccountRole
from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.content import source_language
from yunzhao.core.formatting import format_date
from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.models import Enterprise, Industry
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.matchmaking import report, setup
from yunzhao.matchmaking.access import is_organiser, organised_fairs
from yunzhao.matchmaking.models import Booth, Fair, Hall, Role, Slot, Table

# --- Who may organise ------------------------------------------------------------------------


def may_create_fairs(user: User) -> bool:
    """Leaders, administrators and staff with a department (the fair is their department's)."""
    return bool(user.is_superuser or user.role in {AccountRole.ADMINISTRATOR, AccountRole.LEADER} or user.department_id)


def organising_departments(user: User) -> QuerySet[Department]:
    """The departments whose fairs ``user`` would organise."""
    if user.is_superuser or user.role in {AccountRole.ADMINISTRATOR, AccountRole.LEADER}:
        return Department.objects.all()
    if user.department is None:
        return Department.objects.none()
    return Department.objects.filter(Q(pk=user.department_id) | Q(pk__in=user.department.ancestors()))


def languages_edited(request: HttpRequest) -> str:
    wanted = request.GET.get("language") or request.POST.get("language") or source_language()
    return wanted if wanted in dict(settings.LANGUAGES) else source_language()


# --- Forms -------------------------------------------------------------------------------------


def _localized(names: tuple[str, ...], language: str) -> tuple[str, ...]:
    return tuple(build_localized_fieldname(name, language) for name in names)


class TranslatedModelForm(StyledFormMixin, forms.ModelForm):
    """A model form editing one language's text (``translated``) and the shared fields."""

    language: str = ""
    translated: tuple[str, ...] = ()
    required_translated: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = capfirst(field.label)
            if name in self.translated:
                original = name[: -len(self.language.replace("-", "_")) - 1]
                field.label = capfirst(self._meta.model._meta.get_field(original).verbose_name)
                field.required = self.language == source_language() and original in self.required_translated
                field.widget.attrs.update(lang=self.language, dir="rtl" if self.language == "ar" else "ltr")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 4

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class FairFormBase(TranslatedModelForm):
    required_translated = ("title",)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "department" in self.fields:
            department = self.fields["department"]
            assert isinstance(department, forms.ModelChoiceField)
            department.queryset = organising_departments(user)
        for name in ("starts_on", "ends_on"):
            if name in self.fields:
                self.fields[name].widget = forms.DateInput(
                    attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot come before the first day."))
        return data


def fair_form(language: str) -> type[FairFormBase]:
    translated = _localized(("title", "summary"), language)
    meta = type("Meta", (), {"model": Fair, "fields": [*translated, "slug", "starts_on", "ends_on", "department"]})
    return type("FairForm", (FairFormBase,), {"Meta": meta, "language": language, "translated": translated})


class HallFormBase(TranslatedModelForm):
    required_translated = ("name",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.queryset = Industry.objects.filter(parent__isnull=True).order_by("code")


def hall_form(language: str) -> type[HallFormBase]:
    translated = _localized(("name", "theme"), language)
    meta = type("Meta", (), {"model": Hall, "fields": [*translated, "industry"]})
    return type("HallForm", (HallFormBase,), {"Meta": meta, "language": language, "translated": translated})


class BoothForm(StyledFormMixin, forms.ModelForm):
    """A booth as the organiser sets it up; the exhibitor writes the rest in their area."""

    website = forms.URLField(label=gettext_lazy("Website"), required=False, max_length=200, assume_scheme="https")
    enterprise_ref = forms.CharField(
        label=gettext_lazy("Enterprise in the CRM"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Its unified social credit code or its exact Chinese name; leave empty if none."),
    )

    class Meta:
        model = Booth
        fields = ["number", "hall", "name_zh_hans", "name_en", "country", "industry", "website", "is_zone_booth"]
        widgets = {"country": forms.TextInput(attrs={"placeholder": "JP", "autocomplete": "off", "size": 4})}

    def __init__(self, *args: Any, fair: Fair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fair = fair
        hall = self.fields["hall"]
        assert isinstance(hall, forms.ModelChoiceField)
        hall.queryset = Hall.objects.filter(fair=fair).order_by("position", "pk")
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.queryset = Industry.objects.filter(parent__isnull=True).order_by("code")
        self.fields["name_zh_hans"].required = True
        self.fields["name_zh_hans"].label = _("Exhibitor's name (Chinese)")
        self.fields["name_en"].label = _("Exhibitor's name (English)")
        self.fields["name_en"].widget.attrs.update(lang="en", dir="ltr")
        self.fields["name_zh_hans"].widget.attrs["lang"] = "zh-hans"
        self.fields["is_zone_booth"].widget.attrs["class"] = "form-check-input"
        if self.instance.pk and self.instance.enterprise_id:
            enterprise = self.instance.enterprise
            self.initial["enterprise_ref"] = enterprise.credit_code or enterprise.name

    def clean_country(self) -> str:
        code = str(self.cleaned_data.get("country") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ValidationError(_("Give the two-letter ISO code, e.g. JP."))
        return code

    def clean_enterprise_ref(self) -> Enterprise | None:
        reference = str(self.cleaned_data.get("enterprise_ref") or "").strip()
        if not reference:
            return None
        enterprise = (
            Enterprise.objects.filter(credit_code__iexact=reference).first()
            or Enterprise.objects.filter(name_zh_hans=reference).first()
            or Enterprise.objects.filter(name_en__iexact=reference).first()
        )
        if enterprise is None:
            raise ValidationError(_("No enterprise in the CRM has this credit code or name."))
        return enterprise

    def validate_unique(self) -> None:
        """The booth number's clash is the domain function's to tell (with the booth holding it)."""

    def values(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["enterprise"] = self.cleaned_data.get("enterprise_ref")
        return values


class AccountForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    full_name = forms.CharField(
        label=gettext_lazy("Full name"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("For a new account."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the invitation"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )


TIME_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–—~]\s*(\d{1,2}):(\d{2})\s*$")


class SlotsForm(StyledFormMixin, forms.Form):
    days = forms.MultipleChoiceField(label=gettext_lazy("Days"), widget=forms.CheckboxSelectMultiple)
    sessions = forms.CharField(
        label=gettext_lazy("Sessions"),
        max_length=200,
        initial="09:00-12:00, 14:00-17:30",
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=gettext_lazy("Start and end of each session in the zone's time, separated by commas."),
    )
    slot_minutes = forms.IntegerField(
        label=gettext_lazy("Meeting length (minutes)"), min_value=5, max_value=240, initial=25
    )
    break_minutes = forms.IntegerField(
        label=gettext_lazy("Break between meetings (minutes)"), min_value=0, max_value=120, initial=5
    )

    def __init__(self, *args: Any, fair: Fair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = []
        day = fair.starts_on
        while day <= fair.ends_on:
            days.append((day.isoformat(), day))
            day += dt.timedelta(days=1)
        field = self.fields["days"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(value, format_date(day, format="full")) for value, day in days]
        field.widget.attrs["class"] = "form-check-input"
        self.initial.setdefault("days", [value for value, _day in days])

    def clean_days(self) -> list[dt.date]:
        return [dt.date.fromisoformat(value) for value in self.cleaned_data["days"]]

    def clean_sessions(self) -> list[setup.TimeRange]:
        ranges = []
        for part in str(self.cleaned_data["sessions"]).replace("，", ",").split(","):
            if not part.strip():
                continue
            match = TIME_RANGE.match(part)
            if match is None:
                raise ValidationError(_("Write each session as 09:00-12:00."))
            h1, m1, h2, m2 = (int(value) for value in match.groups())
            try:
                span = setup.TimeRange(start=dt.time(h1, m1), end=dt.time(h2, m2))
            except ValueError as error:
                raise ValidationError(_("Write each session as 09:00-12:00.")) from error
            if span.end <= span.start:
                raise ValidationError(_("Each session must end after it starts."))
            ranges.append(span)
        if not ranges:
            raise ValidationError(_("Write each session as 09:00-12:00."))
        return ranges


class TablesForm(StyledFormMixin, forms.Form):
    name_prefix = forms.CharField(label=gettext_lazy("Name prefix"), max_length=10, initial="A", required=False)
    first = forms.IntegerField(label=gettext_lazy("First number"), min_value=0, max_value=9999, initial=1)
    count = forms.IntegerField(label=gettext_lazy("How many tables"), min_value=1, max_value=500, initial=60)


class RulesForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Fair
        fields = ["reply_hours", "request_expiry_hours", "max_requests", "max_accepted"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)
        fair = self.instance
        matrix = setup.rules_matrix(fair)
        for role in Role.values:
            self.fields[f"meet_{role}"] = forms.MultipleChoiceField(
                choices=Role.choices,
                required=False,
                initial=sorted(matrix[role]),
                widget=forms.CheckboxSelectMultiple,
            )

    def may_meet(self) -> dict[str, list[str]]:
        return {role: list(self.cleaned_data.get(f"meet_{role}") or []) for role in Role.values}

    def matrix_rows(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """For the template: per role, (role label, [(input name, value, checked)…])."""
        rows = []
        for role, label in Role.choices:
            name = f"meet_{role}"
            checked = {str(value) for value in (self[name].value() or [])}
            rows.append((str(label), [(name, other, other in checked) for other in Role.values]))
        return rows


# --- Views ---------------------------------------------------------------------------------------


class FairListView(OfficeAccessMixin, TemplateView):
    """The fairs the user organises."""

    template_name = "matchmaking/office/fair_list.html"

    def has_permission(self) -> bool:
        return super().has_permission() and may_create_fairs(self.request.user)  # type: ignore[arg-type]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fairs = (
            organised_fairs(self.request.user)
            .select_related("department")
            .annotate(
                booth_count=Count("booths", distinct=True), participant_count=Count("participants", distinct=True)
            )
        )
        return super().get_context_data(fairs=list(fairs), **kwargs)


class FairCreateView(OfficeAccessMixin, FormView):
    template_name = "matchmaking/office/fair_form.html"

    def has_permission(self) -> bool:
        return super().has_permission() and may_create_fairs(self.request.user)  # type: ignore[arg-type]

    def get_form_class(self) -> type[FairFormBase]:
        return fair_form(source_language())

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": staff_user(self.request)}

    def get_initial(self) -> dict[str, Any]:
        return {"department": staff_user(self.request).department}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(language=source_language(), **kwargs)

    def form_valid(self, form: FairFormBase) -> HttpResponse:
        fair = Fair()
        try:
            setup.save_fair(fair=fair, language=source_language(), values=form.values(), by=staff_user(self.request))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The fair was created as a draft. Add its halls, booths, slots and tables."))
        return redirect("office:fair-detail", pk=fair.pk)


class FairMixin(OfficeAccessMixin):
    """The fair of the URL's ``pk``, for its organisers only."""

    kwargs: dict[str, Any]
    request: HttpRequest

    @cached_property
    def fair(self) -> Fair:
        return get_object_or_404(Fair.objects.select_related("department"), pk=self.kwargs["pk"])

    def has_permission(self) -> bool:
        return bool(super().has_permission() and is_organiser(self.request.user, self.fair))

    def fair_context(self) -> dict[str, Any]:
        return {"fair": self.fair, "fair_tabs": fair_tabs(self.fair, self.request.resolver_match)}


SUBPAGES = {
    "fair-hall-edit": "fair-halls",
    "fair-booth-edit": "fair-booths",
    "fair-booth-account": "fair-booths",
    "fair-report-xlsx": "fair-report",
}


def fair_tabs(fair: Fair, match: Any) -> list[tuple[str, str, bool]]:
    """(label, url, current) of every organiser page of the fair that exists."""
    pages = [
        ("fair-detail", _("Overview")),
        ("fair-edit", _("Title and dates")),
        ("fair-halls", _("Halls")),
        ("fair-booths", _("Booths")),
        ("fair-slots", _("Meeting slots")),
        ("fair-tables", _("Tables")),
        ("fair-rules", _("Matchmaking rules")),
        ("fair-schedule", _("Schedule")),
        ("fair-table-plan", _("Table plan")),
        ("fair-enquiries", _("Enquiries")),
        ("fair-report", _("Report")),
    ]
    current = getattr(match, "url_name", "")
    current = SUBPAGES.get(current, current)
    tabs = []
    for name, label in pages:
        try:
            url = reverse(f"office:{name}", kwargs={"pk": fair.pk})
        except NoReverseMatch:
            continue
        tabs.append((label, url, current == name))
    return tabs


class FairDetailView(FairMixin, TemplateView):
    template_name = "matchmaking/office/fair_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair
        counts = Fair.objects.filter(pk=fair.pk).aggregate(
            halls=Count("halls", distinct=True),
            booths=Count("booths", distinct=True),
            participants=Count("participants", distinct=True),
            slots=Count("slots", distinct=True),
            tables=Count("tables", distinct=True),
            requests=Count("requests", distinct=True),
            meetings=Count("meetings", distinct=True),
        )
        try:
            portal_url = reverse("fairs:fair-detail", kwargs={"slug": fair.slug})
        except NoReverseMatch:
            portal_url = ""
        return super().get_context_data(
            **self.fair_context(),
            counts=counts,
            statuses=fair.translation_status(),
            portal_url=portal_url,
            history=audit.history_for(fair)[:20],
            **kwargs,
        )


class FairEditView(FairMixin, FormView):
    """The fair's text in one language (``?language=ja``) and its dates and address."""

    template_name = "matchmaking/office/fair_form.html"

    @cached_property
    def language(self) -> str:
        return languages_edited(self.request)

    def get_form_class(self) -> type[FairFormBase]:
        return fair_form(self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": Fair.objects.get(pk=self.fair.pk),
            "user": staff_user(self.request),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **self.fair_context(),
            object=self.fair,
            language=self.language,
            languages=settings.LANGUAGES,
            statuses=self.fair.translation_status(),
            **kwargs,
        )

    def form_valid(self, form: FairFormBase) -> HttpResponse:
        fair = Fair.objects.get(pk=self.fair.pk)
        try:
            setup.save_fair(fair=fair, language=self.language, values=form.values(), by=staff_user(self.request))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(f"{reverse('office:fair-edit', kwargs={'pk': fair.pk})}?language={self.language}")


class FairPublishView(FairMixin, View):
    http_method_names = ["post"]
    publish = True

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        setup.set_fair_published(fair=self.fair, published=self.publish, by=staff_user(request))
        if self.publish:
            messages.success(request, _("Published: the portal shows the fair now."))
        else:
            messages.success(request, _("The fair was withdrawn from the portal."))
        return redirect("office:fair-detail", pk=self.fair.pk)


class FairHallsView(FairMixin, FormView):
    """The halls in their order, moved up and down; a form adds one."""

    template_name = "matchmaking/office/fair_halls.html"

    def get_form_class(self) -> type[HallFormBase]:
        return hall_form(source_language())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        halls = Hall.objects.filter(fair=self.fair).annotate(booth_count=Count("booths")).order_by("position", "pk")
        return super().get_context_data(**self.fair_context(), halls=list(halls), **kwargs)

    def form_valid(self, form: HallFormBase) -> HttpResponse:
        hall = Hall(fair=self.fair)
        setup.save_hall(hall=hall, language=source_language(), values=form.values(), by=staff_user(self.request))
        messages.success(self.request, _("The hall was added."))
        return redirect("office:fair-halls", pk=self.fair.pk)


class HallEditView(FairMixin, FormView):
    """One hall's name and theme in one language."""

    template_name = "matchmaking/office/hall_form.html"

    @cached_property
    def hall(self) -> Hall:
        return get_object_or_404(Hall, pk=self.kwargs["hall"], fair=self.fair)

    @cached_property
    def language(self) -> str:
        return languages_edited(self.request)

    def get_form_class(self) -> type[HallFormBase]:
        return hall_form(self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": Hall.objects.get(pk=self.hall.pk)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **self.fair_context(),
            hall=self.hall,
            language=self.language,
            languages=settings.LANGUAGES,
            statuses=self.hall.translation_status(),
            **kwargs,
        )

    def form_valid(self, form: HallFormBase) -> HttpResponse:
        hall = Hall.objects.get(pk=self.hall.pk)
        setup.save_hall(hall=hall, language=self.language, values=form.values(), by=staff_user(self.request))
        messages.success(self.request, _("Saved."))
        url = reverse("office:fair-hall-edit", kwargs={"pk": self.fair.pk, "hall": hall.pk})
        return redirect(f"{url}?language={self.language}")


class HallMoveView(FairMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, hall: int) -> HttpResponse:
        target = get_object_or_404(Hall, pk=hall, fair=self.fair)
        offset = -1 if request.POST.get("direction") == "up" else 1
        setup.move_hall(hall=target, offset=offset, by=staff_user(request))
        return redirect("office:fair-halls", pk=self.fair.pk)


def _booths(fair: Fair) -> QuerySet[Booth]:
    return (
        Booth.objects.filter(fair=fair)
        .select_related("hall", "industry", "enterprise")
        .prefetch_related(Prefetch("accounts", queryset=User.objects.order_by("email")))
        .order_by("hall__position", "number", "pk")
    )


class FairBoothsView(FairMixin, FormView):
    """Every booth with its exhibitor accounts; a form adds a booth."""

    template_name = "matchmaking/office/fair_booths.html"
    form_class = BoothForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "fair": self.fair}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **self.fair_context(),
            booths=list(_booths(self.fair)),
            has_halls=Hall.objects.filter(fair=self.fair).exists(),
            **kwargs,
        )

    def form_valid(self, form: BoothForm) -> HttpResponse:
        booth = Booth()
        try:
            setup.save_booth(booth=booth, fair=self.fair, values=form.values(), by=staff_user(self.request))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The booth was added. Give it an exhibitor account."))
        return redirect("office:fair-booth-edit", pk=self.fair.pk, booth=booth.pk)


class BoothEditView(FairMixin, FormView):
    """One booth: its set-up and the accounts that run it."""

    template_name = "matchmaking/office/booth_form.html"
    form_class = BoothForm

    @cached_property
    def booth(self) -> Booth:
        return get_object_or_404(_booths(self.fair), pk=self.kwargs["booth"])

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "fair": self.fair, "instance": Booth.objects.get(pk=self.booth.pk)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **self.fair_context(),
            booth=self.booth,
            accounts=list(self.booth.accounts.all()),
            account_form=kwargs.pop("account_form", None) or AccountForm(),
            **kwargs,
        )

    def form_valid(self, form: BoothForm) -> HttpResponse:
        booth = Booth.objects.get(pk=self.booth.pk)
        try:
            setup.save_booth(booth=booth, fair=self.fair, values=form.values(), by=staff_user(self.request))
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("office:fair-booth-edit", pk=self.fair.pk, booth=booth.pk)


class BoothAccountView(BoothEditView):
    """Give the booth an exhibitor account by e-mail (a new address gets an invitation)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        account_form = AccountForm(request.POST)
        if account_form.is_valid():
            try:
                given = setup.give_booth_account(
                    booth=self.booth,
                    email=account_form.cleaned_data["email"],
                    full_name=account_form.cleaned_data["full_name"],
                    language=account_form.cleaned_data["language"],
                    by=staff_user(request),
                )
            except ValidationError as error:
                add_domain_errors(account_form, error)
            else:
                if given.created:
                    messages.success(
                        request,
                        _(
                            "A new exhibitor account was created for %(email)s and invited by e-mail to choose a password."
                        )
                        % {"email": given.user.email},
                    )
                else:
                    messages.success(request, _("%(email)s now runs this booth.") % {"email": given.user.email})
                return redirect("office:fair-booth-edit", pk=self.fair.pk, booth=self.booth.pk)
        form = BoothForm(fair=self.fair, instance=Booth.objects.get(pk=self.booth.pk))
        return self.render_to_response(self.get_context_data(form=form, account_form=account_form))


class BoothAccountRemoveView(FairMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, booth: int, user: int) -> HttpResponse:
        target = get_object_or_404(Booth, pk=booth, fair=self.fair)
        account = get_object_or_404(target.accounts.all(), pk=user)
        setup.take_booth_account(booth=target, user=account, by=staff_user(request))
        messages.success(request, _("%(email)s no longer runs this booth.") % {"email": account.email})
        return redirect("office:fair-booth-edit", pk=self.fair.pk, booth=target.pk)


class FairSlotsView(FairMixin, FormView):
    """The meeting slots by day; a form generates more from sessions of the day."""

    template_name = "matchmaking/office/fair_slots.html"
    form_class = SlotsForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "fair": self.fair}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        days: dict[dt.date, list[Slot]] = {}
        for slot in Slot.objects.filter(fair=self.fair).annotate(meeting_count=Count("meetings")).order_by("starts_at"):
            days.setdefault(timezone.localdate(slot.starts_at), []).append(slot)
        return super().get_context_data(
            **self.fair_context(),
            days=sorted(days.items()),
            slot_count=sum(len(slots) for slots in days.values()),
            zone=settings.TIME_ZONE,
            **kwargs,
        )

    def form_valid(self, form: SlotsForm) -> HttpResponse:
        try:
            made = setup.generate_slots(
                fair=self.fair,
                days=form.cleaned_data["days"],
                ranges=form.cleaned_data["sessions"],
                slot_minutes=form.cleaned_data["slot_minutes"],
                break_minutes=form.cleaned_data["break_minutes"],
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(created)s slots were created; %(skipped)s already existed and were left as they were.")
            % {"created": made.created, "skipped": made.skipped},
        )
        return redirect("office:fair-slots", pk=self.fair.pk)


class SlotsClearView(FairMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        count = setup.delete_unused_slots(fair=self.fair, by=staff_user(request))
        messages.success(request, _("%(count)s slots without meetings were removed.") % {"count": count})
        return redirect("office:fair-slots", pk=self.fair.pk)


class FairTablesView(FairMixin, FormView):
    template_name = "matchmaking/office/fair_tables.html"
    form_class = TablesForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        tables = Table.objects.filter(fair=self.fair).order_by("position", "name", "pk")
        return super().get_context_data(**self.fair_context(), tables=list(tables), **kwargs)

    def form_valid(self, form: TablesForm) -> HttpResponse:
        try:
            tables = setup.create_tables(
                fair=self.fair,
                count=form.cleaned_data["count"],
                prefix=form.cleaned_data["name_prefix"],
                first=form.cleaned_data["first"],
                by=staff_user(self.request),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(count)s tables were created.") % {"count": len(tables)})
        return redirect("office:fair-tables", pk=self.fair.pk)


class FairRulesView(FairMixin, FormView):
    template_name = "matchmaking/office/fair_rules.html"
    form_class = RulesForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": Fair.objects.get(pk=self.fair.pk)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**self.fair_context(), roles=Role.choices, **kwargs)

    def form_valid(self, form: RulesForm) -> HttpResponse:
        setup.save_rules(
            fair=self.fair,
            by=staff_user(self.request),
            reply_hours=form.cleaned_data["reply_hours"],
            request_expiry_hours=form.cleaned_data["request_expiry_hours"],
            max_requests=form.cleaned_data["max_requests"],
            max_accepted=form.cleaned_data["max_accepted"],
            may_meet=form.may_meet(),
        )
        messages.success(self.request, _("The matchmaking rules were saved."))
        return redirect("office:fair-rules", pk=self.fair.pk)


class FairReportView(FairMixin, TemplateView):
    template_name = "matchmaking/office/fair_report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**self.fair_context(), report=report.fair_report(self.fair), **kwargs)


class FairReportXlsxView(FairMixin, View):
    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        return FileResponse(
            report.report_workbook(report.fair_report(self.fair)),
            as_attachment=True,
            filename=report.workbook_name(self.fair),
        )
