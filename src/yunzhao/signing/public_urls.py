"""The signatory's pages and the public verification page, at /<lang>/sign/: no account needed."""

from django.urls import path

from yunzhao.signing.views import public

app_name = "signing"

urlpatterns = [
    path("verify/", public.VerifyView.as_view(), name="verify"),
    path("done/", public.SignedView.as_view(), name="done"),
    path("<str:token>/", public.SignPageView.as_view(), name="sign"),
    path("<str:token>/code/", public.RequestCodeView.as_view(), name="request-code"),
    path("<str:token>/document.pdf", public.SignDocumentView.as_view(), name="document"),
]
