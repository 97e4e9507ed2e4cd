"""Back-office pages of the project platform: the list and the board, a project's page, its forms and actions."""

from yunzhao.pipeline.views.actions import (
    HandoverAcceptView,
    HandoverCancelView,
    HandoverRejectView,
    ProjectHandOverView,
    ProjectMoveView,
)
from yunzhao.pipeline.views.detail import ProjectDetailView
from yunzhao.pipeline.views.edit import ProjectCreateView, ProjectUpdateView
from yunzhao.pipeline.views.lists import ProjectBoardView, ProjectListView, SavedViewCreateView, SavedViewDeleteView

__all__ = [
    "HandoverAcceptView",
    "HandoverCancelView",
    "HandoverRejectView",
    "ProjectBoardView",
    "ProjectCreateView",
    "ProjectDetailView",
    "ProjectHandOverView",
    "ProjectListView",
    "ProjectMoveView",
    "ProjectUpdateView",
    "SavedViewCreateView",
    "SavedViewDeleteView",
]
