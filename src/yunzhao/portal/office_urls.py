"""Back-office routes of this app, inside the office namespace."""

from django.urls import path

from yunzhao.office.views import DashboardView

urlpatterns = [
    path("", DashboardView.as_view(), name="content-home"),
]
