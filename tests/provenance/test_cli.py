"""`newsprobe source`, `newsprobe sources` and `newsprobe index add/query/stats` through the real CLI app."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_source_json():
    result = invoke("source", "RT News", "--format", "json")
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)
    assert profile["domain"] == "rt.com" and profile["state_affiliation"]["typology"] == "SC"


def test_source_text_lists_citations():
    result = invoke("source", "globalresearch.ca")
    assert result.exit_code == 0
    assert "specious-sites list" in result.output and "Lin, H." in result.output and "Hanley" in result.output
    rt = invoke("source", "rt.com").output
    assert "- state media list (state-controlled): RT International (RT), Russia — ASD State Media Matrix" in rt
    for code in ("pc1=", "state_affiliation:", "(asd_state_media)", "[SC]"):
        assert code not in rt, code


def test_source_unknown():
    result = invoke("source", "no-such-outlet.example")
    assert result.exit_code == 0 and "unknown outlet" in result.output


def test_a_name_several_papers_share_is_said_to_be_shared_not_unlisted():
    result = invoke("source", "Daily News")
    assert result.exit_code == 0
    assert "Daily News: no single outlet — a name several papers share" in result.output  # was 'no data set lists it'
    assert "dailynews.co.tz" in result.output and "dailynews.com" in result.output
    assert "no single outlet" not in invoke("source", "Some Blog Nobody Knows").output


def test_sources_summary_and_filters():
    summary = invoke("sources", "--format", "json")
    assert summary.exit_code == 0 and json.loads(summary.output)["outlets"] > 10000
    listed = invoke("sources", "--flag", "state", "--country", "Iran", "--limit", "100", "--format", "json")
    domains = {p["domain"] for p in json.loads(listed.output)}
    assert "presstv.ir" in domains


@pytest.fixture()
def corpus(tmp_path, shared_data):
    folder = shared_data / "ptc" / "train" / "train-articles"
    if not folder.exists():
        pytest.skip("PTC texts not available")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:12]]
    texts = [t for t in texts if len(t.split()) > 200][:6]
    lines = [
        {
            "source": f"https://outlet{i}.example/story",
            "text": text,
            "site_name": f"Outlet {i}",
            "url": f"https://outlet{i}.example/story",
            "published": f"2017-06-0{i + 1}",
            "title": text.split("\n")[0],
        }
        for i, text in enumerate(texts)
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("A new introduction nobody else wrote, to hide the copy.\n\n" + texts[2], encoding="utf-8")
    return path, copy


def test_index_add_query_stats(tmp_path, corpus):
    jsonl, copy = corpus
    index = str(tmp_path / "idx")
    added = invoke("index", "add", str(jsonl), "--index", index)
    assert added.exit_code == 0, added.output
    assert "added 6 documents" in added.output
    again = invoke("index", "add", str(copy), "--index", index)
    assert again.exit_code == 0 and "7 in" in again.output
    query = invoke("index", "query", str(copy), "--index", index, "--format", "json")
    assert query.exit_code == 0, query.output
    matches = json.loads(query.output)
    by_source = {m["source"]: m for m in matches}
    assert set(by_source) == {str(copy), "https://outlet2.example/story"}
    other = by_source["https://outlet2.example/story"]
    assert other["outlet"] == "Outlet 2" and other["domain"] == "outlet2.example" and other["published"] == "2017-06-03"
    assert other["match_containment"] == 1.0 and 0.5 < other["jaccard"] < 1.0
    text = invoke("index", "query", str(copy), "--index", index)
    assert "Outlet 2" in text.output and "of query" in text.output and "of copy: share of the copy's" in text.output
    assert f"{copy}  (the queried article itself)" in text.output  # it was added too
    stats = invoke("index", "stats", "--index", index)
    assert json.loads(stats.output)["documents"] == 7


def test_index_query_without_index_fails_cleanly(tmp_path, corpus):
    _, copy = corpus
    result = invoke("index", "query", str(copy), "--index", str(tmp_path / "missing"))
    assert result.exit_code == 2
    assert "no near-duplicate index" in result.output and "Traceback" not in result.output


def test_index_add_keeps_the_readable_inputs_and_exits_with_the_failures_code(tmp_path, corpus, local_server):
    _, copy = corpus
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    index = tmp_path / "idx"
    result = invoke("index", "add", str(copy), str(empty), "--index", str(index))
    assert result.exit_code == 2 and "skipped" in result.output and "added 1 documents" in result.output
    page = local_server.add("/story", body=b"<html><body><article><p>" + b"A local story. " * 20 + b"</p></article>")
    refused = invoke("index", "add", page, "--index", str(index))
    assert refused.exit_code == 3 and "2 in" not in refused.output
    allowed = invoke("index", "add", page, "--index", str(index), "--allow-private")
    assert allowed.exit_code == 0 and "2 in" in allowed.output
    missing = invoke("index", "add", str(tmp_path / "nope.html"), "--index", str(tmp_path / "never"))
    assert missing.exit_code == 2 and not (tmp_path / "never").exists()


def test_bad_jsonl_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"no_text": 1}\n', encoding="utf-8")
    result = invoke("index", "add", str(bad), "--index", str(tmp_path / "idx"))
    assert result.exit_code == 2 and "text" in result.output
