"""The DHIS2 exchange in the admin: the mappings (data that province staff keep) and
the values received, grouped under one menu with the export and import page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import DataElementMapping, OrgUnitMapping, ReceivedBatch, ReceivedValue


class DataElementMappingViewSet(ModelViewSet):
    model = DataElementMapping
    icon = "link"
    menu_label = _("Data element mappings")
    form_fields = ["indicator", "period_type", "data_element", "category_option_combo"]
    list_display = ["indicator", "period_type", "data_element", "category_option_combo"]
    list_filter = ["period_type"]


class OrgUnitMappingViewSet(ModelViewSet):
    model = OrgUnitMapping
    icon = "site"
    menu_label = _("Organisation unit mappings")
    form_fields = ["unit_code", "org_unit"]
    list_display = ["unit_code", "unit_name", "org_unit"]
    search_fields = ["unit_code", "org_unit"]


class ReceivedBatchViewSet(ModelViewSet):
    model = ReceivedBatch
    icon = "download"
    menu_label = _("Received value sets")
    form_fields = ["source"]
    list_display = ["source", "file_name", "received_at", "received_by", "value_count"]
    inspect_view_enabled = True


class ReceivedValueViewSet(ModelViewSet):
    model = ReceivedValue
    icon = "table"
    menu_label = _("Received values")
    form_fields = ["comment"]
    list_display = ["indicator", "unit_code", "period", "value", "source"]
    list_filter = ["indicator", "batch"]
    search_fields = ["unit_code", "period", "data_element", "org_unit"]
    list_export = [
        "indicator",
        "unit_code",
        "period",
        "period_start",
        "period_end",
        "value",
        "data_element",
        "org_unit",
        "source",
    ]
    inspect_view_enabled = True


class Dhis2Group(ViewSetGroup):
    menu_label = _("DHIS2 exchange")
    menu_icon = "resubmit"
    menu_order = 115
    items = (
        DataElementMappingViewSet("dhis2_elements"),
        OrgUnitMappingViewSet("dhis2_org_units"),
        ReceivedBatchViewSet("dhis2_batches"),
        ReceivedValueViewSet("dhis2_values"),
    )


dhis2_group = Dhis2Group()
