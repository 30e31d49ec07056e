"""A citizen on a phone finds an effective model of their commune and reads its results."""

import pytest
from playwright.sync_api import expect

from giamngheo.portal.services import ensure_portal
from giamngheo.portal.stories import StoryKind
from tests.conftest import unit
from tests.portal.factories import StoryPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE_WIDTH = 390


@pytest.fixture
def stories(hue_units, wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_portal()
    StoryPageFactory(
        title="Tổ hợp tác nuôi bò sinh sản Phú Đa",
        unit=unit("19942"),  # Thị trấn Phú Đa, Huyện Phú Vang
        year=2023,
        featured=True,
        figures=[
            ("Hộ thoát nghèo", "12 hộ"),
            ("Thu nhập bình quân của hộ tham gia", "60 triệu đồng/năm"),
        ],
    )
    StoryPageFactory(
        title="Chị Lê Thị Hoa vươn lên thoát nghèo",
        kind=StoryKind.PERSON,
        unit=unit("19903"),  # Xã Phú Thuận
        year=2024,
    )
    StoryPageFactory(title="Trồng rừng gỗ lớn ở A Ngo", unit=unit("20068"), year=2023)


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH + 1


def test_a_citizen_reads_the_results_of_a_model_from_their_commune(live_server, phone, stories):
    phone.goto(live_server.url + "/")
    assert fits_the_phone(phone)

    # On a phone the sections are behind the menu's button.
    phone.locator("nav.main-menu button.menu-toggle").click()
    phone.get_by_role("navigation").get_by_role(
        "link", name="Gương điển hình, mô hình hiệu quả"
    ).click()
    expect(phone.locator("h1")).to_have_text("Gương điển hình, mô hình hiệu quả")
    assert fits_the_phone(phone)
    expect(phone.locator("article.teaser")).to_have_count(3)

    phone.locator("#f-unit").select_option(label="Thị trấn Phú Đa")
    phone.locator("form.filters button[type=submit]").click()
    phone.wait_for_url("**unit=19942**")
    teasers = phone.locator("article.teaser")
    expect(teasers).to_have_count(1)
    expect(phone.locator("#f-unit")).to_have_value("19942")  # the choice is kept
    assert fits_the_phone(phone)

    teasers.get_by_role("link", name="Tổ hợp tác nuôi bò sinh sản Phú Đa").click()
    expect(phone.locator("h1")).to_have_text("Tổ hợp tác nuôi bò sinh sản Phú Đa")
    expect(phone.locator("body")).to_contain_text("Thị trấn Phú Đa, Huyện Phú Vang")
    figures = phone.locator("dl.story-figures")
    expect(figures.locator("dt").first).to_have_text("Hộ thoát nghèo")
    expect(figures.locator("dd").first).to_have_text("12 hộ")
    expect(figures).to_contain_text("60 triệu đồng/năm")
    assert fits_the_phone(phone)
