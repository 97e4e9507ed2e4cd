"""Back-office routes of the online fair: running and publishing the meeting schedule, the table plan."""

from django.urls import URLPattern, path

from yunzhao.matchmaking.views import schedule

urlpatterns: list[URLPattern] = [
    path("<int:pk>/schedule/", schedule.FairScheduleView.as_view(), name="fair-schedule"),
    path("<int:pk>/schedule/publish/", schedule.FairSchedulePublishView.as_view(), name="fair-schedule-publish"),
    path("<int:pk>/table-plan/", schedule.FairTablePlanView.as_view(), name="fair-table-plan"),
]
