from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .viewsets import IssuingBodyViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/results/", views.ReportsView.as_view(), name="reports_index"),
        path("reports/results/<int:pk>/status/", views.report_status, name="reports_status"),
        path("reports/results/<int:pk>/<str:kind>/", views.download, name="reports_download"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Results reports"), reverse("reports_index"), icon_name="doc-full", order=110
    )


@hooks.register("register_admin_viewset")
def register_issuing_bodies():
    return IssuingBodyViewSet("reports_issuing_bodies")
