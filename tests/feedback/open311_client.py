"""An Open311 GeoReport v2 client written from the specification alone.

It knows the spec's resource names, argument names and the two formats, and
nothing of this project: the tests drive the API through it as an app would.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

BASE = "/open311/v2/"


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes

    @property
    def json(self) -> Any:
        assert self.content_type.startswith("application/json"), self.content_type
        return json.loads(self.body.decode("utf-8"))

    @property
    def xml(self) -> ET.Element:
        assert self.content_type.startswith("text/xml"), self.content_type
        assert self.body.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), self.body[:60]
        return ET.fromstring(self.body)  # raises on XML that is not well-formed

    def errors(self) -> list[dict[str, Any]]:
        """The spec's error list, from either format."""
        if self.content_type.startswith("application/json"):
            return self.json
        root = self.xml
        assert root.tag == "errors"
        return [
            {"code": int(error.findtext("code")), "description": error.findtext("description")}
            for error in root.findall("error")
        ]

    def error_text(self) -> str:
        return " | ".join(error["description"] for error in self.errors())


def records(root: ET.Element, item: str) -> list[dict[str, str | None]]:
    """``<root><item><field>text</field>…</item>…</root>`` as a list of dicts (flat fields)."""
    return [{child.tag: child.text for child in element} for element in root.findall(item)]


class GeoReportClient:
    def __init__(self, http, *, api_key: str | None = None, jurisdiction_id: str | None = None):
        self.http = http
        self.api_key = api_key
        self.jurisdiction_id = jurisdiction_id

    def _params(self, params: dict[str, Any]) -> dict[str, Any]:
        if self.jurisdiction_id is not None:
            params.setdefault("jurisdiction_id", self.jurisdiction_id)
        return params

    def _reply(self, response) -> Reply:
        return Reply(response.status_code, response.get("Content-Type", ""), response.content)

    def get(self, resource: str, fmt: str = "json", **params: Any) -> Reply:
        """GET services, services/{code}, requests, requests/{id}, tokens/{token}."""
        return self._reply(self.http.get(f"{BASE}{resource}.{fmt}", self._params(params)))

    def post_request(self, fmt: str = "json", **fields: Any) -> Reply:
        """POST requests, form-encoded; ``attributes={"code": "value"}`` become attribute[code]."""
        attributes = fields.pop("attributes", {})
        data = self._params(dict(fields))
        if self.api_key is not None:
            data.setdefault("api_key", self.api_key)
        for code, value in attributes.items():
            data[f"attribute[{code}]"] = value
        return self._reply(self.http.post(f"{BASE}requests.{fmt}", data))

    def service_definition(self, service_code: str) -> dict[str, Any]:
        reply = self.get(f"services/{service_code}")
        assert reply.status == 200, reply.body
        return reply.json

    def answers_for(self, definition: dict[str, Any], choose) -> dict[str, str]:
        """attribute[code] values for the required attributes: ``choose(attribute)`` picks one."""
        return {
            attribute["code"]: choose(attribute)
            for attribute in definition["attributes"]
            if attribute["variable"] and attribute["required"]
        }
