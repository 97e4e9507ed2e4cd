"""Portal routes of the online fair: people (profiles, recommendations, meeting requests)."""

from django.urls import path

from yunzhao.matchmaking.views import people

urlpatterns = [
    path("<slug:slug>/join/", people.JoinView.as_view(), name="join"),
    path("<slug:slug>/availability/", people.AvailabilityView.as_view(), name="availability"),
    path("<slug:slug>/recommended/", people.RecommendationsView.as_view(), name="recommendations"),
    path("<slug:slug>/people/<int:pk>/", people.ParticipantDetailView.as_view(), name="participant-detail"),
    path("<slug:slug>/people/<int:pk>/meet/", people.RequestCreateView.as_view(), name="request-create"),
    path("<slug:slug>/requests/", people.RequestsView.as_view(), name="requests"),
    path("<slug:slug>/requests/<int:pk>/answer/", people.RequestAnswerView.as_view(), name="request-answer"),
    path("<slug:slug>/requests/<int:pk>/cancel/", people.RequestCancelView.as_view(), name="request-cancel"),
]
