"""The command line, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprobe import Report


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsprobe.cli", *args], input=stdin, capture_output=True, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("newsprobe 0.")


def test_analyze_json(reference_path: Path):
    result = run("analyze", str(reference_path), "--format", "json", "--analyses", "entities")
    assert result.returncode == 0, result.stderr
    report = Report.model_validate_json(result.stdout)
    assert report.article.metadata.site_name == "Global Research"
    assert list(json.loads(result.stdout)["analyses"]) == ["entities"]


def test_every_command_that_reads_a_profile_takes_it_after_its_name(reference_path: Path, tmp_path: Path):
    """`newsprobe analyze X --profile fast` was 'No such option' (only `newsprobe --profile fast analyze X`
    worked), and `quotes predict`'s own error told the user to add that option."""
    local = run("analyze", str(reference_path), "--profile", "fast", "--format", "json", "--analyses", "entities")
    ahead = run("--profile", "fast", "analyze", str(reference_path), "--format", "json", "--analyses", "entities")
    assert local.returncode == 0 and ahead.returncode == 0, local.stderr
    assert (
        Report.model_validate_json(local.stdout).profile == "fast" == Report.model_validate_json(ahead.stdout).profile
    )
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "article1.txt").write_text("They are traitors and liars, all of them.\n", encoding="utf-8")
    spans = run("propaganda", "predict", str(articles), "--task", "si", "--profile", "fast")
    assert spans.returncode == 0, spans.stderr
    polnear = tmp_path / "gold.jsonl"
    polnear.write_text(json.dumps({"filename": "a", "text_file": "a.txt"}) + "\n", encoding="utf-8")
    refused = run("quotes", "predict", str(polnear), "--method", "combined", "--profile", "fast")
    assert refused.returncode == 2 and b"--profile best" in refused.stderr


def test_analyse_is_analyze_in_british_spelling(reference_path: Path):
    result = run("analyse", str(reference_path), "--format", "json", "--analyses", "entities")
    assert result.returncode == 0, result.stderr
    assert Report.model_validate_json(result.stdout).article.metadata.site_name == "Global Research"


def test_analyze_html_to_file(reference_path: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    result = run("analyze", str(reference_path), "--format", "html", "--out", str(out), "--analyses", "entities")
    assert result.returncode == 0, result.stderr
    assert "Protecting the Terrorists" in out.read_text()


def test_the_output_file_name_chooses_the_format(reference_path: Path, tmp_path: Path):
    html, data = tmp_path / "report.html", tmp_path / "report.json"
    for out in (html, data):
        result = run("analyze", str(reference_path), "--out", str(out), "--analyses", "none")
        assert result.returncode == 0, result.stderr
    assert html.read_text().lstrip().lower().startswith("<!doctype html")
    assert json.loads(data.read_text())["article"]["text"].startswith("Russian FM Sergey Lavrov")


def test_analyze_stdin_text(reference_path: Path):
    result = run("analyze", "-", "--format", "md", "--analyses", "entities", stdin=reference_path.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("# Protecting the Terrorists")


def test_terminal_view(reference_path: Path):
    result = run("analyze", str(reference_path), "--analyses", "entities")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Global Research" in out and "Sergey Lavrov" in out


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("analyze", "/nonexistent/file.html"), 2, "no such file"),
        (("analyze", "--analyses", "nope", "x.html"), 2, "unknown analyser 'nope'"),
        (("analyze", "http://127.0.0.1:9/"), 3, "non-public address"),
        (("analyze", "file:///etc/passwd"), 3, "only http and https"),
    ],
)
def test_errors_are_one_line(args, code, message):
    result = run(*args)
    err = result.stderr.decode()
    assert result.returncode == code
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_binary_and_empty_input(tmp_path: Path):
    binary = tmp_path / "fake.html"
    binary.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, message in ((binary, "binary"), (empty, "empty")):
        result = run("analyze", str(path))
        assert result.returncode == 2 and message in result.stderr.decode()
        assert "Traceback" not in result.stderr.decode()


def test_extract_jsonl_many_inputs(reference_path: Path, tmp_path: Path, shared_data: Path):
    pages = sorted((shared_data / "extraction-bench" / "html").glob("0*.html.gz"))[:2]
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    glob_pattern = str(pages[0].parent / "0[0-4]*.html.gz")
    result = run("extract", str(reference_path), glob_pattern, str(bad))
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 2  # one input failed, the others were still written
    assert lines[0]["source"] == str(reference_path) and lines[0]["title"].startswith("Protecting the Terrorists")
    assert lines[0]["text"].startswith("Russian FM Sergey Lavrov")
    assert any(line["source"] == str(pages[0]) for line in lines)
    assert lines[-1] == {"source": str(bad), "text": "", "error": f"{bad}: input is empty"}
    assert all({"source", "text"} <= set(line) for line in lines)


def test_extract_exits_3_when_a_fetch_is_refused(reference_path: Path, local_server):
    page = local_server.add("/story", body=b"<html><body><p>private</p></body></html>")
    result = run("extract", str(reference_path), page)
    assert result.returncode == 3
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert lines[0]["text"] and lines[1]["source"] == page and "error" in lines[1]


def test_outlet_lists_say_when_they_are_cut_and_refuse_unknown_countries():
    cut = run("sources", "--flag", "specious", "--limit", "2")
    assert cut.returncode == 0 and cut.stdout.decode().splitlines()[-1].startswith("(2 of ")
    unknown = run("sources", "--country", "Rusia")
    assert unknown.returncode == 2 and "did you mean Russia" in unknown.stderr.decode()
    empty = run("source", "")
    assert empty.returncode == 2 and "give an outlet name" in empty.stderr.decode()


def test_debug_shows_the_traceback_of_an_input_error(tmp_path: Path):
    import os

    missing = str(tmp_path / "nope.html")
    env = {**os.environ, "NEWSPROBE_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "newsprobe.cli", "analyze", missing], capture_output=True, timeout=120, env=env
    )
    assert result.returncode == 2 and "Traceback" in result.stderr.decode()
    assert "Traceback" not in run("analyze", missing).stderr.decode()


def test_plain_text_input_keeps_the_file_text_unchanged(reference_path: Path, tmp_path: Path):
    odd = tmp_path / "plain.txt"
    odd.write_text(
        "  Leading spaces\u00a0and a no-break space.\n\n\nSecond  paragraph\t with tabs.\n", encoding="utf-8"
    )
    for path in (reference_path, odd):
        result = run("analyze", str(path), "--input-format", "text", "--format", "json", "--analyses", "entities")
        assert result.returncode == 0, result.stderr
        report = Report.model_validate_json(result.stdout)
        original = path.read_text(encoding="utf-8")
        assert report.article.text == original
        for paragraph in report.article.paragraphs:
            chunk = original[paragraph.start : paragraph.end]
            assert chunk == chunk.strip() and "\n\n" not in chunk


def test_markdown_input_format_cleans(reference_path: Path):
    result = run(
        "analyze", str(reference_path), "--input-format", "markdown", "--format", "json", "--analyses", "entities"
    )
    report = Report.model_validate_json(result.stdout)
    assert report.article.text.startswith("Russian FM Sergey Lavrov")
