"""A listing's CSV and XLSX exports read as the screen does: Có/Không, dd/mm/yyyy, names
family name first; XLSX dates stay dates."""

import csv
import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.accounts.models import AccessKind, PersonalDataAccess
from giamngheo.accounts.privacy import log_personal_data_access
from giamngheo.training.models import Cadre
from tests.conftest import unit


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_csv_export_says_co_khong_and_writes_dates_and_names_as_an_official_does(
    client, province_staff
):
    province_staff.first_name, province_staff.last_name = "Lan", "Nguyễn Thị"
    province_staff.save()
    commune = unit("19942")
    Cadre.objects.create(full_name="Lê Văn An", unit=commune, level=commune.level)
    client.force_login(province_staff)

    cadres = _content(client.get(reverse("training_cadres:index") + "?export=csv")).decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(cadres)))
    assert rows[1][0] == "Lê Văn An" and rows[1][-1] == "Có"
    assert "True" not in cadres

    # Who saw contact details is logged; the log's export names them.
    cadre = Cadre.objects.get()
    log_personal_data_access(
        user=province_staff,
        kind=AccessKind.CONTACT,
        purpose="Kiểm tra",
        subject=cadre,
        unit=cadre.unit,
    )
    log = reverse("personal_data_access_log:index") + "?export=csv"
    access = _content(client.get(log)).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(access)))[1]
    at = PersonalDataAccess.objects.latest("at").at.astimezone()
    assert row[0] == at.strftime("%d/%m/%Y %H:%M")
    assert row[1] == "Nguyễn Thị Lan"
    assert row[2] != "contact", "the kind of access in words, not its code"


def test_an_xlsx_export_keeps_dates_as_dates(client, province_staff):
    commune = unit("19942")
    cadre = Cadre.objects.create(full_name="Lê Văn An", unit=commune, level=commune.level)
    log_personal_data_access(
        user=province_staff,
        kind=AccessKind.CONTACT,
        purpose="Kiểm tra",
        subject=cadre,
        unit=cadre.unit,
    )
    client.force_login(province_staff)
    response = client.get(reverse("personal_data_access_log:index") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(_content(response))).active
    assert isinstance(sheet.cell(row=2, column=1).value, datetime.datetime)
