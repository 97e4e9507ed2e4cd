"""Back-office routes of the online fair: enquiries (response times per exhibitor)."""

from django.urls import path

from yunzhao.matchmaking.views import enquiries

urlpatterns = [
    path("<int:pk>/enquiries/", enquiries.FairEnquiriesView.as_view(), name="fair-enquiries"),
]
