"""An outside developer reads the documentation, and every error in one shape."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_1_and_documents_every_error_answer(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "Problem" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            answers = operation["responses"]
            assert "application/problem+json" in answers["422"]["content"], (path, method)
            if method == "get":
                assert "304" in answers
            if operation.get("security"):
                assert {"401", "429"} <= answers.keys(), (path, method)


def test_the_docs_page_serves_swagger_ui_from_our_static_files(client):
    response = client.get("/api/v1/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_the_api_root_leads_to_the_docs(client):
    response = client.get("/api/v1/")
    assert response.status_code == 302 and response["Location"].endswith("docs")


def problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert set(body) >= {"type", "title", "title_en", "detail", "detail_en", "errors"}
    return body


def test_a_bad_query_parameter_names_the_field_in_vietnamese_and_english(client):
    body = problem(client.get("/api/v1/units?limit=abc&on=31/12/2025"), 422)
    errors = {e["field"]: e for e in body["errors"]}
    assert errors["limit"]["detail_en"] == "Enter a whole number."
    assert errors["on"]["detail_en"] == "Enter a date as YYYY-MM-DD."


def test_an_edited_cursor_is_refused_not_a_server_error(client):
    body = problem(client.get("/api/v1/units?cursor=eyJ4IjoxfQ"), 400)
    assert "cursor" in body["detail_en"]


def test_an_unknown_address_under_the_api_answers_a_problem(client):
    problem(client.get("/api/v1/khong-co"), 404)
    problem(client.get("/api/v1/units/99999"), 404)
    problem(client.get("/api/v1/indicators?period=999"), 404)


def test_dates_the_wrong_way_round_are_a_bad_request(client):
    problem(client.get("/api/v1/activities?since=2025-02-01&until=2025-01-01"), 400)


def test_a_keyed_operation_without_a_key_says_how_to_get_one(client):
    body = problem(client.get("/api/v1/feedback-cases"), 401)
    assert "X-API-Key" in body["detail_en"]
    problem(client.get("/api/v1/key", headers={"X-API-Key": "gnapi_wrong"}), 401)


def test_a_method_an_address_does_not_take_answers_a_problem(client):
    body = problem(client.delete("/api/v1/units"), 405)
    assert body["detail_en"].startswith("This address does not take this method")
    response = client.delete("/api/v1/units")
    assert response["Allow"] == "GET"
