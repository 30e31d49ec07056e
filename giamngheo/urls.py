from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from giamngheo.accounts import views as account_views
from giamngheo.core import health
from giamngheo.portal import language, pwa

urlpatterns = [
    # For load balancers and monitoring (core/health.py): not behind any redirect.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Ahead of Wagtail's own: the site history is for province-wide users only.
    path("admin/reports/site-history/", account_views.site_history),
    path("admin/reports/site-history/results/", account_views.site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # The installable app (portal/pwa.py; the service worker at the root, for its scope
    # to be the whole site) and the language links (portal/language.py).
    path("manifest.webmanifest", pwa.manifest, name="portal-manifest"),
    path("sw.js", pwa.service_worker, name="portal-sw"),
    path("offline/", pwa.offline, name="portal-offline"),
    path("ngon-ngu/<str:language>/", language.switch_language, name="portal-language"),
    # Search, feeds, sitemap.xml and robots.txt, ahead of the pages they would shadow.
    path("", include("giamngheo.portal.urls")),
    # Citizens' feedback: /phan-anh/ (send, track) and /hoi-dap/ (public Q&A).
    path("", include("giamngheo.feedback.urls")),
    # Online knowledge contests: /cuoc-thi/ (contests, attempts, leaderboards).
    path("", include("giamngheo.contests.urls")),
    # Polls: /tham-do/ (a dialogue's own addresses hang under its page).
    path("", include("giamngheo.engagement.urls")),
    # Open data: /du-lieu-mo/ (the data sets, their CSV and JSON, the DCAT catalogue).
    path("", include("giamngheo.opendata.urls")),
    # The feedback channel's Open311 GeoReport v2 API for apps: /open311/v2/.
    path("open311/", include("giamngheo.feedback.open311.urls")),
    # The data API for apps and other systems: /api/v1/ (its docs at /api/v1/docs).
    path("api/v1/", include("giamngheo.api.urls")),
    path("", include(wagtail_urls)),
]
