"""The REST API over real HTTP: reports, permalinks, outlet profiles and every error status."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe import extract
from newsprobe.analyse import registry

from .conftest import API_KEY, RATE_KEY, LiveServer

AUTH = {"Authorization": f"Bearer {API_KEY}"}


def assert_error(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status and body["code"] == code and body["message"]
    return body


def test_healthz_lists_analysers(live_server: LiveServer) -> None:
    with live_server.client() as client:
        body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["analysers"] == registry.names()


def test_analyze_text_returns_report_and_permalink(live_server: LiveServer, reference_path: Path) -> None:
    text = reference_path.read_text(encoding="utf-8")
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", json={"text": text, "analyses": ["quotes"]})
        assert response.status_code == 200, response.text
        body = response.json()
        report = body["report"]
        assert report["article"]["metadata"]["title"] == extract(reference_path).metadata.title
        assert set(report["analyses"]) == {"entities", "quotes"}  # quotes requires entities
        assert any("Lavrov" in speaker["name"] for speaker in report["analyses"]["quotes"]["speakers"])
        assert response.headers["location"] == body["permalink"] == f"/reports/{body['id']}"
        again = client.post("/api/v1/analyze", json={"text": text, "analyses": ["quotes"]}).json()
        assert again["id"] == body["id"] and again["cached"] is True
        stored = client.get(body["json_url"])
        assert stored.status_code == 200 and stored.json()["created"] == report["created"]
        download = client.get(f"/reports/{body['id']}.json")
        assert download.headers["content-disposition"].startswith("attachment")
        assert download.json()["analyses"]["quotes"] == report["analyses"]["quotes"]


def test_analyze_html_uses_source_url(live_server: LiveServer) -> None:
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        "<p>The harbour reopened on Monday after repairs, the port authority said in a statement.</p>"
        "<p>Ships queued outside for two days while divers inspected the quay walls.</p></article></body></html>"
    )
    with live_server.client() as client:
        response = client.post(
            "/api/v1/analyze",
            json={"html": html, "source_url": "https://www.example.org/a/1", "analyses": ["entities"]},
        )
    assert response.status_code == 200, response.text
    metadata = response.json()["report"]["article"]["metadata"]
    assert metadata["title"] == "Harbour reopens"
    assert metadata["domain"] == "example.org"


def test_analyze_url_from_local_server(live_server: LiveServer, local_server, reference_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = local_server.add("/story.md", body=reference_path.read_bytes(), headers={"Content-Type": "text/plain"})
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", json={"url": url, "analyses": ["entities"]})
    assert response.status_code == 200, response.text
    assert response.json()["report"]["input"]["url"] == url
    assert local_server.hits == ["/story.md"]


def test_unfetchable_url_is_502(live_server: LiveServer, local_server) -> None:  # type: ignore[no-untyped-def]
    url = local_server.add("/broken", status=500, body=b"server error")
    with live_server.client() as client:
        body = assert_error(client.post("/api/v1/analyze", json={"url": url}), 502, "fetch_failed")
    assert "HTTP 500" in body["message"]


@pytest.mark.parametrize(
    "payload, code",
    [
        ({}, "bad_request"),
        ({"text": "a", "url": "https://example.org/"}, "bad_request"),
        ({"text": "   "}, "bad_request"),
    ],
)
def test_not_exactly_one_input_is_400(live_server: LiveServer, payload: dict, code: str) -> None:
    with live_server.client() as client:
        body = assert_error(client.post("/api/v1/analyze", json=payload), 400, code)
    assert "text" in body["message"]


def test_invalid_json_is_400(live_server: LiveServer) -> None:
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", content=b'{"text": ', headers={"Content-Type": "application/json"})
        assert_error(response, 400, "invalid_json")
        assert_error(client.post("/api/v1/analyze", json=["text"]), 400, "invalid_json")


def test_wrong_types_and_unknown_analysers_are_422(live_server: LiveServer) -> None:
    with live_server.client() as client:
        body = assert_error(client.post("/api/v1/analyze", json={"text": 5}), 422, "invalid_request")
        assert body["details"][0]["loc"] == ["body", "text"]
        body = assert_error(
            client.post("/api/v1/analyze", json={"text": "Hello there.", "analyses": ["nope"]}), 422, "unknown_analyser"
        )
        assert "nope" in body["message"]


def test_binary_input_is_422(live_server: LiveServer) -> None:
    with live_server.client() as client:
        response = client.post(
            "/analyze", files={"file": ("page.html", b"\x00\x01\x02" * 400, "text/html")}, data={"source": "file"}
        )
    assert response.status_code == 422
    assert "binary" in response.text.lower() or "cannot" in response.text.lower()


def test_outlet_profile_api(live_server: LiveServer) -> None:
    from newsprobe.outlets import source

    with live_server.client() as client:
        by_name = client.get("/api/v1/sources/RT News").json()
        by_url = client.get("/api/v1/sources/https://www.rt.com/news/1/").json()
        unknown = client.get("/api/v1/sources/no-such-outlet-xyz.example").json()
    assert by_name["domain"] == source("RT News").domain == by_url["domain"]
    assert by_name["flags"] == source("RT News").flags and by_name["flags"]
    assert unknown["status"] == "unknown"


def test_security_headers_on_pages_and_api(live_server: LiveServer) -> None:
    with live_server.client() as client:
        for path in ("/", "/healthz", "/api/v1/sources/rt.com", "/static/app.js", "/no/such/page"):
            headers = client.get(path).headers
            csp = headers["content-security-policy"]
            assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
            assert headers["x-content-type-options"] == "nosniff"


def test_openapi_and_docs_page(live_server: LiveServer) -> None:
    with live_server.client() as client:
        schema = client.get("/openapi.json").json()
        docs = client.get("/docs")
    assert "/api/v1/analyze" in schema["paths"]
    assert set(schema["paths"]["/api/v1/analyze"]["post"]["responses"]) >= {
        "200",
        "400",
        "401",
        "413",
        "422",
        "429",
        "502",
    }
    assert (
        docs.status_code == 200
        and "/api/v1/analyze" in docs.text
        and "<script" not in docs.text.replace('<script src="/static/app.js" defer></script>', "")
    )


def test_unknown_report_is_404(live_server: LiveServer) -> None:
    with live_server.client() as client:
        assert_error(client.get("/api/v1/reports/" + "0" * 32), 404, "not_found")
        assert_error(client.get("/api/v1/reports/not-an-id"), 404, "not_found")
        assert client.get("/reports/" + "f" * 32).status_code == 404


# -- the secured server: keys, body limit, rate limit, SSRF guard


def test_api_key_required(secured_server: LiveServer) -> None:
    with secured_server.client() as client:
        response = client.post("/api/v1/analyze", json={"text": "Hello world. This is a test."})
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
        assert_error(
            client.post("/api/v1/analyze", json={"text": "Hi."}, headers={"X-API-Key": "wrong-key-123456789"}),
            401,
            "unauthorized",
        )
        ok = client.post("/api/v1/analyze", json={"text": "Anna Smith went to Paris on Monday."}, headers=AUTH)
        assert ok.status_code == 200, ok.text
        assert list(ok.json()["report"]["analyses"]) == ["entities"]
        assert client.get("/healthz").status_code == 200  # health stays open


def test_analyser_not_enabled_is_422(secured_server: LiveServer) -> None:
    with secured_server.client() as client:
        body = assert_error(
            client.post("/api/v1/analyze", json={"text": "Hi there.", "analyses": ["quotes"]}, headers=AUTH),
            422,
            "unknown_analyser",
        )
    assert "not enabled" in body["message"]


def test_body_limit_is_413(secured_server: LiveServer) -> None:
    big = "word " * 20_000  # 100 KB > 64 KB
    with secured_server.client() as client:
        assert_error(client.post("/api/v1/analyze", json={"text": big}, headers=AUTH), 413, "body_too_large")

        def chunks():  # no Content-Length: the limit applies while streaming
            yield b'{"text": "'
            for _ in range(100):
                yield b"x" * 1024
            yield b'"}'

        streamed = client.post(
            "/api/v1/analyze", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
        )
        assert_error(streamed, 413, "body_too_large")


def test_private_url_refused_without_allow_private(secured_server: LiveServer, local_server) -> None:  # type: ignore[no-untyped-def]
    url = local_server.add("/private", body=b"<html><body><p>secret</p></body></html>")
    with secured_server.client() as client:
        for target in (url, "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"):
            body = assert_error(client.post("/api/v1/analyze", json={"url": target}, headers=AUTH), 400, "url_refused")
            assert "refus" in body["message"]
    assert local_server.hits == []


def test_rate_limit_is_429_per_key(secured_server: LiveServer) -> None:
    headers = {"Authorization": f"Bearer {RATE_KEY}"}
    with secured_server.client() as client:
        statuses = [client.get("/api/v1/sources/rt.com", headers=headers).status_code for _ in range(12)]
        assert statuses[:10] == [200] * 10
        assert statuses[-1] == 429
        limited = client.get("/api/v1/sources/rt.com", headers=headers)
        assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1
        assert client.get("/api/v1/sources/rt.com", headers=AUTH).status_code == 200  # other keys unaffected


def test_concurrent_identical_requests_share_one_analysis(live_server: LiveServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    text = "Officials said on Friday that the bridge would reopen next week after repairs. " * 5

    def post(_: int) -> dict:
        with live_server.client() as client:
            response = client.post("/api/v1/analyze", json={"text": text, "analyses": ["entities"]})
            assert response.status_code == 200, response.text
            return response.json()

    with ThreadPoolExecutor(max_workers=6) as pool:
        bodies = list(pool.map(post, range(6)))
    assert len({body["id"] for body in bodies}) == 1
    assert [body["cached"] for body in bodies].count(False) == 1
