"""The Decree 42 sections: About (the steering committee) and plain section pages."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from giamngheo.portal.about import AboutPage, CommitteeMember, SectionPage
from giamngheo.portal.services import ensure_portal


def picture(description: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), "#2e7d32").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=description, description=description, file=ImageFile(buffer, name="anh.png")
    )


@pytest.fixture
def about(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_portal()
    page = AboutPage.objects.get()
    page.functions = "<p>Tham mưu cho Ủy ban nhân dân tỉnh chỉ đạo thực hiện Chương trình.</p>"
    page.contacts = "<p>Văn phòng Chương trình: 0234 3 822 000</p>"
    page.members = [
        CommitteeMember(
            name="Nguyễn Văn An", position="Phó Chủ tịch UBND tỉnh", committee_role="Trưởng ban"
        ),
        CommitteeMember(
            name="Trần Thị Bình", position="Giám đốc Sở LĐ-TB&XH", committee_role="Phó Trưởng ban"
        ),
    ]
    page.save_revision().publish()
    return page


def add_section(parent, title, live=True, **fields):
    section = parent.add_child(instance=SectionPage(title=title, live=live, **fields))
    if live:
        section.save_revision().publish()
    return section


def test_about_shows_functions_members_and_contacts(client, about):
    response = client.get(about.url)
    assert response.status_code == 200
    html = response.text
    assert "Tham mưu cho Ủy ban nhân dân tỉnh" in html
    assert (
        '<th scope="row">Nguyễn Văn An</th><td>Phó Chủ tịch UBND tỉnh</td><td>Trưởng ban</td>'
        in html
    )
    assert html.index("Nguyễn Văn An") < html.index("Trần Thị Bình")
    assert "0234 3 822 000" in html


def test_about_lists_its_live_public_section_pages_only(client, about):
    add_section(about, "Cơ cấu tổ chức", intro="Sơ đồ Văn phòng Chương trình.")
    add_section(about, "Quy chế làm việc (nháp)", live=False)
    private = add_section(about, "Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get(about.url).text
    assert "Cơ cấu tổ chức" in html and "Sơ đồ Văn phòng Chương trình." in html
    assert "Quy chế làm việc" not in html
    assert "Tài liệu nội bộ" not in html
    assert client.get(private.url).status_code == 302


def test_the_fixed_sections_exist_and_read(client, about):
    titles = set(SectionPage.objects.live().values_list("title", flat=True))
    assert {"Hướng dẫn thực hiện chính sách", "Danh mục thông tin công khai"} <= titles
    guidance = SectionPage.objects.get(slug="huong-dan")
    assert client.get(guidance.url).status_code == 200


def test_a_section_page_renders_its_body_and_lists_its_children(client, about):
    guidance = SectionPage.objects.get(slug="huong-dan").specific
    document = get_document_model().objects.create(
        title="Mẫu đơn đề nghị hỗ trợ nhà ở",
        file=ContentFile(b"%PDF-1.4 mau don", name="mau-don.pdf"),
        file_size=16,
    )
    image = picture("Cán bộ xã hướng dẫn người dân")
    guidance.body = [
        ("heading", "Hỗ trợ nhà ở"),
        ("paragraph", "<p>Hộ nghèo được hỗ trợ 40 triệu đồng.</p>"),
        ("image", {"image": image, "alt_text": "Người dân nghe hướng dẫn", "decorative": False}),
        ("document", document),
    ]
    guidance.save_revision().publish()
    add_section(guidance, "Hỗ trợ vay vốn")
    add_section(guidance, "Hỗ trợ y tế (nháp)", live=False)
    response = client.get(guidance.url)
    assert response.status_code == 200
    html = response.text
    assert "<h2>Hỗ trợ nhà ở</h2>" in html
    assert "Hộ nghèo được hỗ trợ 40 triệu đồng." in html
    assert 'alt="Người dân nghe hướng dẫn"' in html  # the editor's alt text for this use
    assert f'href="{document.url}">Mẫu đơn đề nghị hỗ trợ nhà ở</a>' in html
    assert "(PDF, 16" in html
    assert "Hỗ trợ vay vốn" in html and "Hỗ trợ y tế" not in html


def test_an_unpublished_section_page_is_gone(client, about):
    section = add_section(about, "Trang sẽ gỡ")
    section.unpublish()
    assert client.get(f"{about.url}trang-se-go/").status_code == 404


def test_about_and_sections_render_in_a_bounded_number_of_queries(
    client, about, django_assert_max_num_queries
):
    for n in range(8):
        add_section(about, f"Mục số {n}", intro="Giới thiệu ngắn.")
    with django_assert_max_num_queries(12):
        assert client.get(about.url).status_code == 200
    section = SectionPage.objects.child_of(about).first()
    for n in range(5):
        add_section(section, f"Mục con {n}")
    with django_assert_max_num_queries(12):
        assert client.get(section.url).status_code == 200
