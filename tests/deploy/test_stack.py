"""The reference deployment of deploy/, driven over HTTPS as citizens and staff use it.

Two app servers share Redis (cache, sessions, rate limits, used ALTCHA
challenges) and the database task queue: what one server does, the other sees.
Requests marked "straight to" an app server go to its port with the headers
nginx adds, to know which server answered.
"""

from __future__ import annotations

import base64
import datetime
import http.client
import json
import re
import ssl
import subprocess
import sys
import time
import uuid

import altcha
import pytest
import requests

from .conftest import RUNNER

pytestmark = [pytest.mark.deploy, pytest.mark.postgres]

PASSWORD = "Mat-khau-trien-khai-2026"


def solve(challenge: dict) -> str:
    solution = altcha.solve_challenge(altcha.Challenge.from_dict(challenge))
    payload = {"challenge": challenge, "solution": solution.to_dict()}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def form_value(html: str, pattern: str) -> str:
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match[1]


def csrf(session) -> str:
    return session.cookies["csrftoken"]


def schedule_article(stack, title: str, seconds: int) -> None:
    stack.shell(
        "import datetime\n"
        "from django.utils import timezone\n"
        "from giamngheo.portal.models import ArticlePage, NewsIndexPage\n"
        f"article = ArticlePage(title={title!r}, live=False)\n"
        "NewsIndexPage.objects.get().add_child(instance=article)\n"
        "revision = article.save_revision()\n"
        f"revision.approved_go_live_at = timezone.now() + datetime.timedelta(seconds={seconds})\n"
        "revision.save()\n"
    )  # fmt: skip


def create_staff(stack, username: str) -> None:
    stack.shell(
        "from django.utils import timezone\n"
        "from giamngheo.accounts.models import User\n"
        "from giamngheo.accounts.roles import role_group\n"
        "from giamngheo.units.models import Unit\n"
        "province = Unit.objects.in_force(timezone.localdate()).get(code='46')\n"
        f"user = User.objects.create_user({username!r}, password={PASSWORD!r}, unit=province,\n"
        "    first_name='Lan', last_name='Nguyễn Thị')\n"
        "user.groups.add(role_group('province_staff'))\n"
    )  # fmt: skip


def test_the_portal_is_served_over_https_with_http2_compression_and_cache_headers(stack):
    session = stack.session()
    home = session.get(stack.url + "/", headers={"Accept-Encoding": "br, gzip"})
    assert home.status_code == 200
    assert home.headers["Content-Encoding"] in {"br", "gzip"}
    assert "max-age=31536000" in home.headers["Strict-Transport-Security"]
    assert re.fullmatch(r"[0-9a-f]{32}", home.headers["X-Request-ID"])
    # A style sheet with its content hash: a year, immutable, straight from nginx.
    css = form_value(home.text, r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"')
    sheet = session.get(stack.url + css)
    assert sheet.status_code == 200
    assert "immutable" in sheet.headers["Cache-Control"]
    # The health endpoints answer through nginx, and to a load balancer's plain-HTTP
    # probe of one app server (exempt from the HTTPS redirect).
    for port in stack.app_ports:
        probe = requests.get(
            f"http://127.0.0.1:{port}/readyz", headers={"Host": "localhost"}, timeout=60
        )
        assert probe.status_code == 200, probe.text
    assert session.get(stack.url + "/healthz").text == "ok\n"
    ready = session.get(stack.url + "/readyz")
    assert ready.status_code == 200 and set(ready.json().values()) == {"OK"}
    # Every line the app logs about a request carries nginx's id for it.
    assert f'"request_id": "{home.headers["X-Request-ID"]}"' in stack.logs("logs/giamngheo-web@*")
    # A body over the upload limit (30 MB) is refused by nginx before any app server.
    connection = http.client.HTTPSConnection(
        "localhost", stack.https_port, context=ssl.create_default_context(cafile=stack.cert)
    )
    connection.putrequest("POST", "/phan-anh/")
    connection.putheader("Content-Length", str(31 * 1024 * 1024))
    connection.endheaders()
    assert connection.getresponse().status == 413
    # HTTP/2 (curl speaks it; requests does not).
    curl = subprocess.run(
        ["curl", "-sI", "--http2", "--cacert", stack.cert, stack.url + "/healthz"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert curl.stdout.startswith("HTTP/2 200")


def test_a_citizen_sends_feedback_and_follows_it_and_a_challenge_is_spent_once(stack):
    session = stack.session()
    form = session.get(stack.url + "/phan-anh/")
    assert form.status_code == 200
    challenge = session.get(stack.url + "/phan-anh/altcha/").json()
    payload = solve(challenge)
    data = {
        "csrfmiddlewaretoken": csrf(session),
        "category": form_value(form.text, r'name="category"[^>]*value="(\d+)"'),
        "commune": form_value(form.text, r'name="commune".*?<option value="(\d+)"'),
        "text": "Gia đình tôi chưa nhận được hỗ trợ tiền điện quý 3 năm nay.",
        "phone": "0912345678",
        "consent": "on",
        "altcha": payload,
    }
    headers = {"Referer": stack.url + "/phan-anh/"}
    sent = session.post(stack.url + "/phan-anh/", data=data, headers=headers, allow_redirects=False)
    assert sent.status_code == 302, sent.text[:2000]
    tracking = sent.headers["Location"]
    code = form_value(tracking, r"/phan-anh/tra-cuu/([^/]+)/")
    page = session.get(stack.url + tracking)
    assert page.status_code == 200 and code in page.text

    # The same solved challenge, sent again to each app server, is refused by both.
    for port in stack.app_ports:
        replay = stack.app(
            port, "/phan-anh/", method="POST", client_ip="10.1.1.1",
            cookies=f"csrftoken={csrf(session)}", headers=headers,
            data={**data, "text": "Gửi lại cùng một lời giải."},
        )  # fmt: skip
        assert replay.status_code != 302  # the form again, with its message


def test_rate_limits_count_requests_to_both_app_servers_together(stack):
    # FEEDBACK_CHALLENGE_RATE=12/h for one address, whichever server answers.
    answers = [
        stack.app(stack.app_ports[n % 2], "/phan-anh/altcha/", client_ip="10.2.2.2").status_code
        for n in range(13)
    ]
    assert answers[:12] == [200] * 12
    assert answers[12] == 429


def test_staff_sign_in_holds_on_both_servers_and_lockout_too(stack):
    username = f"tinh.{uuid.uuid4().hex[:8]}"
    create_staff(stack, username)
    session = stack.session()
    session.get(stack.url + "/admin/login/")
    signed_in = session.post(
        stack.url + "/admin/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf(session)},
        headers={"Referer": stack.url + "/admin/login/"},
        allow_redirects=False,
    )
    assert signed_in.status_code == 302
    cookie = f"sessionid={session.cookies['sessionid']}"
    for port in stack.app_ports:
        admin = stack.app(port, "/admin/", client_ip="127.0.0.1", cookies=cookie)
        assert admin.status_code == 200, port

    # Three wrong passwords, to either server, lock the name at that address on both.
    def attempt(port: int, password: str):
        login = stack.app(port, "/admin/login/", client_ip="10.3.3.3")
        token = form_value(login.headers["Set-Cookie"], r"csrftoken=([^;]+)")
        return stack.app(
            port, "/admin/login/", method="POST", client_ip="10.3.3.3",
            cookies=f"csrftoken={token}",
            headers={"Referer": stack.url + "/admin/login/"},
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        )  # fmt: skip

    first, second = stack.app_ports
    answers = [attempt(port, "sai-mat-khau").status_code for port in (first, second, first)]
    assert answers[:2] == [200, 200]
    locked = attempt(second, PASSWORD)  # even the right password
    assert locked.status_code == 429
    assert "Tạm thời khóa đăng nhập" in locked.text


def test_an_annual_report_requested_on_one_server_is_made_by_the_worker(stack):
    username = f"baocao.{uuid.uuid4().hex[:8]}"
    create_staff(stack, username)
    session = stack.session()
    session.get(stack.url + "/admin/login/")
    session.post(
        stack.url + "/admin/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf(session)},
        headers={"Referer": stack.url + "/admin/login/"},
    )
    form = session.get(stack.url + "/admin/reports/results/")
    assert form.status_code == 200
    year = datetime.date.today().year - 1
    requested = session.post(
        stack.url + "/admin/reports/results/",
        data={
            "csrfmiddlewaretoken": csrf(session),
            "kind": "annual",
            "year": year,
            "unit": form_value(form.text, r'name="unit".*?<option value="(\d+)"[^>]*selected'),
            "signer_title": "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN",
            "signer_name": "Nguyễn Thị Lan",
        },
        headers={"Referer": stack.url + "/admin/reports/results/"},
        allow_redirects=False,
    )
    assert requested.status_code == 302, requested.text[:3000]
    listing = session.get(stack.url + "/admin/reports/results/").text
    report = form_value(listing, r'data-report-id="(\d+)"')
    # Followed on the other server until the worker has made it.
    cookie = f"sessionid={session.cookies['sessionid']}"
    deadline = time.monotonic() + 240
    while True:
        status = stack.app(
            stack.app_ports[1], f"/admin/reports/results/{report}/status/",
            client_ip="127.0.0.1", cookies=cookie,
        ).json()  # fmt: skip
        if status["finished"] or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert status["status"] == "done", status
    xlsx = session.get(stack.url + status["xlsx_url"])
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_a_scheduled_article_appears_on_both_servers_when_the_timer_publishes_it(stack):
    title = f"Tin hẹn giờ {uuid.uuid4().hex[:6]}"
    schedule_article(stack, title, seconds=40)

    def news_page(port: int):
        return stack.app(port, "/tin-tuc/", client_ip="127.0.0.1")

    # Both servers serve the news page from the shared cache, without the article yet.
    for port in stack.app_ports:
        news_page(port)
        cached = news_page(port)
        assert cached.headers["X-Page-Cache"] == "hit"
        assert title not in cached.text
    # The minutely timer's publish_scheduled publishes it and empties the page cache.
    deadline = time.monotonic() + 150
    while title not in news_page(stack.app_ports[0]).text:
        assert time.monotonic() < deadline, "the timer did not publish the article"
        time.sleep(3)
    assert title in news_page(stack.app_ports[1]).text


def test_a_job_runs_by_hand_as_systemctl_start_would(stack):
    # `systemctl start giamngheo-job@send_feedback_reminders`, from the same unit file.
    result = subprocess.run(
        [sys.executable, RUNNER, "run", *stack.runner_args,
         "giamngheo-job@send_feedback_reminders.service"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (stack.state / "logs" / "giamngheo-job@send_feedback_reminders.service.log").exists()


def test_the_maintenance_page_answers_503_while_the_flag_is_there(stack):
    flag = stack.state / "maintenance.on"
    flag.touch()
    try:
        page = stack.session().get(stack.url + "/")
        assert page.status_code == 503
        assert "bảo trì" in page.text
        assert page.headers["Retry-After"] == "300"
    finally:
        flag.unlink()
    assert stack.session().get(stack.url + "/").status_code == 200
