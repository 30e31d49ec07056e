from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .panels import CasesWaitingPanel
from .viewsets import FeedbackViewSetGroup


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return FeedbackViewSetGroup()


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_feedback")


@hooks.register("register_feedback_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Report"), reverse("feedback_report"), icon_name="table", order=2, name="feedback-report"
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("phan-anh/ca/<int:pk>/", admin_views.case, name="feedback_case"),
        path("phan-anh/ca/<int:pk>/<slug:action>/", admin_views.act, name="feedback_act"),
        path(
            "phan-anh/ca/<int:pk>/tep/<int:attachment_pk>/",
            admin_views.attachment,
            name="feedback_attachment",
        ),
        path("phan-anh/nhap/", admin_views.entry, name="feedback_entry"),
        path("phan-anh/bao-cao/", admin_views.report, name="feedback_report"),
    ]


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    """Officers land on the cases assigned to their unit; the province on those to assign."""
    if CasesWaitingPanel.is_for(request.user):
        panels.append(CasesWaitingPanel(request.user))
