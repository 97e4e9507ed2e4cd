"""Back-office routes of Excel imports and exports, included at /<lang>/office/workbooks/."""

from django.urls import path

from yunzhao.workbooks import views

urlpatterns = [
    path("imports/", views.ImportJobListView.as_view(), name="workbook-imports"),
    path("imports/new/<slug:kind>/", views.ImportUploadView.as_view(), name="workbook-import-upload"),
    path("imports/<int:pk>/", views.ImportJobView.as_view(), name="workbook-import"),
    path("imports/<int:pk>/columns/", views.ImportMappingView.as_view(), name="workbook-import-mapping"),
    path("imports/<int:pk>/preview/", views.ImportPreviewView.as_view(), name="workbook-import-preview"),
    path("imports/<int:pk>/progress/", views.ImportProgressView.as_view(), name="workbook-import-progress"),
    path("export/<slug:kind>.xlsx", views.ExportView.as_view(), name="workbook-export"),
]
