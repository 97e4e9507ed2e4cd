"""The portal's event pages, at /<lang>/events/."""

from django.urls import path

from yunzhao.events.views import public

app_name = "events"

urlpatterns = [
    path("", public.PublicEventListView.as_view(), name="list"),
    path("<int:pk>/", public.PublicEventView.as_view(), name="detail"),
    path("<int:pk>/live/", public.LiveView.as_view(), name="live"),
    path("<int:pk>/live/beat/", public.HeartbeatView.as_view(), name="heartbeat"),
    path("<int:pk>/register/", public.RegisterView.as_view(), name="register"),
    path("registration/<str:code>/", public.RegistrationView.as_view(), name="registration"),
    path("registration/<str:code>/cancel/", public.CancelRegistrationView.as_view(), name="cancel"),
]
