"""Public addresses of the feedback channel, included by giamngheo/urls.py before the pages."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("phan-anh/", views.submit, name="submit"),
    path("phan-anh/altcha/", views.challenge, name="challenge"),
    path("phan-anh/tra-cuu/", views.track, name="track"),
    path("phan-anh/tra-cuu/<str:code>/", views.track_case, name="track_case"),
    path("phan-anh/tra-cuu/<str:code>/danh-gia/", views.rate, name="rate"),
    path("phan-anh/tra-cuu/<str:code>/mo-lai/", views.reopen, name="reopen"),
    path("hoi-dap/", views.answers, name="answers"),
    path("hoi-dap/<int:pk>/", views.answer, name="answer"),
]
