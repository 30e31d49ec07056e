from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("account/two-factor/", views.two_factor, name="accounts_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from your phone at each sign-in."),
    }


@hooks.register("construct_reports_menu")
def hide_site_history_outside_the_province(request, menu_items):
    from .scoping import is_province_wide

    if not is_province_wide(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("register_admin_viewset")
def register_access_log():
    from .access_log import AccessLogViewSet

    return AccessLogViewSet("personal_data_access_log")
