"""Reading files and bytes: encodings, gzip, bad input."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe import extract
from newsprobe.errors import InputError
from newsprobe.ingest import load, read_bytes

HTML_LATIN1 = """<html><head><meta charset="iso-8859-1"><title>Caf\xe9 story</title></head><body><article>
<p>The caf\xe9 on the corner re-opened this week after a long renovation, the owner told the local paper.</p>
<p>Customers queued for an hour on Monday morning to get a table, according to witnesses at the scene.</p>
</article></body></html>"""


def test_declared_encoding(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_LATIN1.encode("latin-1"))
    raw = load(path)
    assert raw.kind == "html" and "café" in raw.content and raw.description.encoding == "iso8859-1"


def test_undeclared_encoding(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_LATIN1.replace('<meta charset="iso-8859-1">', "").encode("cp1252"))
    assert "café" in load(path).content.lower()


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffBy Jane Doe\n\nA story about a café.".encode("utf-16"))
    raw = load(path)
    assert raw.kind == "text" and raw.content.startswith("By Jane Doe")


def test_gzipped_html(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML_LATIN1.encode("latin-1")))
    article = extract(path)
    assert "re-opened this week" in article.text


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"\0" * (30 * 1024 * 1024))
    with pytest.raises(InputError, match="decompresses to more than"):
        read_bytes(bomb, source="bomb.html.gz")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (b"\x1f\x8bnot really gzip", "not a valid gzip"),
        (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "a PDF document: convert it to text first",
        ),  # was read as German text
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ],
)
def test_bad_input(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, source="bad")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.html")
    with pytest.raises(InputError, match="is a directory"):
        load(tmp_path)


def test_input_format_override(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(HTML_LATIN1)
    assert load(path, input_format="text").kind == "plain"
    assert load(path, input_format="html").kind == "html"


def test_content_that_cannot_be_mistaken_beats_the_file_name(tmp_path):
    saved_page = tmp_path / "page.txt"
    saved_page.write_text(HTML_LATIN1)
    assert load(saved_page).kind == "html"
    assert "<p>" not in extract(saved_page).text
    export = tmp_path / "article.html"
    export.write_text("# A headline\n\nThe mayor said on Monday that the bridge would re-open next spring.\n")
    assert load(export).kind == "text"
    notes = tmp_path / "notes.txt"
    notes.write_text("Use <b> for bold, <p> for paragraphs and <div> for blocks in the template.\n")
    assert load(notes).kind == "text"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_escape_as_other_errors(data):
    try:
        raw = read_bytes(data, source="fuzz")
        extract(raw)
    except InputError:
        pass
