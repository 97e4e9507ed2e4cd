"""What the back-office views of enterprises, contacts and activities share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from yunzhao.accounts.models import User
from yunzhao.crm.models import Enterprise
from yunzhao.pipeline.models import Project


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff member (the access mixins let no one else this far)."""
    user = request.user
    assert isinstance(user, User)
    return user


def add_domain_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a domain function's errors at the fields they name, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def record_activity_url(*, enterprise: Enterprise | None = None, project: Project | None = None) -> str:
    """The activity form with the project or the enterprise filled in."""
    if project is not None:
        query = urlencode({"project": project.pk})
    else:
        assert enterprise is not None
        query = urlencode({"enterprise": enterprise.pk})
    return f"{reverse('office:activity-create')}?{query}"
