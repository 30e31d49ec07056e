"""An error reaches a Sentry-compatible server, without the personal data of the request.

The server is a tiny HTTP server in this test that keeps what it receives: the
envelope sentry-sdk really sends, over a real socket.
"""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import wsgiref.simple_server

import pytest
import requests
import sentry_sdk
from django.core.wsgi import get_wsgi_application
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from giamngheo.core.observability import init_sentry

pytestmark = pytest.mark.django_db

# Split, so that the source lines Sentry shows around the view do not contain them.
PHONE = "0912" + "345678"
TRACKING_CODE = "PA7Q" + "2K9X"


@csrf_exempt  # a form's post without the form: the error is what matters here
def broken_view(request, code):
    raise ZeroDivisionError("the error an operator must see")


urlpatterns = [path("phan-anh/tra-cuu/<str:code>/", broken_view)]


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        Receiver.received.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.received.clear()
    init_sentry(
        dsn=f"http://publickey@127.0.0.1:{server.server_port}/42",
        environment="test",
        traces_sample_rate=0.0,
        release="giamngheo@test",
    )
    yield Receiver.received
    sentry_sdk.init()  # no DSN: nothing more is sent
    server.shutdown()


class QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def app_server():
    """Django's WSGI application on a socket, as gunicorn runs it (sentry-sdk wraps it)."""
    server = wsgiref.simple_server.make_server(
        "127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.urls(__name__)
def test_an_error_is_sent_to_sentry_without_personal_data(sentry_server, app_server):
    session = requests.Session()
    session.trust_env = False
    response = session.post(
        f"{app_server}/phan-anh/tra-cuu/{TRACKING_CODE}/?phone={PHONE}",
        data={"phone": PHONE, "name": "Trần Thị Bình"},
        headers={"X-Forwarded-For": "203.0.113.7", "Cookie": "sessionid=secret-session-cookie"},
        timeout=30,
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)

    raw = b"\n".join(sentry_server).decode()
    events = [
        json.loads(line)
        for line in raw.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    assert len(events) == 1
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "ZeroDivisionError"
    assert event["environment"] == "test" and event["release"] == "giamngheo@test"
    assert event["request"]["url"].endswith("/phan-anh/tra-cuu/[Filtered]/")
    assert event["request"]["method"] == "POST"
    for personal in (PHONE, TRACKING_CODE, "Trần Thị Bình", "secret-session-cookie", "203.0.113.7"):
        assert personal not in raw
