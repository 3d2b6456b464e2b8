"""Corpus runs: rows in every table, resume skips finished documents, errors never stop a run, query API + CLI."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.ingest.records import iter_inputs


def test_every_input_is_stored_once_as_article_or_error(small_jsonl: Path, small_store: Path) -> None:
    expected = {record.id for record in iter_inputs([str(small_jsonl)])}
    articles = query(small_store, "SELECT id FROM articles").column("id").to_pylist()
    failed = (
        query(small_store, "SELECT id FROM errors WHERE stage IN ('read', 'extract', 'analyse')")
        .column("id")
        .to_pylist()
    )
    assert len(articles) == len(set(articles)) == 9
    assert len(failed) == 2
    assert set(articles) | set(failed) == expected
    rows = query(small_store, "SELECT stage, count(*) AS n FROM errors GROUP BY 1").to_pylist()
    stages = {row["stage"]: row["n"] for row in rows}
    assert stages.get("read") == 1 and stages.get("extract") == 1


def test_article_rows_carry_input_metadata_and_analysis_rows(small_store: Path) -> None:
    row = query(small_store, "SELECT * FROM articles WHERE url LIKE 'https://www.rt.com/news/0%'").to_pylist()[0]
    assert (row["outlet"], row["domain"], row["published"]) == ("RT", "rt.com", "2019-01-10")
    assert row["words"] > 50 and row["text"] and row["profile"] == "fast"
    entities = query(small_store, "SELECT count(*) AS n FROM entities WHERE article_id = ?", [row["id"]]).to_pylist()[
        0
    ]["n"]
    assert entities > 0
    quotes = query(small_store, "SELECT count(*) AS n, count(speaker) AS named FROM quotes").to_pylist()[0]
    assert quotes["n"] > 0 and quotes["named"] > 0
    # spans point into the stored text
    spans = query(
        small_store,
        """SELECT q.start_offset AS start, q.end_offset AS "end", a.text FROM quotes q JOIN articles a ON a.id = q.article_id
                                  WHERE q.direct LIMIT 20""",
    ).to_pylist()
    assert spans and all(0 <= s["start"] < s["end"] <= len(s["text"]) for s in spans)


def test_outlets_and_laundering_candidate(small_store: Path) -> None:
    outlets = {r["domain"]: r for r in query(small_store, "SELECT * FROM outlets").to_pylist()}
    assert outlets["rt.com"]["state_affiliated"] is True
    assert outlets["bbc.co.uk"]["state_affiliated"] is False and outlets["bbc.co.uk"]["reliability"] is not None
    assert outlets["example-blog.net"]["status"] == "unknown"
    pairs = query(small_store, "SELECT * FROM syndication").to_pylist()
    assert len(pairs) == 1 and pairs[0]["jaccard"] == 1.0
    assert (pairs[0]["original_domain"], pairs[0]["copy_domain"]) == ("rt.com", "example-blog.net")
    candidates = query(small_store, "SELECT * FROM laundering_candidates").to_pylist()
    assert [(c["original_domain"], c["copy_domain"]) for c in candidates] == [("rt.com", "example-blog.net")]


def test_rerun_skips_finished_documents_and_adds_new_ones(small_jsonl: Path, tmp_path: Path) -> None:
    lines = small_jsonl.read_text(encoding="utf-8").splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    options = dict(store=store, workers=1, analyses=["entities"], profile="fast", quiet=True)
    one = run_corpus(RunOptions(inputs=[str(first)], **options))
    assert (one.processed, one.skipped, one.written) == (4, 0, 4)
    entity_rows = query(store, "SELECT count(*) AS n FROM entities").to_pylist()[0]["n"]
    two = run_corpus(RunOptions(inputs=[str(first)], **options))
    assert (two.processed, two.skipped) == (0, 4)
    assert query(store, "SELECT count(*) AS n FROM entities").to_pylist()[0]["n"] == entity_rows
    three = run_corpus(RunOptions(inputs=[str(small_jsonl)], **options))
    assert (three.skipped, three.processed) == (4, len(lines) - 4)
    assert query(store, "SELECT count(*) AS n FROM articles").to_pylist()[0]["n"] == 9
    runs = query(store, "SELECT count(*) AS n FROM runs").to_pylist()[0]["n"]
    assert runs == 3
    # a run ends compacted: one Parquet file per table for each run that added documents, readable without newsprobe
    import pyarrow.parquet as pq

    files = sorted((store / "parts" / "articles").glob("*.parquet"))
    assert len(files) == 2 and sum(pq.read_table(f).num_rows for f in files) == 9
    assert len(list((store / "parts" / "_commits").glob("*.parquet"))) == 2


def test_same_document_twice_in_the_inputs_is_analysed_once(tmp_path: Path) -> None:
    text = "Officials said on Monday that the bridge would reopen next week after repairs."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\n", encoding="utf-8")
    summary = run_corpus(
        RunOptions(
            inputs=[str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
            store=tmp_path / "s",
            workers=1,
            analyses=[],
            quiet=True,
        )
    )
    assert summary.processed == 1 and summary.written == 1
    assert summary.steady_docs_per_second == 0.0  # everything came in the first batch: no rate after start-up
    started = query(tmp_path / "s", "SELECT started FROM runs").to_pylist()[0]["started"]
    assert started is not None and started.startswith("20")


def test_query_api_returns_arrow_and_pandas(small_store: Path) -> None:
    table = query(small_store, "SELECT outlet, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1")
    assert table.column_names == ["outlet", "n"]
    assert sum(table.column("n").to_pylist()) == 9
    pytest.importorskip("pandas", reason="pandas is optional (comes with the ray extra)")
    frame = table.to_pandas()
    assert frame["n"].sum() == 9


def test_cli_query_formats_and_bad_sql(small_store: Path) -> None:
    runner = CliRunner()
    sql = "SELECT outlet, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1"
    csv_out = runner.invoke(app, ["corpus", "query", "--store", str(small_store), sql, "--format", "csv"])
    assert csv_out.exit_code == 0, csv_out.output
    lines = csv_out.stdout.strip().splitlines()
    assert lines[0] == "outlet,n" and len(lines) == 5
    json_out = runner.invoke(app, ["corpus", "query", "--store", str(small_store), sql, "-f", "json"])
    assert sum(row["n"] for row in json.loads(json_out.stdout)) == 9
    table_out = runner.invoke(app, ["corpus", "query", "--store", str(small_store), sql])
    assert "Example Blog" in table_out.stdout
    bad = runner.invoke(app, ["corpus", "query", "--store", str(small_store), "SELECT nope FROM articles"])
    assert bad.exit_code == 2 and "nope" in bad.output and "Traceback" not in bad.output


def test_cli_run_quiet_then_summary(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Headline\n\nThe council approved the budget on Tuesday.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "corpus",
            "run",
            str(tmp_path / "in"),
            "--store",
            str(tmp_path / "s"),
            "--analyses",
            "none",
            "--workers",
            "1",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert query(tmp_path / "s", "SELECT count(*) AS n FROM articles").to_pylist()[0]["n"] == 1
    loud = runner.invoke(
        app,
        ["corpus", "run", str(tmp_path / "in"), "--store", str(tmp_path / "s"), "--analyses", "none", "--workers", "1"],
    )
    assert loud.exit_code == 0 and "already done" in loud.output


def test_a_run_with_failures_says_where_to_read_them(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Headline\n\nThe council approved the budget on Tuesday.", encoding="utf-8")
    (tmp_path / "in" / "empty.html").write_text("", encoding="utf-8")
    store = tmp_path / "s"
    args = ["corpus", "run", str(tmp_path / "in"), "--store", str(store), "--analyses", "none", "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    hint = next(line for line in result.output.splitlines() if line.startswith("What failed, and why: "))
    command = shlex.split(hint.removeprefix("What failed, and why: "))
    assert command[:4] == ["newsprobe", "corpus", "query", "-s"]
    failures = query(Path(command[4]), command[5]).to_pylist()
    assert [(Path(f["source"]).name, f["stage"]) for f in failures] == [("empty.html", "read")]


def test_limit_caps_the_run_and_its_progress_bar(small_jsonl: Path, tmp_path: Path) -> None:
    import io

    from rich.console import Console

    output = io.StringIO()
    console = Console(file=output, force_terminal=True, width=120)
    summary = run_corpus(
        RunOptions(inputs=[str(small_jsonl)], store=tmp_path / "store", workers=1, analyses=[], limit=3),
        console=console,
    )
    assert summary.processed == 3
    assert "3/3" in output.getvalue() and "/11" not in output.getvalue()


def test_a_store_from_before_partitions_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "corpus.duckdb").write_bytes(b"")
    (tmp_path / "a.txt").write_text("Officials said on Monday that the bridge would reopen.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["corpus", "run", str(tmp_path / "a.txt"), "--store", str(tmp_path / "old"), "--analyses", "none", "-q"]
    )
    assert result.exit_code == 2 and "new store directory" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "old" / "store.json").exists()
