"""The consulting service at /<lang>/consulting/."""

from django.urls import path

from yunzhao.consulting.views import public

app_name = "consulting"

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("ask/", public.AskView.as_view(), name="ask"),
    path("mine/", public.MyQuestionsView.as_view(), name="mine"),
    path("q/<str:token>/", public.ThreadView.as_view(), name="thread"),
    path("q/<str:token>/message/", public.AskerMessageView.as_view(), name="message"),
    path("q/<str:token>/close/", public.CloseView.as_view(), name="close"),
    path("meet/", public.MeetView.as_view(), name="meet"),
    path("meet/<int:pk>/book/", public.BookView.as_view(), name="book"),
    path("meeting/<str:token>/", public.BookingView.as_view(), name="booking"),
    path("meeting/<str:token>/cancel/", public.CancelBookingView.as_view(), name="cancel-booking"),
]
