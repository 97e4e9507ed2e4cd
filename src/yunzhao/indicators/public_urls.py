"""The zone overview at /<lang>/overview/."""

from django.urls import path

from yunzhao.indicators.views import OverviewView

app_name = "overview"

urlpatterns = [
    path("", OverviewView.as_view(), name="home"),
]
