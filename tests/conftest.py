"""Fixtures shared by the whole suite.

The administrative units of Huế (all three maps, with successions) are
imported once per test database: most tests need the real map.
"""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps

from giamngheo.units.models import Unit
from giamngheo.units.services import import_units
from tests import databases
from tests.accounts.factories import UserFactory
from tests.databases import MigratedTemplate, restore_units

HUE = "46"
# Days on which each of the three maps of Huế is in force.
ON_2021_MAP = datetime.date(2023, 6, 30)
ON_2025_JAN_MAP = datetime.date(2025, 3, 1)
ON_CURRENT_MAP = datetime.date(2025, 12, 1)


def ensure_hue_units() -> None:
    if not Unit.objects.of_province(HUE).exists() and not restore_units():
        import_units(province_code=HUE)


def fill_migrated_database() -> None:
    ensure_hue_units()
    ensure_migration_rows()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, django_db_blocker, django_db_keepdb, request
):
    """Each test database (one per pytest-xdist worker) starts as a copy of one
    migrated database built once per run (see tests/databases.py)."""
    if django_db_keepdb:
        yield  # --reuse-db: pytest-django's own setup
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    shared = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if worker != "master":
        shared = shared.parent  # the run's directory, above each worker's
    template = MigratedTemplate(shared, worker)
    with django_db_blocker.unblock():
        template.prepare(fill_migrated_database)
    yield
    template.close()


@pytest.fixture(autouse=True)
def forget_site_root_paths():
    """Wagtail keeps the sites' root paths in the cache and forgets them when a Site is
    saved or deleted; a test's rollback removes Sites without telling it, and the next
    test of the worker would look up a Site that no longer exists."""
    from django.core.cache import cache
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

    cache.delete(SITE_ROOT_PATHS_CACHE_KEY)


@pytest.fixture(autouse=True, scope="module")
def forget_copied_content_types():
    """A demo copy (tests/snapshots.py) brings the content types' ids of the database
    it was loaded in; once a module's rollback took them away, Django must not keep
    them in its cache (they differ from this database's after a transactional test)."""
    yield
    if databases.FOREIGN_CONTENT_TYPES:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        databases.FOREIGN_CONTENT_TYPES = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_hue_units()


def ensure_migration_rows() -> None:
    """The rows migrations create: Wagtail's root page, collection and locale, the seed targets.

    A transactional test (the browser tests) flushes every table afterwards,
    these rows included; the fixtures below put them back, so that no test
    depends on running after another (the suite runs in parallel, in any order).
    """
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    from giamngheo.indicators.models import Indicator, ProgrammePeriod, Target
    from giamngheo.indicators.seed import seed_periods

    seed_periods(ProgrammePeriod, Indicator, Target)  # the data migrations' rows too
    # The other data migrations' rows, put back only when their table was emptied (one
    # query each otherwise): run the migrations' own functions with today's models.
    for model, module, function in SEEDING_MIGRATIONS:
        if not django_apps.get_model(model).objects.exists():
            getattr(importlib.import_module(module), function)(django_apps, None)


SEEDING_MIGRATIONS = [
    ("activities.ActivityKind", "giamngheo.activities.migrations.0002_seed_kinds", "seed"),
    ("evaluation.Criterion", "giamngheo.evaluation.migrations.0002_default_checklist", "seed"),
    ("feedback.FeedbackCategory", "giamngheo.feedback.migrations.0002_seed_categories", "seed"),
    (
        "reports.IssuingBody",
        "giamngheo.reports.migrations.0002_issuing_bodies",
        "add_default_bodies",
    ),
]


@pytest.fixture
def db(db):
    """The database, with the migrations' rows even after a transactional test's flush."""
    ensure_migration_rows()


@pytest.fixture
def hue_units(db):
    """The units of Huế, and the migrations' rows; put back after a transactional test."""
    ensure_hue_units()
    ensure_migration_rows()


@pytest.fixture
def wagtail_tree(db):
    """The rows migrations create (see ``ensure_migration_rows``)."""
    ensure_migration_rows()


def unit(code: str, on: datetime.date = ON_2021_MAP) -> Unit:
    return Unit.objects.in_force(on).get(code=code)


# One user per role; the district is Phú Vang (478), the commune Phú Đa (19942).
@pytest.fixture
def province_staff(hue_units):
    return UserFactory(role="province_staff", unit=unit("46"))


@pytest.fixture
def leader(hue_units):
    return UserFactory(role="leader", unit=unit("46"))


@pytest.fixture
def district_officer(hue_units):
    return UserFactory(role="district_officer", unit=unit("478"))


@pytest.fixture
def commune_officer(hue_units):
    return UserFactory(role="commune_officer", unit=unit("19942"))
