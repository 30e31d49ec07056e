"""What a careless or hostile visitor types, for the property-based tests of public forms.

Each example is answered with a page or a clear 4xx, never a 5xx, and a marker tag in
the input never comes back unescaped in HTML.
"""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

MARKER = "<x-evil>"
values = st.one_of(
    st.text(max_size=60),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.dates().map(str),
    st.text(max_size=20).map(lambda text: f"{text}{MARKER}"),
    st.sampled_from(
        ["10000", "0", "9" * 30, "²", "-1", "%00", "' OR 1=1 --", '"', "\x00", "=1+1", "on"]
    ),
)
# Files as a phone or a hostile script sends them: any name, any bytes, any claimed type.
files = st.builds(
    lambda name, content, kind: (name or "x", content, kind),
    st.text(max_size=40),
    st.binary(max_size=2048),
    st.sampled_from(["image/jpeg", "image/png", "application/pdf", "text/html", "", "audio/mpeg"]),
)
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_handled(response, sent: str) -> None:
    assert response.status_code < 500, (response.request, response.status_code)
    # In HTML a reflected tag would run; JSON and XML answers carry it as data, escaped
    # by their own syntax (and are served with nosniff).
    html = response.get("Content-Type", "").startswith("text/html")
    if MARKER in sent and html and not getattr(response, "streaming", False):
        assert MARKER.encode() not in response.content, response.request
