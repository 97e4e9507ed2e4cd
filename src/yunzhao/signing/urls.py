"""Back-office routes of cloud signing, included at /<lang>/office/agreements/ in the office namespace."""

from django.urls import path

from yunzhao.signing.views import office

urlpatterns = [
    path("", office.AgreementListView.as_view(), name="agreement-list"),
    path("new/", office.AgreementCreateView.as_view(), name="agreement-create"),
    path("<int:pk>/", office.AgreementDetailView.as_view(), name="agreement-detail"),
    path("<int:pk>/document/", office.AgreementDocumentUploadView.as_view(), name="agreement-document-upload"),
    path(
        "<int:pk>/document/generate/",
        office.AgreementDocumentGenerateView.as_view(),
        name="agreement-document-generate",
    ),
    path("<int:pk>/document.pdf", office.AgreementDocumentView.as_view(), name="agreement-document"),
    path("<int:pk>/signed.pdf", office.AgreementFinalView.as_view(), name="agreement-final"),
    path("<int:pk>/parties/new/", office.AgreementPartyCreateView.as_view(), name="agreement-party-create"),
    path("<int:pk>/signatories/new/", office.AgreementSignatoryCreateView.as_view(), name="agreement-signatory-create"),
    path("<int:pk>/send/", office.AgreementSendView.as_view(), name="agreement-send"),
    path("<int:pk>/void/", office.AgreementVoidView.as_view(), name="agreement-void"),
]
