"""Contact forms: add a person to an enterprise, change what we know of them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm import contacts
from yunzhao.crm.forms import ContactForm
from yunzhao.crm.models import Contact, Enterprise
from yunzhao.crm.views.helpers import add_domain_errors, staff_user


class ContactCreateView(OfficeAccessMixin, FormView):
    form_class = ContactForm
    template_name = "crm/contact_form.html"
    permission_required = "crm.add_contact"

    @cached_property
    def enterprise(self) -> Enterprise:
        return get_object_or_404(Enterprise, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(enterprise=self.enterprise, **kwargs)

    def form_valid(self, form: ContactForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.fields}
        try:
            contacts.create_contact(enterprise=self.enterprise, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The contact was saved."))
        return redirect(reverse("office:enterprise-detail", args=[self.enterprise.pk]) + "#contacts")


class ContactUpdateView(OfficeAccessMixin, FormView):
    form_class = ContactForm
    template_name = "crm/contact_form.html"
    permission_required = "crm.change_contact"

    @cached_property
    def contact(self) -> Contact:
        return get_object_or_404(Contact.objects.select_related("enterprise"), pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.contact}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The form changed its copy while validating; show the saved name and the saved history.
        saved = Contact.objects.get(pk=self.contact.pk)
        context.update(enterprise=self.contact.enterprise, object=saved, history=audit.history_for(saved)[:50])
        return context

    def form_valid(self, form: ContactForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.fields}
        fresh = Contact.objects.get(pk=self.contact.pk)
        try:
            contacts.update_contact(contact=fresh, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The contact was saved."))
        return redirect(reverse("office:enterprise-detail", args=[fresh.enterprise_id]) + "#contacts")
