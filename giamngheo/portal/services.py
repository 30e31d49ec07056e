"""Setting up the portal's page tree."""

import datetime

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from giamngheo.core.text import fold

from .models import HomePage, NewsIndexPage, PolicyDocumentPage, PolicyLibraryPage


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
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "localhost",
            "port": 80,
            "site_name": "Giảm nghèo bền vững",
        },
    )
    return home


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
def ensure_policy_library(home: HomePage) -> PolicyLibraryPage:
    """The library of policy documents under the home page, seeded once; idempotent."""
    library = PolicyLibraryPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=PolicyLibraryPage(
                title="Văn bản chính sách",
                slug="van-ban-chinh-sach",
                intro="Chủ trương của Đảng, chính sách, pháp luật của Nhà nước về giảm nghèo.",
            )
        )
    if not PolicyDocumentPage.objects.child_of(library).exists():
        for data in SEED_DOCUMENTS:
            document = library.add_child(
                instance=PolicyDocumentPage(slug=slugify(fold(data["number"])), **data)
            )
            document.save_revision().publish()
    return library


@transaction.atomic
def ensure_news_section(home: HomePage) -> NewsIndexPage:
    news = NewsIndexPage.objects.child_of(home).first()
    if news is None:
        news = home.add_child(
            instance=NewsIndexPage(
                title="Tin tức",
                slug="tin-tuc",
                intro="Tin tức, chuyên trang, chuyên mục về giảm nghèo bền vững.",
            )
        )
    return news


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
    """The portal's fixed pages (home, news, policy library) and its moderation workflow."""
    home = ensure_home_page()
    ensure_portal_workflow(home)
    ensure_news_section(home)
    ensure_policy_library(home)
    return home
