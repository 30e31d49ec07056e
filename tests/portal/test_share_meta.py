"""Share previews and share links: what Facebook, Zalo and messaging apps read from a page."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.cache import caches

from giamngheo.portal.models import Category, NewsIndexPage, PolicyDocumentPage
from giamngheo.portal.services import ensure_portal
from giamngheo.portal.sharing import SHARE_IMAGE_SPEC
from tests.portal.factories import ArticlePageFactory, ImageFactory

SITE = "http://localhost"  # the default Site ensure_portal() sets up


class HeadParser(HTMLParser):
    """The <meta> and <link> tags of a page, and the href of every link."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[str] = []
        self.buttons: list[dict[str, str]] = []
        self.scripts: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "a" and "href" in attrs:
            self.anchors.append(attrs["href"])
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag == "script":
            self.scripts.append(attrs)


def parse(response) -> HeadParser:
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def canonical(parsed: HeadParser) -> str | None:
    hrefs = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
    assert len(hrefs) <= 1
    return hrefs[0] if hrefs else None


@pytest.fixture
def portal(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Wagtail keeps renditions in the cache by image id, and ids come back after a
    # rolled-back test: start each test with an empty cache.
    for cache in caches.all():
        cache.clear()
    return ensure_portal()


@pytest.fixture
def article(portal):
    image = ImageFactory(
        title="Bò giống", description="Hộ nghèo nhận bò giống", file__width=1600, file__height=900
    )
    return ArticlePageFactory(
        title="Trao bò giống cho hộ nghèo",
        slug="trao-bo-giong",
        lead="Hai mươi hộ nghèo xã Phú Đa nhận bò giống sinh sản.",
        image=image,
    )


def test_an_article_carries_its_open_graph_and_twitter_preview(client, article):
    parsed = parse(client.get(article.url))
    url = f"{SITE}/tin-tuc/trao-bo-giong/"
    assert canonical(parsed) == url
    meta = parsed.meta
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Trao bò giống cho hộ nghèo"
    assert meta["og:url"] == url
    assert meta["og:locale"] == "vi_VN"
    assert meta["og:site_name"] == "Giảm nghèo bền vững"
    description = "Hai mươi hộ nghèo xã Phú Đa nhận bò giống sinh sản."
    assert meta["description"] == meta["og:description"] == description
    assert meta["og:image"].startswith(f"{SITE}/media/images/")
    assert meta["og:image"].endswith(".jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Hộ nghèo nhận bò giống"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:title"] == "Trao bò giống cho hộ nghèo"
    assert meta["article:published_time"].startswith(str(article.first_published_at.year))
    assert "robots" not in meta


def test_the_share_image_is_a_1200_by_630_jpeg_rendition(client, article):
    parse(client.get(article.url))
    rendition = article.image.renditions.get(filter_spec=SHARE_IMAGE_SPEC)
    assert (rendition.width, rendition.height) == (1200, 630)
    assert rendition.file.name.endswith(".jpg")


def test_a_page_without_a_picture_gets_a_small_card(client, portal):
    article = ArticlePageFactory(title="Tin không ảnh", lead="Tóm tắt ngắn.")
    meta = parse(client.get(article.url)).meta
    assert meta["twitter:card"] == "summary"
    assert "og:image" not in meta


def test_a_missing_picture_file_leaves_the_page_up_without_a_preview_image(client, article):
    article.image.file.storage.delete(article.image.file.name)
    meta = parse(client.get(article.url)).meta
    assert "og:image" not in meta
    assert meta["og:title"] == "Trao bò giống cho hộ nghèo"


def test_sections_and_home_are_websites_with_their_introduction(client, portal):
    home = parse(client.get("/"))
    assert home.meta["og:type"] == "website"
    assert canonical(home) == f"{SITE}/"
    assert home.meta["description"].startswith("Trang thông tin điện tử về giảm nghèo")
    news = parse(client.get("/tin-tuc/"))
    assert news.meta["og:type"] == "website"
    assert news.meta["og:title"] == "Tin tức"


def test_the_canonical_address_keeps_only_the_page_number(client, portal):
    for n in range(12):
        ArticlePageFactory(title=f"Tin số {n}")
    Category.objects.create(name="Chính sách", slug="chinh-sach")
    assert canonical(parse(client.get("/tin-tuc/", {"page": "2", "utm_source": "zalo"}))) == (
        f"{SITE}/tin-tuc/?page=2"
    )
    assert canonical(parse(client.get("/tin-tuc/", {"category": "chinh-sach"}))) == (
        f"{SITE}/tin-tuc/"
    )
    assert canonical(parse(client.get("/tin-tuc/", {"page": "1"}))) == f"{SITE}/tin-tuc/"
    assert canonical(parse(client.get("/tin-tuc/", {"page": "abc"}))) == f"{SITE}/tin-tuc/"


def test_an_article_shares_its_canonical_address_without_scripts_of_others(client, article):
    parsed = parse(client.get(article.url, {"fbclid": "x"}))
    url = canonical(parsed)
    facebook = next(a for a in parsed.anchors if a.startswith("https://www.facebook.com/"))
    assert parse_qs(urlsplit(facebook).query)["u"] == [url]
    email = next(a for a in parsed.anchors if a.startswith("mailto:"))
    assert parse_qs(urlsplit(email).query)["subject"] == ["Trao bò giống cho hộ nghèo"]
    assert url in parse_qs(urlsplit(email).query)["body"][0]
    sms = next(a for a in parsed.anchors if a.startswith("sms:"))
    assert sms.startswith("sms:?&body=") and quote(url, safe="") in sms
    [button] = [b for b in parsed.buttons if "data-share-url" in b]
    assert button["data-share-url"] == url
    assert "hidden" in button  # shown by share.js; without JavaScript the links remain
    scripts = [s for s in parsed.scripts if s.get("src")]
    assert all(urlsplit(s["src"]).netloc == "" for s in scripts)  # nothing from elsewhere
    assert any(s["src"].endswith("/js/share.js") and "defer" in s for s in scripts)


def test_a_policy_document_has_share_links(client, portal):
    document = PolicyDocumentPage.objects.get(number="05-CT/TW")
    parsed = parse(client.get(document.url))
    assert any(a.startswith("https://www.facebook.com/sharer/") for a in parsed.anchors)
    assert parsed.meta["og:type"] == "article"
    assert parsed.meta["description"].startswith("Chỉ thị số 05-CT/TW")


def test_pages_without_share_links_do_not_load_the_share_script(client, portal):
    parsed = parse(client.get("/tin-tuc/"))
    assert not any(s.get("src", "").endswith("/js/share.js") for s in parsed.scripts)


def test_news_pages_point_to_their_feeds(client, portal):
    category = Category.objects.create(name="Mô hình", slug="mo-hinh")
    article = ArticlePageFactory(title="Tin có chuyên mục", category=category)

    def feeds(response):
        return {
            link["href"]
            for link in parse(response).links
            if link.get("rel") == "alternate" and "xml" in link.get("type", "")
        }

    section = {f"{SITE}/feeds/tin-tuc/rss.xml", f"{SITE}/feeds/tin-tuc/atom.xml"}
    by_category = {f"{SITE}/feeds/tin-tuc/mo-hinh/{kind}.xml" for kind in ("rss", "atom")}
    assert feeds(client.get("/tin-tuc/")) == section
    assert feeds(client.get("/tin-tuc/", {"category": "mo-hinh"})) == section | by_category
    assert feeds(client.get("/tin-tuc/", {"category": "khong-co"})) == section
    assert feeds(client.get(article.url)) == section | by_category
    assert feeds(client.get("/van-ban-chinh-sach/")) == {
        f"{SITE}/feeds/van-ban-chinh-sach/rss.xml",
        f"{SITE}/feeds/van-ban-chinh-sach/atom.xml",
    }
    # Feed readers given the site's address find the news (autodiscovery).
    assert feeds(client.get("/")) == section


def test_an_article_with_its_preview_renders_in_a_bounded_number_of_queries(
    client, article, django_assert_max_num_queries
):
    client.get(article.url)  # the first view makes the rendition
    with django_assert_max_num_queries(14):
        parse(client.get(article.url))


def test_a_draft_is_not_shared(client, portal):
    draft = ArticlePageFactory(title="Bản nháp chưa duyệt", live=False)
    news = NewsIndexPage.objects.get()
    assert client.get(f"{news.url}{draft.slug}/").status_code == 404


def test_share_links_by_sms_and_mail_use_the_public_address_not_a_stray_default_site(
    client, article, settings
):
    # The request's host names no Wagtail Site (Wagtail would fall back to the
    # default "localhost" one): the site's public address is used, as in e-mails.
    settings.PUBLIC_BASE_URL = "https://giamngheo.hue.gov.vn"
    parsed = parse(client.get(article.url))
    url = canonical(parsed)
    assert url == f"https://giamngheo.hue.gov.vn{article.url}"
    sms = next(a for a in parsed.anchors if a.startswith("sms:"))
    email = next(a for a in parsed.anchors if a.startswith("mailto:"))
    assert quote(url, safe="") in sms and url in parse_qs(urlsplit(email).query)["body"][0]
    assert "localhost" not in sms + email


def test_a_host_named_by_a_site_keeps_that_sites_address(client, article, settings):
    settings.PUBLIC_BASE_URL = "https://giamngheo.hue.gov.vn"
    settings.ALLOWED_HOSTS = ["localhost"]
    parsed = parse(client.get(article.url, HTTP_HOST="localhost"))
    assert canonical(parsed) == f"{SITE}{article.url}"
