"""Every admin URL Wagtail and the project register, tried by officers of two districts
and of a ward of today's map.

No list of views: the test walks the URL resolver, finds every admin view of a
unit record (listings, their results and exports, choosers and chosen views,
inspect, edit, history, usage, revisions, workflow views…) and, on the demo
data, proves that an officer never sees a record of the other district: a view
that takes a record's id answers 404 (or refuses) for the other district's
records, and a listing or chooser links to none of them. A new viewset or
chooser is covered without anyone writing a test for it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator

import pytest
from django.db import models, transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from giamngheo.accounts import scoping
from giamngheo.demo.services import load_demo
from giamngheo.units.models import Unit
from tests.accounts.factories import UserFactory
from tests.conftest import ensure_hue_units, ensure_migration_rows, unit

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ID_PARAMS = {"pk", "id", "object_id", "instance_id"}
# Views of a record that may redirect instead of answering 404 (Wagtail's
# permission refusal sends the user to the dashboard with a message).
REFUSED = (403, 404)
DEMO_PARTS = ["users", "broadcasts", "plans", "training", "evaluation", "activities"]
DEMO_PARTS += ["network", "poverty", "contests", "engagement"]


def admin_patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    """(route, namespaced name, pattern) of every admin URL, recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from admin_patterns(entry, route, ns)
        elif route.startswith("admin/") and entry.name:
            yield route, f"{namespace}:{entry.name}".strip(":"), entry


def unit_field_of(model: type[models.Model], view_kwargs: dict) -> str | None:
    """The field that says which unit a record belongs to; None for other models."""
    if model._meta.app_label == "units":  # the map itself: reference data all may read
        return None
    if "unit_field" in view_kwargs:
        return view_kwargs["unit_field"]
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is not None and hasattr(viewset, "unit_field"):
        return viewset.unit_field
    names = [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey) and f.related_model is Unit
    ]
    return names[0] if names else None


def model_of(pattern: URLPattern) -> tuple[type[models.Model] | None, dict]:
    callback = pattern.callback
    kwargs = dict(getattr(callback, "view_initkwargs", {}) or {})
    model = kwargs.get("model") or getattr(getattr(callback, "view_class", None), "model", None)
    if isinstance(model, str):
        from django.apps import apps

        model = apps.get_model(model)
    return (model if isinstance(model, type) else None), kwargs


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, once for the module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_hue_units()
        ensure_migration_rows()
        load_demo(seed=7, parts=DEMO_PARTS, force=True)
        officers = {
            code: UserFactory(role="district_officer", unit=unit(code)) for code in ("478", "481")
        }
        # And a ward of today's two-level map, where the communes report to the province.
        today = timezone.localdate()
        officers["19900"] = UserFactory(role="commune_officer", unit=unit("19900", today))
        yield officers
        transaction.set_rollback(True)


def exports(pattern: URLPattern, kwargs: dict) -> bool:
    view_class = getattr(pattern.callback, "view_class", None)
    return bool(kwargs.get("list_export") or getattr(view_class, "list_export", None))


def record_urls(name: str, pk) -> set[str]:
    """Addresses a page would link a record by, in the viewset's namespace."""
    namespace = name.rsplit(":", 1)[0]
    urls = set()
    for view in ("edit", "inspect", "chosen", "delete", "history"):
        with contextlib.suppress(NoReverseMatch):
            urls.add(reverse(f"{namespace}:{view}", args=[pk]))
    return urls


def test_no_admin_url_shows_an_officer_another_districts_records(client, demo):
    leaks: list[str] = []
    tried = 0
    for code, officer in demo.items():
        client.force_login(officer)
        for route, name, pattern in admin_patterns():
            model, kwargs = model_of(pattern)
            field = unit_field_of(model, kwargs) if model else None
            if field is None:
                continue
            visible = scoping.scope(model._default_manager.all(), officer, unit_field=field)
            others = list(
                model._default_manager.exclude(pk__in=visible.values("pk"))
                .order_by("pk")
                .values_list("pk", flat=True)[:3]
            )
            params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
            if params and params <= ID_PARAMS and len(params) == 1:
                for pk in others:
                    tried += 1
                    response = client.get(reverse(name, args=[pk]))
                    home = response.status_code == 302 and response.url.startswith("/admin/")
                    if response.status_code not in REFUSED and not home:
                        leaks.append(f"{code} {name} {pk}: {response.status_code}")
            elif not params:
                tried += 1
                response = client.get(reverse(name))
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    if response.status_code >= 500:
                        leaks.append(f"{code} {name}: {response.status_code}")
                    continue
                page = response.content.decode().replace("\\/", "/").replace('\\"', '"')
                for pk in others:
                    found = [url for url in record_urls(name, pk) if f'{url}"' in page]
                    if found:
                        leaks.append(f"{code} {name} links {found}")
                if exports(pattern, kwargs):
                    export = client.get(reverse(name), {"export": "csv"})
                    if export.status_code == 200 and hasattr(export, "streaming_content"):
                        text = b"".join(export.streaming_content).decode("utf-8-sig")
                        rows = [
                            row
                            for row in list(csv.reader(io.StringIO(text)))[1:]
                            if row and not row[0].startswith("# ")  # the personal-data notice
                        ]
                        if len(rows) > visible.count():
                            leaks.append(f"{code} {name} exports {len(rows)} rows")
    assert tried > 100  # the walk found the admin's views
    assert leaks == [], "\n".join(leaks)
