"""Public addresses of the contests, included by giamngheo/urls.py before the pages."""

from django.urls import path

from . import views

app_name = "contests"

urlpatterns = [
    path("cuoc-thi/", views.contest_list, name="list"),
    path("cuoc-thi/bai-thi/<str:token>/", views.attempt, name="attempt"),
    path("cuoc-thi/bai-thi/<str:token>/ket-qua/", views.result, name="result"),
    path("cuoc-thi/<slug:slug>/", views.contest_detail, name="detail"),
    path("cuoc-thi/<slug:slug>/dang-ky/", views.register, name="register"),
    path("cuoc-thi/<slug:slug>/vong-<str:number>/bat-dau/", views.start, name="start"),
    path("cuoc-thi/<slug:slug>/vong-<str:number>/xep-hang/", views.leaderboard, name="leaderboard"),
]
