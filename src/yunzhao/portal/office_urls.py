"""Back-office routes of portal content, inside the office namespace (/<lang>/office/content/)."""

from django.urls import path

from yunzhao.portal.views import office

urlpatterns = [
    path("", office.ContentHomeView.as_view(), name="content-home"),
    path("<slug:kind>/new/", office.ContentEditView.as_view(), name="content-create"),
    path("<slug:kind>/<int:pk>/", office.ContentEditView.as_view(), name="content-edit"),
    path("<slug:kind>/<int:pk>/preview/", office.ContentPreviewView.as_view(), name="content-preview"),
    path("<slug:kind>/<int:pk>/publish/", office.ContentPublishView.as_view(), name="content-publish"),
    path(
        "<slug:kind>/<int:pk>/unpublish/",
        office.ContentPublishView.as_view(publish=False),
        name="content-unpublish",
    ),
    path("video/<int:pk>/captions/", office.CaptionAddView.as_view(), name="content-caption-add"),
    path("captions/<int:pk>/delete/", office.CaptionDeleteView.as_view(), name="content-caption-delete"),
]
