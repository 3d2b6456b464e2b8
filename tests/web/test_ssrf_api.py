"""The SSRF battery against the web API: every probe is refused (400 url_refused) and nothing is contacted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsprobe.web import WebSettings

from .conftest import LiveServer, start_server, stop_server

PROBES = [
    "http://127.0.0.1/",
    "http://localhost/",
    "http://localhost./",
    "http://[::1]/",
    "http://[::]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://017700000001/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://240.0.0.1/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/_x",
    "ftp://example.org/",
    "dict://127.0.0.1:11211/",
    "http://user:secret@example.org/",
    "http://example.org/" + "a" * 5000,
    "javascript:alert(1)",
]


@pytest.fixture(scope="module")
def guarded_server() -> Iterator[LiveServer]:
    live = start_server(WebSettings(analyses=("entities",), rate_per_minute=0, allow_private=False))
    yield live
    stop_server(live)


def test_at_least_30_probes():
    assert len(PROBES) >= 30


@pytest.mark.parametrize("target", PROBES)
def test_web_api_refuses(guarded_server: LiveServer, target: str) -> None:
    with guarded_server.client() as client:
        response = client.post("/api/v1/analyze", json={"url": target})
    assert response.status_code in (400, 422, 502), response.text  # 502: the name does not resolve at all
    message = response.json()["error"]["message"].lower()
    assert any(word in message for word in ("refus", "invalid", "only http", "cannot resolve", "longer than"))


def test_redirect_to_private_target_refused(guarded_server: LiveServer, local_server) -> None:  # type: ignore[no-untyped-def]
    start = local_server.add("/jump", status=302, headers={"Location": "http://169.254.169.254/"})
    with guarded_server.client() as client:
        response = client.post("/api/v1/analyze", json={"url": start})
    assert response.status_code == 400  # the loopback server itself is refused before the redirect
    assert local_server.hits == []
