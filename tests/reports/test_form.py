"""The report request form: it opens on the user's own unit."""

from __future__ import annotations

import pytest

from giamngheo.reports.forms import ReportRequestForm

pytestmark = pytest.mark.django_db


def test_the_form_opens_on_the_province_for_province_staff(province_staff):
    form = ReportRequestForm(user=province_staff)
    assert form.fields["unit"].initial.level == "province"
    assert form.fields["unit"].queryset.first().level == "province"


def test_the_form_opens_on_the_district_for_a_district_officer(district_officer):
    form = ReportRequestForm(user=district_officer)
    assert form.fields["unit"].initial.code == district_officer.unit.code


def test_the_signers_title_takes_two_lines(province_staff):
    form = ReportRequestForm(user=province_staff)
    assert 'rows="2"' in str(form["signer_title"])
