"""The data API at /api/v1/: its routers, its OpenAPI 3.1 schema and its docs page.

The schema is completed here rather than on every operation: each operation
documents the problem answers it may give (RFC 9457, ``problems.py``) and
each read its 304, so a client generated from the schema, and schemathesis,
know every answer the server can send.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from . import activities, errors, keyed, programme, registers
from .problems import CONTENT_TYPE, Problem, problem

DESCRIPTION = _(
    "Open data of the province's communication programme for sustainable poverty "
    "reduction: administrative units, indicators and their values, commune radio, "
    "poverty figures, the activity register, news, events and published answers.\n\n"
    "Reading needs no key. Writing radio programmes and activities, and reading a "
    "unit's feedback cases, needs the unit's key in the `X-API-Key` header: province "
    "staff issue it (Settings → Data API keys).\n\n"
    "Lists are paged: pass `next_cursor` as `cursor` to get the next page. Answers "
    "carry an `ETag` (and `Last-Modified` where records have a change time): send them "
    "back in `If-None-Match` / `If-Modified-Since` to get 304 when nothing changed.\n\n"
    "Every error is a problem details object (RFC 9457, `application/problem+json`): "
    "`detail` in Vietnamese, `detail_en` in English, and `errors` naming each field."
)

ERROR_ANSWERS = {
    "400": _("A parameter is not valid"),
    "404": _("Nothing is published at this address"),
    "422": _("Some fields are not valid: see errors"),
}
KEYED_ERROR_ANSWERS = {
    "401": _("The key is missing or not valid"),
    "403": _("This key may not act on that unit"),
    "429": _("Too many requests with this key"),
}


class DocsPage(Swagger):
    """Swagger UI from django-ninja's own bundled files, in a page of ours (Vietnamese)."""

    template = "api/docs.html"


class DataApi(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        # Lazy texts rendered in the request's language (Vietnamese unless asked).
        schema = json.loads(json.dumps(schema, cls=DjangoJSONEncoder))
        problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(problem_schema.pop("$defs", {}))
        components["Problem"] = problem_schema
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                answers = operation.setdefault("responses", {})
                extra = dict(ERROR_ANSWERS)
                if operation.get("security"):
                    extra |= KEYED_ERROR_ANSWERS
                for status, description in extra.items():
                    answers.setdefault(status, _problem_answer(str(description)))
                if method == "get":
                    answers["304"] = {"description": str(_("Not modified since the copy sent"))}
        return schema


def _problem_answer(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


api = DataApi(
    title="Giảm nghèo — API dữ liệu",
    version="1",
    description=DESCRIPTION,  # type: ignore[arg-type]
    urls_namespace="api-v1",
    docs=DocsPage(settings={"tryItOutEnabled": False, "defaultModelsExpandDepth": 0}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/", programme.router)
api.add_router("/", registers.router)
api.add_router("/", activities.router)
api.add_router("/", keyed.router)


@csrf_exempt  # a machine's POST to a wrong address gets the problem, not a CSRF page
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Addresses under /api/v1/ that name no operation: a problem, not the portal's page."""
    return problem(404, _("Nothing is published at this address."))
