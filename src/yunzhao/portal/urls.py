from django.urls import path
from django.views.generic import TemplateView

from yunzhao.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("invitation/", TemplateView.as_view(template_name="portal/home.html"), name="invitation"),
    path("advantages/", TemplateView.as_view(template_name="portal/home.html"), name="advantages"),
    path("services/", TemplateView.as_view(template_name="portal/home.html"), name="services"),
    path("policies/", TemplateView.as_view(template_name="portal/home.html"), name="policy-list"),
]
