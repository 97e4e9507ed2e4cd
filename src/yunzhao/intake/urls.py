"""Back-office routes of filings, included at /<lang>/office/filings/ in the office namespace."""

from django.urls import path

from yunzhao.intake.views import office

urlpatterns = [
    path("", office.FilingListView.as_view(), name="filing-list"),
    path("<int:pk>/", office.FilingDetailView.as_view(), name="filing-detail"),
    path("<int:pk>/<slug:action>/", office.FilingActionView.as_view(), name="filing-action"),
    path("attachments/<int:pk>/", office.AttachmentDownloadView.as_view(), name="filing-attachment"),
]
