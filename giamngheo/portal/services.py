"""Setting up the portal's page tree."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage


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
