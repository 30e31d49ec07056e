from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import guides, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("account/two-factor/", views.two_factor, name="accounts_two_factor"),
        path("huong-dan/", views.guide, name="accounts_guides"),
        path("huong-dan/<slug:slug>/", views.guide, name="accounts_guide"),
    ]


# Wagtail's own help entries open its English release notes and editor guide on
# wagtail.org; staff get the guide of their role instead (kept in docs/guides/).
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def point_help_at_the_role_guides(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]
    for order, guide in enumerate(guides.guides_for(request.user)):
        menu_items.append(
            MenuItem(
                guide.title,
                reverse("accounts_guide", args=[guide.slug]),
                name=f"guide-{guide.slug}",
                icon_name="help",
                order=order,
            )
        )
    menu_items.append(
        MenuItem(
            _("User guides"),
            reverse("accounts_guides"),
            name="guides",
            icon_name="list-ul",
            order=100,
        )
    )


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
