"""The portal's addresses outside the page tree: search, feeds, sitemap, robots.txt,
the accessibility statement.

Included by giamngheo/urls.py ahead of Wagtail's page serving, so a page with
the slug "tim-kiem" or "feeds" under the home page would be hidden by these.
"""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views

app_name = "portal"

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("feeds/<slug:section>/rss.xml", feeds.SectionFeed(), name="feed_rss"),
    path("feeds/<slug:section>/atom.xml", feeds.SectionAtomFeed(), name="feed_atom"),
    path("feeds/tin-tuc/<slug:category>/rss.xml", feeds.CategoryFeed(), name="category_feed_rss"),
    path(
        "feeds/tin-tuc/<slug:category>/atom.xml",
        feeds.CategoryAtomFeed(),
        name="category_feed_atom",
    ),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("tuyen-bo-tiep-can/", views.accessibility_statement, name="accessibility_statement"),
]
