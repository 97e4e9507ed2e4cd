"""The back office at /<lang>/office/: each app brings its own routes into the office namespace."""

from django.urls import include, path

from yunzhao.accounts import views as accounts_views
from yunzhao.core import audit_views
from yunzhao.office import search, views

app_name = "office"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="home"),
    path("", include("yunzhao.crm.urls")),
    path("projects/", include("yunzhao.pipeline.urls")),
    path("workbooks/", include("yunzhao.workbooks.urls")),
    path("events/", include("yunzhao.events.urls")),
    path("agreements/", include("yunzhao.signing.urls")),
    path("content/", include("yunzhao.portal.office_urls")),
    path("figures/", include("yunzhao.indicators.urls")),
    path("filings/", include("yunzhao.intake.urls")),
    path("consulting/", include("yunzhao.consulting.urls")),
    path("fairs/", include("yunzhao.matchmaking.urls")),
    path("organisation/", accounts_views.DepartmentListView.as_view(), name="department-list"),
    path("organisation/<int:pk>/", accounts_views.DepartmentDetailView.as_view(), name="department-detail"),
    path("audit/", audit_views.AuditLogView.as_view(), name="audit-log"),
    path("search/", search.SearchView.as_view(), name="search"),
]
