"""Public addresses of the polls, included by giamngheo/urls.py before the pages.

A dialogue's own addresses (questions, upvotes) hang under its page (``pages.py``).
"""

from django.urls import path

from . import views

app_name = "engagement"

urlpatterns = [
    path("tham-do/", views.poll_list, name="polls"),
    path("tham-do/<int:pk>/", views.poll_detail, name="poll"),
    path("tham-do/<int:pk>/trang-chu/", views.home_poll_block, name="home_poll"),
]
