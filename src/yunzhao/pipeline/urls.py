"""Back-office routes of the project platform, included under /<lang>/office/projects/ in the office namespace."""

from django.urls import path

from yunzhao.pipeline import views

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("board/", views.ProjectBoardView.as_view(), name="project-board"),
    path("new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("views/", views.SavedViewCreateView.as_view(), name="project-view-create"),
    path("views/<int:pk>/delete/", views.SavedViewDeleteView.as_view(), name="project-view-delete"),
    path("<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="project-update"),
    path("<int:pk>/move/", views.ProjectMoveView.as_view(), name="project-move"),
    path("<int:pk>/hand-over/", views.ProjectHandOverView.as_view(), name="project-hand-over"),
    path("hand-overs/<int:pk>/accept/", views.HandoverAcceptView.as_view(), name="handover-accept"),
    path("hand-overs/<int:pk>/reject/", views.HandoverRejectView.as_view(), name="handover-reject"),
    path("hand-overs/<int:pk>/cancel/", views.HandoverCancelView.as_view(), name="handover-cancel"),
]
