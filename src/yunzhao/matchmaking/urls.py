"""The organiser's side of the online fairs, in the office namespace at /<lang>/office/fairs/."""

from django.urls import include, path

urlpatterns = [
    path("", include("yunzhao.matchmaking.routes.office_fairs")),
    path("", include("yunzhao.matchmaking.routes.office_enquiries")),
    path("", include("yunzhao.matchmaking.routes.office_schedule")),
]
