"""Back-office routes of the project platform, included under /<lang>/office/projects/ in the office namespace."""

from django.urls import path

from yunzhao.pipeline import views

urlpatterns = [
    path("<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
