from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_views
from .viewsets import ContestViewSetGroup


@hooks.register("register_admin_viewset")
def register_contest_viewsets():
    return ContestViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "cuoc-thi/vong/<int:pk>/ket-qua/",
            admin_views.round_results,
            name="contests_round_results",
        ),
        path(
            "cuoc-thi/vong/<int:pk>/cong-bo/",
            admin_views.publish_results,
            name="contests_publish_results",
        ),
        path(
            "cuoc-thi/vong/<int:pk>/xep-hang.xlsx",
            admin_views.export_ranking,
            name="contests_export_ranking",
        ),
        path(
            "cuoc-thi/<int:pk>/thi-sinh.xlsx",
            admin_views.export_participants,
            name="contests_export_participants",
        ),
        path(
            "cuoc-thi/cau-hoi/nhap/", admin_views.import_questions, name="contests_import_questions"
        ),
        path(
            "cuoc-thi/cau-hoi/nhap/mau.xlsx",
            admin_views.import_template,
            name="contests_import_template",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "contests.publish_results", _("Publish results"), _("Results published")
    )
