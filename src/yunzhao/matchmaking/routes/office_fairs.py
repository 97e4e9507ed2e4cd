"""Back-office routes of the online fair: fairs (set-up and report), in the office namespace."""

from django.urls import path

from yunzhao.matchmaking.views import organiser

urlpatterns = [
    path("", organiser.FairListView.as_view(), name="fair-list"),
    path("new/", organiser.FairCreateView.as_view(), name="fair-create"),
    path("<int:pk>/", organiser.FairDetailView.as_view(), name="fair-detail"),
    path("<int:pk>/edit/", organiser.FairEditView.as_view(), name="fair-edit"),
    path("<int:pk>/publish/", organiser.FairPublishView.as_view(), name="fair-publish"),
    path("<int:pk>/unpublish/", organiser.FairPublishView.as_view(publish=False), name="fair-unpublish"),
    path("<int:pk>/halls/", organiser.FairHallsView.as_view(), name="fair-halls"),
    path("<int:pk>/halls/<int:hall>/", organiser.HallEditView.as_view(), name="fair-hall-edit"),
    path("<int:pk>/halls/<int:hall>/move/", organiser.HallMoveView.as_view(), name="fair-hall-move"),
    path("<int:pk>/booths/", organiser.FairBoothsView.as_view(), name="fair-booths"),
    path("<int:pk>/booths/<int:booth>/", organiser.BoothEditView.as_view(), name="fair-booth-edit"),
    path("<int:pk>/booths/<int:booth>/accounts/", organiser.BoothAccountView.as_view(), name="fair-booth-account"),
    path(
        "<int:pk>/booths/<int:booth>/accounts/<int:user>/remove/",
        organiser.BoothAccountRemoveView.as_view(),
        name="fair-booth-account-remove",
    ),
    path("<int:pk>/slots/", organiser.FairSlotsView.as_view(), name="fair-slots"),
    path("<int:pk>/slots/clear/", organiser.SlotsClearView.as_view(), name="fair-slots-clear"),
    path("<int:pk>/tables/", organiser.FairTablesView.as_view(), name="fair-tables"),
    path("<int:pk>/rules/", organiser.FairRulesView.as_view(), name="fair-rules"),
    path("<int:pk>/report/", organiser.FairReportView.as_view(), name="fair-report"),
    path("<int:pk>/report.xlsx", organiser.FairReportXlsxView.as_view(), name="fair-report-xlsx"),
]
