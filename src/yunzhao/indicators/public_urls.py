"""The zone overview at /<lang>/overview/."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "overview"

urlpatterns = [
    path("", TemplateView.as_view(template_name="portal/home.html"), name="home"),
]
