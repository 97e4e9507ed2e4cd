"""Portal routes of the online fair: a participant's agenda and marking meetings afterwards."""

from django.urls import URLPattern, path

from yunzhao.matchmaking.views import agenda

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/agenda/", agenda.AgendaView.as_view(), name="agenda"),
    path("<slug:slug>/agenda.pdf", agenda.AgendaPdfView.as_view(), name="agenda-pdf"),
    path("<slug:slug>/agenda.ics", agenda.AgendaIcsView.as_view(), name="agenda-ics"),
    path("<slug:slug>/meetings/<int:pk>/outcome/", agenda.MeetingOutcomeView.as_view(), name="meeting-outcome"),
]
