"""Portal routes of the online fair: booths, products, search and the exhibitor area."""

from django.urls import path

from yunzhao.matchmaking.views import booths, exhibitor

urlpatterns = [
    path("", booths.FairListView.as_view(), name="fair-list"),
    path("<slug:slug>/", booths.FairDetailView.as_view(), name="fair-detail"),
    path("<slug:slug>/halls/<int:pk>/", booths.HallDetailView.as_view(), name="hall-detail"),
    path("<slug:slug>/booths/<int:pk>/", booths.BoothDetailView.as_view(), name="booth-detail"),
    path("<slug:slug>/products/<int:pk>/", booths.ProductDetailView.as_view(), name="product-detail"),
    path("<slug:slug>/search/", booths.FairSearchView.as_view(), name="search"),
    path("<slug:slug>/exhibitor/", exhibitor.ExhibitorHomeView.as_view(), name="exhibitor-home"),
    path("<slug:slug>/exhibitor/booths/<int:pk>/", exhibitor.BoothEditView.as_view(), name="booth-edit"),
    path("<slug:slug>/exhibitor/booths/<int:pk>/publish/", exhibitor.BoothPublishView.as_view(), name="booth-publish"),
    path(
        "<slug:slug>/exhibitor/booths/<int:pk>/products/new/",
        exhibitor.ProductCreateView.as_view(),
        name="product-create",
    ),
    path("<slug:slug>/exhibitor/products/<int:pk>/", exhibitor.ProductEditView.as_view(), name="product-edit"),
    path(
        "<slug:slug>/exhibitor/products/<int:pk>/delete/",
        exhibitor.ProductDeleteView.as_view(),
        name="product-delete",
    ),
    path(
        "<slug:slug>/exhibitor/booths/<int:pk>/documents/new/",
        exhibitor.DocumentCreateView.as_view(),
        name="document-create",
    ),
    path(
        "<slug:slug>/exhibitor/documents/<int:pk>/delete/",
        exhibitor.DocumentDeleteView.as_view(),
        name="document-delete",
    ),
]
