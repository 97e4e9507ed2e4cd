from django.urls import path

from yunzhao.office import views

app_name = "office"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="home"),
]
