from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ExchangeView, can_exchange
from .viewsets import dhis2_group


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("dhis2/", ExchangeView.as_view(), name="dhis2_exchange")]


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request):
        return can_exchange(request.user)


@hooks.register("register_admin_menu_item")
def register_exchange_menu_item():
    return ExchangeMenuItem(
        _("DHIS2 export and import"), reverse("dhis2_exchange"), icon_name="resubmit", order=116
    )


@hooks.register("register_admin_viewset")
def register_dhis2_viewsets():
    return dhis2_group
