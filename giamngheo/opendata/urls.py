"""/du-lieu-mo/: the open data page, each set's downloads, the DCAT catalogue."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("du-lieu-mo/", views.index, name="index"),
    path("du-lieu-mo/catalog.json", views.catalogue, name="catalogue"),
    path("du-lieu-mo/<slug:slug>.<str:kind>", views.download, name="download"),
]
