"""The online fairs at /<lang>/fairs/: booths and products, matchmaking, enquiries, agendas."""

from django.urls import include, path

app_name = "fairs"

urlpatterns = [
    path("", include("yunzhao.matchmaking.routes.booths")),
    path("", include("yunzhao.matchmaking.routes.people")),
    path("", include("yunzhao.matchmaking.routes.enquiries")),
    path("", include("yunzhao.matchmaking.routes.agenda")),
]
