"""Back-office routes of enterprises, contacts, channels and activities, included at /<lang>/office/."""

from django.urls import path

from yunzhao.crm.views import activities, channels, contacts, enterprises
from yunzhao.crm.views import merge as merge_views

urlpatterns = [
    path("enterprises/", enterprises.EnterpriseListView.as_view(), name="enterprise-list"),
    path("enterprises/new/", enterprises.EnterpriseCreateView.as_view(), name="enterprise-create"),
    path("enterprises/<int:pk>/", enterprises.EnterpriseDetailView.as_view(), name="enterprise-detail"),
    path("enterprises/<int:pk>/edit/", enterprises.EnterpriseUpdateView.as_view(), name="enterprise-update"),
    path("enterprises/duplicates/", merge_views.EnterpriseDuplicatesView.as_view(), name="enterprise-duplicates"),
    path("enterprises/<int:pk>/merge/", merge_views.EnterpriseMergeChooseView.as_view(), name="enterprise-merge"),
    path(
        "enterprises/<int:pk>/merge/<int:other>/",
        merge_views.EnterpriseMergeView.as_view(),
        name="enterprise-merge-compare",
    ),
    path("enterprises/<int:pk>/contacts/new/", contacts.ContactCreateView.as_view(), name="contact-create"),
    path("enterprises/<int:pk>/activities/", activities.ActivityListView.as_view(), name="activity-list"),
    path("channels/", channels.ChannelListView.as_view(), name="channel-list"),
    path("channels/new/", channels.ChannelCreateView.as_view(), name="channel-create"),
    path("channels/<int:pk>/", channels.ChannelDetailView.as_view(), name="channel-detail"),
    path("channels/<int:pk>/edit/", channels.ChannelUpdateView.as_view(), name="channel-update"),
    path("contacts/<int:pk>/edit/", contacts.ContactUpdateView.as_view(), name="contact-update"),
    path("activities/new/", activities.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/edit/", activities.ActivityUpdateView.as_view(), name="activity-update"),
    path(
        "activities/<int:pk>/follow-up/done/",
        activities.ActivityFollowUpDoneView.as_view(),
        name="activity-follow-up-done",
    ),
]
