"""The portal's content pages at /<lang>/."""

from django.urls import path

from yunzhao.portal.views import public

app_name = "portal"

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("invitation/", public.InvitationView.as_view(), name="invitation"),
    path("opportunities/", public.OpportunityListView.as_view(), name="opportunity-list"),
    path("opportunities/<int:pk>/", public.OpportunityDetailView.as_view(), name="opportunity-detail"),
    path("advantages/", public.AdvantagesView.as_view(), name="advantages"),
    path("services/", public.ServicesView.as_view(), name="services"),
    path("services/policies/", public.PolicyListView.as_view(), name="policy-list"),
    path("services/policies/finder/", public.FinderView.as_view(), name="policy-finder"),
    path("services/policies/<int:pk>/", public.PolicyDetailView.as_view(), name="policy-detail"),
]
