"""Online project filing at /<lang>/filing/."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "filing"

urlpatterns = [
    path("", TemplateView.as_view(template_name="portal/home.html"), name="start"),
]
