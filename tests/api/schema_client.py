"""A client of the data API that knows only its published schema.

It reads /api/v1/openapi.json and finds each operation by its operationId;
the path, the method, where the key goes and the parameters it may send all
come from the schema. It imports nothing of the project: an app developer's
client, generated from the same document, would do the same.
"""

from __future__ import annotations

from typing import Any


class SchemaClient:
    def __init__(self, http: Any, *, key: str | None = None):
        self.http = http  # anything with get(url, headers=...) and post(url, body, ...)
        self.key = key
        self.schema = http.get("/api/v1/openapi.json").json()
        self.operations = {
            operation["operationId"]: (method, path, operation)
            for path, methods in self.schema["paths"].items()
            for method, operation in methods.items()
        }

    def _headers(self, operation: dict) -> dict[str, str]:
        headers = {}
        for requirement in operation.get("security", []):
            for name in requirement:
                scheme = self.schema["components"]["securitySchemes"][name]
                if scheme["type"] == "apiKey" and scheme["in"] == "header":
                    headers[scheme["name"]] = self.key or ""
        return headers

    def call(self, operation_id: str, body: Any = None, **params: Any) -> Any:
        method, path, operation = self.operations[operation_id]
        known = {p["name"]: p["in"] for p in operation.get("parameters", [])}
        unknown = set(params) - set(known)
        assert not unknown, f"{operation_id} has no parameter {unknown}"
        for name, value in params.items():
            if known[name] == "path":
                path = path.replace("{" + name + "}", str(value))
        query = {k: v for k, v in params.items() if known[k] == "query"}
        headers = self._headers(operation)
        if method == "get":
            return self.http.get(path, query, headers=headers)
        assert "requestBody" in operation
        return self.http.post(path, body, content_type="application/json", headers=headers)

    def every_item(self, operation_id: str, **params: Any) -> list[dict]:
        """All pages of a list, following next_cursor as the schema describes it."""
        items, cursor = [], None
        while True:
            page = self.call(operation_id, **params, **({"cursor": cursor} if cursor else {}))
            assert page.status_code == 200, page.content
            body = page.json()
            items += body["items"]
            cursor = body["next_cursor"]
            if not cursor:
                return items
