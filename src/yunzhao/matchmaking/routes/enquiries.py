"""Portal routes of the online fair: enquiries (the visitor's and the exhibitor's side)."""

from django.urls import path

from yunzhao.matchmaking.views import enquiries

urlpatterns = [
    path("<slug:slug>/booths/<int:pk>/enquire/", enquiries.EnquiryCreateView.as_view(), name="enquiry-create"),
    path("<slug:slug>/enquiries/", enquiries.MyEnquiriesView.as_view(), name="enquiries"),
    path("<slug:slug>/enquiries/<str:reference>/", enquiries.EnquiryDetailView.as_view(), name="enquiry-detail"),
    path("<slug:slug>/exhibitor/enquiries/", enquiries.ExhibitorInboxView.as_view(), name="exhibitor-enquiries"),
    path(
        "<slug:slug>/exhibitor/enquiries/<str:reference>/",
        enquiries.ExhibitorEnquiryView.as_view(),
        name="exhibitor-enquiry",
    ),
]
