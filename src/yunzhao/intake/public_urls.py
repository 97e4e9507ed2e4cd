"""Online project filing at /<lang>/filing/: the steps, the filer's status page and "My filings"."""

from django.urls import path

from yunzhao.intake.views import public

app_name = "filing"

urlpatterns = [
    path("", public.FilingStepView.as_view(), name="start"),
    path("mine/", public.MyFilingsView.as_view(), name="mine"),
    path("status/<str:token>/", public.FilingStatusView.as_view(), name="status"),
    path("<slug:step>/", public.FilingStepView.as_view(), name="step"),
]
