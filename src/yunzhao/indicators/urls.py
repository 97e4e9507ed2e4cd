"""Back-office routes of the zone's figures, included at /<lang>/office/figures/ in the office namespace."""

from django.urls import path

from yunzhao.indicators import views

urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicator-list"),
    path("new/", views.IndicatorCreateView.as_view(), name="indicator-create"),
    path("import/", views.ImportView.as_view(), name="indicator-import"),
    path("import/apply/", views.ImportApplyView.as_view(), name="indicator-import-apply"),
    path("import/template.xlsx", views.ImportTemplateView.as_view(), name="indicator-import-template"),
    path("<int:pk>/", views.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("<int:pk>/edit/", views.IndicatorUpdateView.as_view(), name="indicator-update"),
    path("<int:pk>/values/new/", views.ValueCreateView.as_view(), name="indicator-value-create"),
    path("values/<int:pk>/edit/", views.ValueUpdateView.as_view(), name="indicator-value-update"),
    path("values/<int:pk>/delete/", views.ValueDeleteView.as_view(), name="indicator-value-delete"),
]
