from django.urls import include, path

from yunzhao.accounts import views as accounts_views
from yunzhao.core import audit_views
from yunzhao.crm import views as crm_views
from yunzhao.office import views

app_name = "office"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="home"),
    path("enterprises/", crm_views.EnterpriseListView.as_view(), name="enterprise-list"),
    path("enterprises/new/", crm_views.EnterpriseCreateView.as_view(), name="enterprise-create"),
    path("enterprises/<int:pk>/", crm_views.EnterpriseDetailView.as_view(), name="enterprise-detail"),
    path("enterprises/<int:pk>/edit/", crm_views.EnterpriseUpdateView.as_view(), name="enterprise-update"),
    path("organisation/", accounts_views.DepartmentListView.as_view(), name="department-list"),
    path("organisation/<int:pk>/", accounts_views.DepartmentDetailView.as_view(), name="department-detail"),
    path("audit/", audit_views.AuditLogView.as_view(), name="audit-log"),
    path("projects/", include("yunzhao.pipeline.urls")),
]
