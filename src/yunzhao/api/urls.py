from django.urls import path

from yunzhao.api.main import api

urlpatterns = [path("", api.urls)]
