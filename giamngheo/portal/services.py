"""Setting up the portal's page tree."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from giamngheo.core.text import fold

from .models import (
    AboutPage,
    ArchivePage,
    EventIndexPage,
    HomePage,
    MediaLibraryPage,
    NewsIndexPage,
    PolicyDocumentPage,
    PolicyLibraryPage,
    ResultsPage,
    SectionPage,
    StoryIndexPage,
)


@transaction.atomic
def ensure_home_page() -> HomePage:
    """Create the portal's home page and make it the default site's root; idempotent.

    Replaces the placeholder page Wagtail's own migration creates.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        placeholder = (
            root.get_children().exclude(content_type__model="homepage").filter(slug="home")
        )
        for page in placeholder:
            page.delete()
        home = root.add_child(
            instance=HomePage(
                # Content, not interface: written in Vietnamese, editors change it.
                title="Giảm nghèo bền vững",
                slug="home",
                intro=(
                    "Trang thông tin điện tử về giảm nghèo: chính sách, kết quả thực hiện "
                    "Chương trình, mô hình hiệu quả và gương điển hình vươn lên thoát nghèo."
                ),
            )
        )
        # The roles' page permissions hang on the home page: grant them now it exists.
        from giamngheo.accounts.roles import sync_roles

        sync_roles()
    # The site's address and name are the administrator's once set (setup_portal
    # --hostname, or Settings → Sites): only the root page is put right here.
    site, created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "localhost",
            "port": 80,
            "site_name": "Giảm nghèo bền vững",
        },
    )
    if not created and site.root_page_id != home.pk:
        site.root_page = home
        if not site.site_name:
            site.site_name = "Giảm nghèo bền vững"
        site.save()
    return home


def set_site_address(*, hostname: str, port: int) -> Site:
    """The public address of the default site: canonical links, feeds, the sitemap and
    share previews are built from it."""
    try:
        URLValidator(schemes=["https"])(f"https://{hostname}:{port}/")
    except ValidationError:
        raise ValidationError(
            _("“%(address)s” is not a host name and port.") % {"address": f"{hostname}:{port}"}
        ) from None
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.full_clean()
    site.save()
    return site


# The documents the 2021–2025 plan names, as metadata (editors attach the files).
SEED_DOCUMENTS = [
    {
        "title": "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền "
        "vững đến năm 2030",
        "number": "05-CT/TW",
        "document_type": "chi-thi",
        "issuing_body": "Ban Bí thư Trung ương Đảng khóa XIII",
        "issued_on": datetime.date(2021, 6, 23),
        "summary": "Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư Trung ương Đảng khóa XIII "
        "về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030.",
    },
    {
        "title": "Nghị quyết về giảm nghèo bền vững giai đoạn 2021 – 2025",
        "number": "04-NQ/TU",
        "document_type": "nghi-quyet",
        "issuing_body": "Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế khóa XVI",
        "issued_on": datetime.date(2021, 11, 3),
        "summary": "Nghị quyết số 04-NQ/TU ngày 03/11/2021 của Ban Chấp hành Đảng bộ tỉnh "
        "Thừa Thiên Huế khóa XVI về giảm nghèo bền vững giai đoạn 2021 – 2025.",
    },
    {
        "title": "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "number": "NQ Đại hội XIII",
        "document_type": "nghi-quyet",
        "issuing_body": "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "issued_on": datetime.date(2021, 2, 1),
        "summary": "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, thông qua "
        "ngày 01/02/2021.",
    },
]


@transaction.atomic
def seed_policy_documents(library: PolicyLibraryPage) -> None:
    """The documents the plan names, once, in an empty library."""
    if PolicyDocumentPage.objects.child_of(library).exists():
        return
    for data in SEED_DOCUMENTS:
        document = library.add_child(
            instance=PolicyDocumentPage(slug=slugify(fold(data["number"])), **data)
        )
        document.save_revision().publish()


# The sections under the home page, in menu order: (page type, title, slug, fields).
# Content, not interface: written in Vietnamese; editors change everything but the slug.
SECTIONS = [
    (
        NewsIndexPage,
        "Tin tức",
        "tin-tuc",
        {"intro": "Tin tức, chuyên trang, chuyên mục về giảm nghèo bền vững."},
    ),
    (
        PolicyLibraryPage,
        "Văn bản chính sách",
        "van-ban-chinh-sach",
        {"intro": "Chủ trương của Đảng, chính sách, pháp luật của Nhà nước về giảm nghèo."},
    ),
    (
        StoryIndexPage,
        "Gương điển hình, mô hình hiệu quả",
        "guong-dien-hinh-mo-hinh",
        {
            "intro": "Những gương điển hình vươn lên thoát nghèo và mô hình giảm nghèo hiệu "
            "quả ở các xã, phường."
        },
    ),
    (
        MediaLibraryPage,
        "Thư viện truyền thông",
        "thu-vien",
        {
            "intro": "Chương trình phát thanh, phóng sự truyền hình, ấn phẩm và áp phích: các "
            "đài truyền thanh xã tải về để phát lại."
        },
    ),
    (
        EventIndexPage,
        "Sự kiện",
        "su-kien",
        {"intro": "Hội thảo, hội nghị, cuộc thi và đối thoại chính sách về giảm nghèo."},
    ),
    (
        ResultsPage,
        "Kết quả thực hiện",
        "ket-qua",
        {
            "intro": "Kế hoạch truyền thông và kết quả thực hiện các chỉ tiêu của Chương trình, "
            "theo năm và theo đơn vị."
        },
    ),
    (
        AboutPage,
        "Giới thiệu",
        "gioi-thieu",
        {
            "intro": "Ban Chỉ đạo các Chương trình mục tiêu quốc gia và Văn phòng Chương trình: "
            "thành viên, chức năng, nhiệm vụ, thông tin liên hệ."
        },
    ),
    (
        SectionPage,
        "Hướng dẫn thực hiện chính sách",
        "huong-dan",
        {"intro": "Hướng dẫn thực hiện các chính sách giảm nghèo cho người dân và cán bộ cơ sở."},
    ),
    (
        SectionPage,
        "Danh mục thông tin công khai",
        "danh-muc-thong-tin",
        {
            "intro": "Các loại thông tin trang thông tin điện tử này công bố, theo Nghị định "
            "số 42/2022/NĐ-CP của Chính phủ."
        },
    ),
    (
        ArchivePage,
        "Lưu trữ",
        "luu-tru",
        {"intro": "Mọi tin bài, văn bản và tư liệu đã đăng, theo năm."},
    ),
]


@transaction.atomic
def ensure_section(home: HomePage, page_type: type[Page], title: str, slug: str, **fields) -> Page:
    """The section page with this slug under the home page, created if missing; idempotent."""
    section = page_type.objects.child_of(home).filter(slug=slug).first()
    if section is None:
        section = home.add_child(
            instance=page_type(title=title, slug=slug, show_in_menus=True, **fields)
        )
    return section


@transaction.atomic
def ensure_portal_workflow(home: HomePage) -> Workflow:
    """Editors write, approvers publish: one approval step by the “Duyệt bài” group,
    for every page of the portal; idempotent, and an administrator's changes are kept."""
    from giamngheo.accounts.roles import role_group

    workflow, _ = Workflow.objects.get_or_create(name="Duyệt bài cổng thông tin")
    if not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name="Duyệt bài")
        task.groups.set([role_group("approver")])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def ensure_portal() -> HomePage:
    """The portal's fixed pages (home, its sections, the policy library) and its
    moderation workflow."""
    home = ensure_home_page()
    ensure_portal_workflow(home)
    for page_type, title, slug, fields in SECTIONS:
        section = ensure_section(home, page_type, title, slug, **fields)
        if isinstance(section, PolicyLibraryPage):
            seed_policy_documents(section)
    from giamngheo.engagement.services import ensure_dialogues_section

    ensure_dialogues_section(home)
    return home
