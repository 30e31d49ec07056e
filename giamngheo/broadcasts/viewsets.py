from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList

from giamngheo.accounts.viewsets import ScopedModelViewSet, ScopedUnitForm

from .models import Broadcast


class BroadcastForm(ScopedUnitForm):
    unit_field = "commune"


class BroadcastViewSet(ScopedModelViewSet):
    model = Broadcast
    unit_field = "commune"
    icon = "media"
    menu_label = _("Commune radio")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "commune", "on", "minutes", "source"]
    list_filter = ["source", "on"]
    list_export = ["commune", "on", "title", "minutes", "source"]
    export_filename = "phat-thanh-xa"
    search_fields = ["title"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("commune"),
            FieldPanel("on"),
            FieldPanel("title"),
            FieldPanel("minutes"),
            FieldPanel("source"),
        ],
        base_form_class=BroadcastForm,
    )


broadcast_viewset = BroadcastViewSet("broadcasts")
