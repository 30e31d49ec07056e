"""Property-based: any text or file at a contest's registration form never makes a 5xx or
comes back unescaped, and a refused registration stores nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamngheo.contests.models import Participant
from tests.portal.hostile import SETTINGS, assert_handled, values

pytestmark = pytest.mark.django_db
FIELDS = ["name", "unit", "phone", "email", "consent", "website"]


def test_any_registration_is_answered_without_a_server_error(
    client, contest, phu_vang, altcha_payload
):
    address = f"/cuoc-thi/{contest.slug}/dang-ky/"

    @SETTINGS
    @given(
        form=st.dictionaries(st.sampled_from(FIELDS), values),
        with_commune=st.booleans(),
        solved=st.booleans(),
    )
    def check(form, with_commune, solved):
        client.cookies.clear()
        stored = Participant.objects.count()
        if with_commune:
            form = {**form, "unit": str(phu_vang.pk)}
        if solved:
            form = {**form, "altcha": altcha_payload()}
        response = client.post(address, form)
        assert_handled(response, " ".join(form.values()))
        if response.status_code != 302:
            assert Participant.objects.count() == stored

    check()
