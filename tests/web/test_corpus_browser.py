"""The corpus explorer in a real headless Chromium: filter, paginate, open a report, export CSV; stored
titles, outlets and speakers that carry markup render as text and run nothing (the XSS battery)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from .conftest import HOSTILE_OUTLET, HOSTILE_SPEAKER, HOSTILE_TITLE, LiveServer, WatchedPage
from .test_browser import assert_clean, assert_inert


def row_texts(page: Any, column: int) -> list[str]:
    texts: list[str] = page.eval_on_selector_all(
        f"table.np-articles tbody tr td:nth-child({column})", "cells => cells.map(c => c.innerText.trim())"
    )
    return texts


def test_filter_by_outlet(explorer_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(explorer_server.url + "/corpus/articles")
    assert len(row_texts(page.page, 3)) == 8
    page.page.fill("input[name=domain]", "bbc.co.uk")
    page.page.click("form.np-filters button[type=submit]")
    page.page.wait_for_url("**domain=bbc.co.uk**")
    assert row_texts(page.page, 3) == ["BBC", "BBC"]
    assert "1–2 of 2 articles" in page.page.inner_text(".np-pager")
    assert_clean(page)


def test_paginate(explorer_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(explorer_server.url + "/corpus/articles?limit=3")
    first = row_texts(page.page, 2)
    page.page.click("a[rel=next] >> nth=0")
    page.page.wait_for_url("**offset=3**")
    second = row_texts(page.page, 2)
    assert len(first) == len(second) == 3 and not set(first) & set(second)
    assert "4–6 of 8 articles" in page.page.inner_text(".np-pager")
    page.page.click("a[rel=prev] >> nth=0")
    assert row_texts(page.page, 2) == first
    assert_clean(page)


def test_open_a_report(explorer_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(explorer_server.url + "/corpus/articles?domain=rt.com&sort=published")
    title = page.page.inner_text("a.np-report-link >> nth=0")
    page.page.click("a.np-report-link >> nth=0")
    page.page.wait_for_url("**/corpus/articles/*")
    assert page.page.inner_text("h1.np-title") == title
    for section in ("provenance", "quotes", "claims", "propaganda"):
        assert page.page.locator(f"section#{section}").count() == 1
    assert_clean(page)


def test_export_csv(explorer_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(explorer_server.url + "/corpus/articles?verdict=original&limit=2")
    shown_total = int(page.page.get_attribute(".np-pager [data-total] >> nth=0", "data-total") or 0)
    with page.page.expect_download() as download_info:
        page.page.click("a.np-csv >> nth=0")
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8").read())))
    assert len(rows) == 2 and {row["verdict"] for row in rows} == {"original"} and shown_total >= 2


@pytest.mark.parametrize(
    "path",
    [
        "/corpus/articles",
        "/corpus/articles?q=harbour",
        "/corpus/outlets",
        "/corpus/speakers",
        "/corpus/quotes",
        "/corpus",
    ],
)
def test_stored_markup_renders_as_text_and_runs_nothing(
    explorer_server: LiveServer, page: WatchedPage, path: str
) -> None:
    page.page.goto(explorer_server.url + path)
    assert_inert(page)


def test_stored_hostile_article_report_runs_nothing(explorer_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(explorer_server.url + "/corpus/articles?q=harbour")
    assert HOSTILE_OUTLET in page.page.inner_text("table.np-articles")
    page.page.click("a.np-report-link >> nth=0")
    page.page.wait_for_url("**/corpus/articles/*")
    assert "<script>" in page.page.inner_text("h1.np-title")  # shown as text
    assert HOSTILE_SPEAKER in page.page.inner_text("section#quotes")
    assert_inert(page)
    page.page.goto(explorer_server.url + "/corpus/speakers")
    assert HOSTILE_SPEAKER in page.page.inner_text("table.np-speakers")
    assert HOSTILE_TITLE.split(" Harbour")[0] not in page.page.content()  # escaped, never raw markup
    assert_inert(page)
