"""URL fetching against a real HTTP server on 127.0.0.1, with the SSRF guard on."""

from __future__ import annotations

import pytest

from newsprobe.errors import BlockedAddressError, FetchError
from newsprobe.ingest import FetchPolicy, load

PAGE = b"""<!DOCTYPE html><html lang="en"><head><title>Local test story</title>
<meta property="og:site_name" content="Local Times"></head>
<body><article><h1>Local test story</h1>
<p>The council voted on Tuesday to close the old bridge for repairs, the mayor said in a statement to reporters.</p>
<p>Engineers found cracks in two of the supporting piers during an inspection last month, according to the report.</p>
</article></body></html>"""


def test_success(local_server, loopback_policy):
    url = local_server.add("/story", body=PAGE)
    raw = load(url, policy=loopback_policy())
    assert raw.kind == "html" and "old bridge" in raw.content
    assert raw.description.url == url and raw.description.kind == "url"


def test_user_agent_is_sent(local_server, loopback_policy):
    seen = {}

    url = local_server.add("/ua", body=PAGE)
    original = local_server.httpd.RequestHandlerClass.do_GET

    def spy(handler):
        seen["ua"] = handler.headers.get("User-Agent")
        original(handler)

    local_server.httpd.RequestHandlerClass.do_GET = spy
    load(url, policy=loopback_policy())
    assert seen["ua"].startswith("Mozilla/5.0 (compatible; newsprobe/")


def test_redirect_chain(local_server, loopback_policy):
    final = local_server.add("/final", body=PAGE)
    local_server.add("/b", status=302, headers={"Location": "/final"})
    start = local_server.add("/a", status=301, headers={"Location": local_server.url("/b")})
    raw = load(start, policy=loopback_policy())
    assert raw.description.url == final
    assert local_server.hits == ["/a", "/b", "/final"]


def test_too_many_redirects(local_server, loopback_policy):
    for i in range(7):
        local_server.add(f"/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        load(local_server.url("/r0"), policy=loopback_policy())


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/", "http://[::1]:80/"])
def test_redirect_to_refused_address(local_server, loopback_policy, target):
    start = local_server.add("/go", status=302, headers={"Location": target})
    with pytest.raises(BlockedAddressError, match="non-public address"):
        load(start, policy=loopback_policy())


def test_loopback_refused_by_default(local_server):
    url = local_server.add("/story", body=PAGE)
    with pytest.raises(BlockedAddressError, match="127.0.0.1"):
        load(url)
    assert local_server.hits == []


def test_allow_private_switch(local_server):
    url = local_server.add("/story", body=PAGE)
    assert "old bridge" in load(url, policy=FetchPolicy(allow_private=True)).content


def test_hostname_resolving_to_private_address_is_refused():
    policy = FetchPolicy(resolver=lambda host, port: ["192.168.1.20"])
    with pytest.raises(BlockedAddressError, match="192.168.1.20"):
        load("http://innocent.example/", policy=policy)


def test_oversize_body(local_server, loopback_policy):
    url = local_server.add("/big", body=b"<html><body>" + b"x" * (11 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than 10 MB"):
        load(url, policy=loopback_policy())


def test_oversize_body_without_content_length(local_server, loopback_policy):
    url = local_server.add("/big-chunked", body=b"<p>" + b"y" * (3 * 1024 * 1024), chunks=6, delay_per_chunk=0.01)
    with pytest.raises(FetchError, match="larger than 2 MB"):
        load(url, policy=loopback_policy(max_bytes=2 * 1024 * 1024))


def test_slow_body_times_out(local_server, loopback_policy):
    url = local_server.add("/slow", body=PAGE * 4, chunks=20, delay_per_chunk=0.5)
    with pytest.raises(FetchError, match="timed out"):
        load(url, policy=loopback_policy(total_timeout=1.5))


def test_non_html_content_type(local_server, loopback_policy):
    url = local_server.add("/image", body=b"\x89PNG....", headers={"Content-Type": "image/png"})
    with pytest.raises(FetchError, match="unsupported content type 'image/png'"):
        load(url, policy=loopback_policy())


def test_plain_text_content_type_is_text(local_server, loopback_policy):
    url = local_server.add("/t.txt", body=b"By Jane Doe\n\nA plain story.", headers={"Content-Type": "text/plain"})
    assert load(url, policy=loopback_policy()).kind == "text"


def test_404(local_server, loopback_policy):
    with pytest.raises(FetchError, match="HTTP 404"):
        load(local_server.url("/missing"), policy=loopback_policy())


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/a", "only http and https"),
        ("gopher://example.org/", "only http and https"),
        ("http://user:pass@example.org/", "credentials"),
        ("http://example.org/" + "a" * 3000, "longer than"),
    ],
)
def test_refused_before_connecting(url, message):
    with pytest.raises(BlockedAddressError, match=message):
        load(url)
