"""Back-office routes of events, included at /<lang>/office/events/."""

from django.urls import path

from yunzhao.events.views import office

urlpatterns = [
    path("", office.EventListView.as_view(), name="event-list"),
    path("new/", office.EventCreateView.as_view(), name="event-create"),
    path("<int:pk>/", office.EventDetailView.as_view(), name="event-detail"),
    path("<int:pk>/edit/", office.EventUpdateView.as_view(), name="event-update"),
    path("<int:pk>/programme/new/", office.ItemCreateView.as_view(), name="event-item-create"),
    path("programme/<int:pk>/edit/", office.ItemUpdateView.as_view(), name="event-item-update"),
    path("<int:pk>/members/new/", office.MemberCreateView.as_view(), name="event-member-create"),
    path("<int:pk>/outcomes/new/", office.OutcomeCreateView.as_view(), name="event-outcome-create"),
    path("<int:pk>/questions/new/", office.QuestionCreateView.as_view(), name="event-question-create"),
    path("<int:pk>/registrations/", office.RegistrationListView.as_view(), name="event-registrations"),
    path(
        "registrations/<int:pk>/<str:action>/",
        office.RegistrationActionView.as_view(),
        name="event-registration-action",
    ),
    path("<int:pk>/ceremony/", office.CeremonyView.as_view(), name="event-ceremony"),
    path("<int:pk>/ceremony/agreements/", office.CeremonyAgreementView.as_view(), name="event-ceremony-agreement"),
    path("<int:pk>/badges.pdf", office.BadgesView.as_view(), name="event-badges"),
    path("<int:pk>/check-in/", office.CheckInView.as_view(), name="event-check-in"),
]
