"""Exemplary people and effective models: browsed by kind, commune or district, and year."""

import pytest
from wagtail.models import PageViewRestriction

from giamngheo.portal.stories import StoryIndexPage, StoryKind
from tests.conftest import ON_CURRENT_MAP, unit

from .factories import ImageFactory, StoryPageFactory

# Huyện Phú Vang (478): Thị trấn Phú Đa (19942), Xã Phú Thuận (19903).
# Huyện A Lưới (481): Xã A Ngo (20068). On the two-level map 19942 is Xã Phú Vang.
PHU_VANG, A_LUOI = "478", "481"
PHU_DA, PHU_THUAN, A_NGO = "19942", "19903", "20068"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def stories(hue_units):
    """Three stories in Phú Vang's communes and A Lưới's, over two years."""
    StoryPageFactory(title="Nuôi bò sinh sản ở Phú Đa", unit=unit(PHU_DA), year=2023)
    StoryPageFactory(
        title="Chị Hoa vươn lên thoát nghèo",
        kind=StoryKind.PERSON,
        unit=unit(PHU_THUAN),
        year=2024,
    )
    StoryPageFactory(title="Trồng rừng gỗ lớn ở A Ngo", unit=unit(A_NGO), year=2023)
    return StoryIndexPage.objects.get()


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [story.title for story in response.context["page_obj"].object_list]


def test_the_section_lists_live_stories_newest_year_first(client, stories):
    assert titles(client.get(stories.url)) == [
        "Chị Hoa vươn lên thoát nghèo",
        "Nuôi bò sinh sản ở Phú Đa",
        "Trồng rừng gỗ lớn ở A Ngo",
    ]


def test_a_teaser_shows_the_kind_the_commune_with_its_district_and_the_year(client, stories):
    response = client.get(stories.url)
    assert "Thị trấn Phú Đa, Huyện Phú Vang" in response.text
    assert "2023" in response.text


def test_stories_filter_by_kind(client, stories):
    assert titles(client.get(stories.url, {"kind": "person"})) == ["Chị Hoa vươn lên thoát nghèo"]


def test_a_citizen_finds_the_stories_of_their_commune(client, stories):
    assert titles(client.get(stories.url, {"unit": PHU_DA})) == ["Nuôi bò sinh sản ở Phú Đa"]


def test_a_district_finds_the_stories_of_its_communes(client, stories):
    assert titles(client.get(stories.url, {"unit": PHU_VANG})) == [
        "Chị Hoa vươn lên thoát nghèo",
        "Nuôi bò sinh sản ở Phú Đa",
    ]


def test_a_district_finds_its_own_stories_too(client, stories):
    StoryPageFactory(title="Huyện Phú Vang hỗ trợ nhà ở", unit=unit(PHU_VANG), year=2022)
    assert "Huyện Phú Vang hỗ trợ nhà ở" in titles(client.get(stories.url, {"unit": PHU_VANG}))
    assert titles(client.get(stories.url, {"unit": A_LUOI})) == ["Trồng rừng gỗ lớn ở A Ngo"]


def test_stories_filter_by_year_and_the_filters_combine(client, stories):
    assert titles(client.get(stories.url, {"year": "2023"})) == [
        "Nuôi bò sinh sản ở Phú Đa",
        "Trồng rừng gỗ lớn ở A Ngo",
    ]
    assert titles(client.get(stories.url, {"year": "2023", "unit": PHU_VANG})) == [
        "Nuôi bò sinh sản ở Phú Đa"
    ]


def test_the_filter_offers_only_units_and_years_that_have_stories(client, stories):
    context = client.get(stories.url).context
    groups = {
        group.code: (group.name, group.is_district, group.units) for group in context["unit_groups"]
    }
    assert groups == {
        PHU_VANG: (
            "Huyện Phú Vang",
            True,
            [(PHU_DA, "Thị trấn Phú Đa"), (PHU_THUAN, "Xã Phú Thuận")],
        ),
        A_LUOI: ("Huyện A Lưới", True, [(A_NGO, "Xã A Ngo")]),
    }
    assert context["years"] == [2024, 2023]


def test_a_story_keeps_the_unit_of_its_time_and_the_unit_code_finds_both_maps(client, stories):
    # Since 1 July 2025 code 19942 is Xã Phú Vang, directly under Thành phố Huế.
    StoryPageFactory(
        title="Hợp tác xã nông nghiệp Phú Vang", unit=unit(PHU_DA, ON_CURRENT_MAP), year=2026
    )
    response = client.get(stories.url, {"unit": PHU_DA})
    assert titles(response) == ["Hợp tác xã nông nghiệp Phú Vang", "Nuôi bò sinh sản ở Phú Đa"]
    assert "Thị trấn Phú Đa, Huyện Phú Vang" in response.text  # the 2023 story, as it was
    city = next(g for g in response.context["unit_groups"] if g.code == "46")
    assert not city.is_district  # the province is no choice: it would list everything
    assert city.units == [(PHU_DA, "Xã Phú Vang")]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999"},
        {"year": "xyz"},
        {"year": "²"},
        {"year": "9" * 30},
        {"unit": "không-có"},
        {"kind": "<script>"},
    ],
)
def test_bad_parameters_give_a_normal_page(client, stories, params):
    response = client.get(stories.url, params)
    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>", 1)[1].split("<footer")[0]


def test_drafts_unpublished_and_private_stories_are_neither_listed_nor_reachable(client, stories):
    draft = StoryPageFactory(title="Bản nháp chưa đăng", live=False)
    withdrawn = StoryPageFactory(title="Bài đã gỡ")
    withdrawn_url = withdrawn.url
    withdrawn.unpublish()
    private = StoryPageFactory(title="Bài nội bộ", unit=unit(A_NGO), year=2025)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get(stories.url)
    listed = titles(response)
    assert "Bản nháp chưa đăng" not in listed
    assert "Bài đã gỡ" not in listed
    assert "Bài nội bộ" not in listed
    assert response.context["years"] == [2024, 2023]  # not the private story's 2025
    assert client.get(f"{stories.url}{draft.slug}/").status_code == 404
    assert client.get(withdrawn_url).status_code == 404
    assert "Bài nội bộ" not in client.get(private.url).text  # the password form instead


def test_the_story_page_shows_its_facts_figures_photos_and_other_stories_of_the_unit(
    client, stories
):
    photo = ImageFactory(description="Đàn bò của hộ anh Lê Văn Nam")
    story = StoryPageFactory(
        title="Tổ hợp tác chăn nuôi Phú Đa",
        unit=unit(PHU_DA),
        year=2022,
        image=ImageFactory(description="Chuồng trại của tổ hợp tác"),
        figures=[("Hộ thoát nghèo", "12 hộ"), ("Thu nhập bình quân", "60 triệu đồng/năm")],
        photos=[(photo, "Đàn bò sau hai năm")],
    )
    response = client.get(story.url)
    assert response.status_code == 200
    text = response.text
    assert "Thị trấn Phú Đa, Huyện Phú Vang" in text and "2022" in text
    assert "<dt>Hộ thoát nghèo</dt><dd>12 hộ</dd>" in text
    assert 'alt="Chuồng trại của tổ hợp tác"' in text
    assert 'alt="Đàn bò của hộ anh Lê Văn Nam"' in text and "Đàn bò sau hai năm" in text
    assert "<source" in text and "srcset=" in text  # responsive renditions
    assert [s.title for s in response.context["other_stories"]] == ["Nuôi bò sinh sản ở Phú Đa"]


def test_the_section_and_a_story_render_in_a_bounded_number_of_queries(
    client, stories, django_assert_max_num_queries
):
    for year in range(2011, 2025):
        StoryPageFactory(unit=unit(PHU_THUAN), year=year, image=ImageFactory())
    story = StoryPageFactory(
        unit=unit(PHU_DA),
        image=ImageFactory(),
        figures=[("Hộ thoát nghèo", f"{n} hộ") for n in range(5)],
        photos=[(ImageFactory(), f"Ảnh {n}") for n in range(4)],
    )
    listing = {"unit": PHU_VANG, "page": "1"}
    # The first visit makes the renditions; count the visits after it.
    client.get(stories.url, listing)
    client.get(story.url)
    with django_assert_max_num_queries(16):
        response = client.get(stories.url, listing)
    assert len(response.context["page_obj"].object_list) == 12
    with django_assert_max_num_queries(18):
        assert client.get(story.url).status_code == 200


def test_the_section_paginates_twelve_stories_a_page(client, stories):
    for year in range(2010, 2020):
        StoryPageFactory(unit=unit(PHU_THUAN), year=year)
    assert len(titles(client.get(stories.url))) == 12
    assert len(titles(client.get(stories.url, {"page": "2"}))) == 1


def test_the_year_filter_keeps_the_chosen_year_selected(client, stories):
    response = client.get(stories.url, {"year": "2024"})
    assert '<option value="2024" selected>' in response.text
