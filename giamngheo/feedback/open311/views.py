"""The GeoReport v2 methods, as plain Django views.

Plain views rather than django-ninja: the spec's addresses end in the format
(``requests.xml``, ``requests/ABC.json``), XML is its required format, POST
bodies are form-encoded with ``attribute[code]`` keys, and every error, even a
wrong suffix or method, must be the spec's ``errors`` list. Ninja would give
JSON, its own error shapes and an OpenAPI schema that cannot describe any of
this; each of those would have to be overridden.

How this server fills the spec's open points (see docs/operations.md):

* ``service_code`` is a feedback category's code; every service has
  ``metadata=true`` and its definition asks for two attributes: the commune
  concerned (``attribute[commune]``, the statistics code, the same value as
  ``address_id``) and consent to the processing of personal data
  (``attribute[consent]=yes``, required by Law 91/2025/QH15 for every citizen
  channel).
* ``service_request_id`` is the case's tracking code; GET requests lists only
  the public Q&A (``selectors.py`` says why).
* ``media_url``, ``device_id`` and ``account_id`` are accepted and ignored: the
  server fetches nothing from the Internet (SSRF, government intranets);
  photos go through the portal's form.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from .. import abuse, services
from ..models import Channel, FeedbackCategory
from . import forms, params, selectors
from .models import ApiKey
from .render import ApiError, Many, errors, respond

TOO_MANY = 429
MAX_RESULTS = 1000
# Ids looked up in one GET requests: each tracking code also counts against a limit.
MAX_IDS = 100
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# Bump when what the discovery file or the service definitions describe changes shape.
CHANGESET = "2026-11-29"

View = Callable[..., HttpResponse]


def _format(fmt: str) -> str:
    fmt = (fmt or "").lower()
    if fmt not in ("xml", "json"):
        message = _("Unknown format “%(format)s”: use .xml or .json.") % {"format": fmt[:20]}
        raise ApiError(400, message)
    return fmt


def _check_jurisdiction(request: HttpRequest) -> None:
    """One jurisdiction: its id may be left out; another one is not found."""
    given = params.param(request, "jurisdiction_id")
    if given and given != settings.OPEN311_JURISDICTION:
        raise ApiError(
            404,
            _("jurisdiction_id “%(given)s” was not found: this server serves “%(ours)s”.")
            % {"given": given[:100], "ours": settings.OPEN311_JURISDICTION},
        )


def endpoint(*methods: str) -> Callable[[View], View]:
    """The spec's frame around a method: format suffix, HTTP method, jurisdiction, errors."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, fmt: str = "xml", **kwargs) -> HttpResponse:
            answer_in = "json" if (fmt or "").lower() == "json" else "xml"
            try:
                answer_in = _format(fmt)
                allowed = (*methods, "HEAD") if "GET" in methods else methods
                if request.method not in allowed:
                    response = errors(
                        answer_in,
                        405,
                        [_("Method %(method)s is not allowed here.") % {"method": request.method}],
                    )
                    response["Allow"] = ", ".join(methods)
                    return response
                _check_jurisdiction(request)
                return view(request, *args, fmt=answer_in, **kwargs)
            except ApiError as error:
                return errors(answer_in, error.status, error.messages)

        return never_cache(wrapper)

    return decorate


def _throttle(request: HttpRequest, action: str) -> None:
    if abuse.over_limit(request, action=action):
        raise ApiError(TOO_MANY, _("Too many requests. Try again later."))


# --- Services


@endpoint("GET")
def services_list(request: HttpRequest, fmt: str) -> HttpResponse:
    _throttle(request, "open311-read")
    items = [
        {**service, "metadata": True, "type": "realtime", "keywords": None, "group": None}
        for service in selectors.services()
    ]
    return respond(fmt, "services", Many("service", items))


def _definition_attributes() -> Many:
    communes = [{"key": code, "name": name} for code, name in selectors.commune_choices()]
    return Many(
        "attribute",
        [
            {
                "variable": True,
                "code": "commune",
                "datatype": "singlevaluelist",
                "required": True,
                "datatype_description": _("The commune or ward concerned."),
                "order": 1,
                "description": _("Commune or ward concerned"),
                "values": Many("value", communes),
            },
            {
                "variable": True,
                "code": "consent",
                "datatype": "singlevaluelist",
                "required": True,
                "datatype_description": _("Only “yes” is accepted."),
                "order": 2,
                "description": _(
                    "I agree that my feedback and any contact details I give are processed to "
                    "handle it (Personal Data Protection Law, 91/2025/QH15)."
                ),
                "values": Many("value", [{"key": forms.CONSENT_YES, "name": _("I agree")}]),
            },
        ],
    )


@endpoint("GET")
def service_definition(request: HttpRequest, service_code: str, fmt: str) -> HttpResponse:
    _throttle(request, "open311-read")
    if not any(s["service_code"] == service_code for s in selectors.services()):
        raise ApiError(
            404, _("service_code “%(code)s” was not found.") % {"code": service_code[:50]}
        )
    definition = {"service_code": service_code, "attributes": _definition_attributes()}
    return respond(fmt, "service_definition", definition)


# --- Requests


@csrf_exempt  # authenticated by its api_key, not by a cookie
@endpoint("GET", "POST")
def requests_(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    return _list(request, fmt)


def _api_key(request: HttpRequest) -> ApiKey:
    raw = params.param(request, "api_key")
    if not raw:
        raise ApiError(403, _("api_key is missing: ask the province for a key for your app."))
    key = ApiKey.objects.authenticate(raw)
    if key is None:
        raise ApiError(403, _("Invalid api_key received: the request was not created."))
    return key


def _key_over_limit(request: HttpRequest, key: ApiKey) -> bool:
    rate = settings.FEEDBACK_RATE_LIMITS.get("open311-key")
    if not rate:
        return False
    return is_ratelimited(
        request,
        group="feedback-open311-key",
        key=lambda group, req: str(key.pk),
        rate=rate,
        increment=True,
    )


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    post = params.body(request)
    _throttle(request, "open311-submit")
    key = _api_key(request)
    if _key_over_limit(request, key):
        raise ApiError(TOO_MANY, _("Too many requests with this api_key. Try again later."))
    if not forms.argument(post, "service_code"):
        raise ApiError(
            400, _("service_code is required: pick one from services.%(f)s.") % {"f": fmt}
        )
    if not forms.has_location(post):
        raise ApiError(
            400, _("A location is required: lat and long, address_string or address_id.")
        )
    latitude, longitude = forms.coordinate(post, "lat"), forms.coordinate(post, "long")
    form = forms.Open311RequestForm(forms.form_data(post))
    if not form.is_valid():
        if forms.has_unknown_service(form):
            raise ApiError(
                404,
                _("service_code “%(code)s” was not found.")
                % {"code": forms.argument(post, "service_code")[:50]},
            )
        raise ApiError(400, *forms.describe(form.errors))
    data = form.cleaned_data
    try:
        feedback = services.submit_feedback(
            category=data["category"],
            commune=data["commune"],
            text=data["text"],
            channel=Channel.API,
            consent=data["consent"],
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            latitude=latitude,
            longitude=longitude,
        )
    except ValidationError as error:
        messages = (
            forms.describe(error.message_dict) if hasattr(error, "error_dict") else error.messages
        )
        raise ApiError(400, *messages) from None
    key.record_use()
    tracking = request.build_absolute_uri(
        reverse("feedback:track_case", args=[feedback.tracking_code])
    )
    notice = _("We will answer by %(date)s. Follow it with the code %(code)s at %(url)s") % {
        "date": feedback.due_on.strftime("%d/%m/%Y") if feedback.due_on else "",
        "code": feedback.tracking_code,
        "url": tracking,
    }
    created = {
        "service_request_id": feedback.tracking_code,
        "service_notice": notice,
        "account_id": None,
    }
    return respond(fmt, "service_requests", Many("request", [created]))


def _by_ids(request: HttpRequest, ids: list[str]) -> list[dict]:
    if len(ids) > MAX_IDS:
        raise ApiError(400, _("service_request_id: at most %(n)s ids at once.") % {"n": MAX_IDS})
    codes, _numbers = selectors.split_ids(ids)
    for _code in codes:
        _throttle(request, "open311-track")
    return selectors.requests_by_ids(ids)


def _list(request: HttpRequest, fmt: str) -> HttpResponse:
    _throttle(request, "open311-read")
    ids = params.comma_list(params.param(request, "service_request_id"))
    if ids:  # the spec: this overrides all other arguments
        return respond(fmt, "service_requests", Many("request", _by_ids(request, ids)))
    start, end = params.period(request)
    statuses = [status.lower() for status in params.comma_list(params.param(request, "status"))]
    unknown = sorted(set(statuses) - set(selectors.STATUS_GROUPS))
    if unknown:
        raise ApiError(400, _("status: use open or closed."))
    codes = params.comma_list(params.param(request, "service_code"))
    known = set(FeedbackCategory.objects.filter(code__in=codes).values_list("code", flat=True))
    if missing := [code for code in codes if code not in known]:
        raise ApiError(404, _("service_code “%(code)s” was not found.") % {"code": missing[0][:50]})
    size = params.whole_number(request, "page_size", MAX_RESULTS, MAX_RESULTS)
    page = params.whole_number(request, "page", 1, 100_000)
    found = selectors.published_requests(
        start=start,
        end=end,
        service_codes=codes,
        statuses=statuses,
        offset=(page - 1) * size,
        limit=size,
    )
    return respond(fmt, "service_requests", Many("request", found))


@endpoint("GET")
def request_detail(request: HttpRequest, service_request_id: str, fmt: str) -> HttpResponse:
    _throttle(request, "open311-read")
    found = _by_ids(request, [service_request_id.strip()])
    if not found:
        raise ApiError(
            404, _("service_request_id “%(id)s” was not found.") % {"id": service_request_id[:40]}
        )
    return respond(fmt, "service_requests", Many("request", found))


# --- Discovery and everything else under /open311/


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    services_url = reverse("open311:services", kwargs={"fmt": "xml"})
    url = request.build_absolute_uri(services_url.rsplit("/", 1)[0])
    document = {
        "changeset": CHANGESET,
        "contact": settings.OPEN311_CONTACT or settings.DEFAULT_FROM_EMAIL,
        "key_service": _(
            "Ask the province's programme office for an API key for your app (%(contact)s)."
        )
        % {"contact": settings.OPEN311_CONTACT or settings.DEFAULT_FROM_EMAIL},
        "endpoints": Many(
            "endpoint",
            [
                {
                    "specification": SPECIFICATION,
                    "url": url,
                    "changeset": CHANGESET,
                    "type": "production",
                    "formats": Many("format", ["text/xml", "application/json"]),
                }
            ],
        ),
    }
    return respond(fmt, "discovery", document)


@csrf_exempt
@never_cache
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under /open311/: a spec error, never the portal's HTML page."""
    fmt = "json" if rest.lower().endswith(".json") else "xml"
    return errors(fmt, 404, [_("No such Open311 resource: see %(url)s") % {"url": SPECIFICATION}])
