"""The downloads of a data set, streamed: CSV for spreadsheets, JSON for programs,
and the DCAT catalogue of every set.

CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese right only with it),
the field names as headers, ISO dates, a decimal point, true/false; every text
cell goes through ``core.xlsx.neutralise_formula`` so a title starting with "="
is never run as a formula. JSON: the set's description, then its rows as objects
keyed by field name, with numbers, booleans and nulls as JSON has them.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse

from giamngheo.core.xlsx import neutralise_formula

from .registry import LICENCE_NAME, LICENCE_URL, Dataset, Frequency, as_date

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


class _Echo:
    """A file-like object whose ``write`` returns the line, for csv.writer to stream."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        return value
    return neutralise_formula(str(value))


def csv_lines(dataset: Dataset, rows: Iterable[tuple]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(dataset.field_names)
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def dataset_description(request: HttpRequest, dataset: Dataset) -> dict[str, Any]:
    modified = as_date(dataset.modified())
    return {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "license": LICENCE_URL,
        "modified": modified.isoformat() if modified else None,
        "fields": [
            {"name": field.name, "type": field.type, "description": str(field.meaning)}
            for field in dataset.fields
        ],
    }


def json_chunks(request: HttpRequest, dataset: Dataset, rows: Iterable[tuple]) -> Iterator[str]:
    head = json.dumps(dataset_description(request, dataset), ensure_ascii=False)
    yield head[:-1] + ', "data": ['
    names = dataset.field_names
    separator = ""
    for row in rows:
        record = {name: json_value(value) for name, value in zip(names, row, strict=True)}
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ","
    yield "]}"


def download(request: HttpRequest, dataset: Dataset, kind: str) -> StreamingHttpResponse:
    rows = dataset.rows(request)
    if kind == "csv":
        response = StreamingHttpResponse(csv_lines(dataset, rows), content_type=CSV_TYPE)
    else:
        response = StreamingHttpResponse(
            json_chunks(request, dataset, rows), content_type=f"{JSON_TYPE}; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{dataset.slug}.{kind}"'
    return response


# --- The DCAT catalogue

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def download_url(request: HttpRequest, dataset: Dataset, kind: str) -> str:
    return request.build_absolute_uri(
        reverse("opendata:download", kwargs={"slug": dataset.slug, "kind": kind})
    )


def catalogue(
    request: HttpRequest,
    datasets: Iterable[Dataset],
    *,
    title: str,
    description: str,
    publisher_name: str,
) -> dict[str, Any]:
    """The sets as a DCAT-AP style JSON-LD catalogue (dcat:Catalog of dcat:Dataset)."""
    page = request.build_absolute_uri(reverse("opendata:index"))
    publisher = {"@type": "foaf:Agent", "foaf:name": publisher_name}
    entries = []
    for dataset in datasets:
        modified = as_date(dataset.modified())
        entry: dict[str, Any] = {
            "@type": "dcat:Dataset",
            "@id": f"{page}#{dataset.slug}",
            "dct:identifier": dataset.slug,
            "dct:title": str(dataset.title),
            "dct:description": str(dataset.description),
            "dct:language": "vi",
            "dct:license": LICENCE_URL,
            "dct:publisher": publisher,
            "dct:accrualPeriodicity": Frequency.uri(dataset.frequency),
            "dcat:keyword": list(dataset.keywords),
            "dcat:landingPage": f"{page}#{dataset.slug}",
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dct:title": f"{dataset.title} ({kind.upper()})",
                    "dct:format": kind.upper(),
                    "dcat:mediaType": MEDIA_TYPES[kind],
                    "dcat:downloadURL": download_url(request, dataset, kind),
                    "dcat:accessURL": f"{page}#{dataset.slug}",
                    "dct:license": LICENCE_URL,
                }
                for kind in ("csv", "json")
            ],
        }
        if modified:
            entry["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:date"}
        entries.append(entry)
    days = [entry["dct:modified"]["@value"] for entry in entries if "dct:modified" in entry]
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "dcat:Catalog",
        "@id": request.build_absolute_uri(reverse("opendata:catalogue")),
        "dct:title": title,
        "dct:description": description,
        "dct:language": "vi",
        "dct:license": LICENCE_URL,
        "dct:rights": LICENCE_NAME,
        "dct:publisher": publisher,
        "foaf:homepage": page,
        "dcat:dataset": entries,
    }
    if days:
        result["dct:modified"] = {"@value": max(days), "@type": "xsd:date"}
    return result
