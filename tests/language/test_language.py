"""The article's language: read from the text, which wins over what the page declares."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from newsprobe import extract, from_html, from_text
from newsprobe.document import DetectedLanguage, Metadata
from newsprobe.extract.language import decide, detect_language, language_of
from newsprobe.languages import language_name, normalise_language_code

from .samples import ENGLISH, GERMAN, PORTUGUESE, html_page


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        (PORTUGUESE, "pt", "Portuguese"),
        (GERMAN, "de", "German"),
        (ENGLISH, "en", "English"),
        ("Правительство объявило о новом налоге на авиабилеты", "ru", "Russian"),
        ("경찰은 화요일 창고 화재 이후 두 남성을 체포했다.", "ko", "Korean"),
        ("Polisi menangkap dua pria pada hari Selasa setelah kebakaran di sebuah gudang.", "id", "Indonesian"),
    ],
)
def test_detects_the_language_of_the_text(text: str, code: str, name: str) -> None:
    detected = detect_language(text)
    assert detected is not None
    assert (detected.code, detected.name) == (code, name)
    assert 0.5 <= detected.confidence <= 1


def test_the_text_wins_over_the_declared_language() -> None:
    """A German page that says `en` (as on the shared extraction pages) is German."""
    article = extract(from_html(html_page(GERMAN, lang="en", title="Steuer auf Flugtickets")))
    metadata = article.metadata
    assert metadata.declared_language == "en"
    assert metadata.detected_language is not None and metadata.detected_language.code == "de"
    assert metadata.language == "de"
    assert metadata.language_summary().startswith("German (read from the text, confidence")
    assert metadata.language_summary().endswith("the page declares English)")


def test_a_page_that_declares_nothing_gets_the_text_language() -> None:
    article = extract(from_html(html_page(PORTUGUESE)))
    assert (article.metadata.declared_language, article.metadata.language) == (None, "pt")
    assert "the page declares none" in article.metadata.language_summary()


def test_plain_text_and_markdown_get_a_language_too() -> None:
    assert extract(from_text(PORTUGUESE, verbatim=True)).metadata.language == "pt"
    assert extract(from_text("# Título\n\n" + PORTUGUESE)).metadata.language == "pt"


def test_a_weak_reading_defers_to_the_declaration_and_nothing_readable_is_undetermined() -> None:
    weak = DetectedLanguage(code="nds", name="Low German", confidence=0.26)
    assert decide(weak, "de") == "de"
    assert decide(weak, None) is None
    assert decide(DetectedLanguage(code="pt", name="Portuguese", confidence=0.45), None) == "pt"
    assert language_of("", "not gzip", None).language is None  # two words read as German at 0.47: no evidence
    assert decide(DetectedLanguage(code="de", name="German", confidence=0.9), "en") == "de"
    assert detect_language("2019-11-19 12:30 — 4:1 (2:0)") is None
    assert language_of("“" * 5000, "Title", None).language in (None, "en")  # punctuation is not Bulgarian
    decision = language_of("", "  ", None)
    assert (decision.language, decision.detected, decision.declared) == (None, None, None)
    assert Metadata().language_summary().startswith("undetermined")
    assert Metadata(language="de", declared_language="de", detected_language=weak).language_summary() == (
        "German (as the page declares; the text does not tell: best guess Low German, 0.26)"
    )


@pytest.mark.parametrize(
    ("declared", "code"),
    [("pt-BR", "pt"), ("en_US", "en"), ("EN", "en"), ("nb", "no"), ("iw", "he"), ("", None), ("x-default", None)],
)
def test_declared_codes_are_normalised(declared: str, code: str | None) -> None:
    assert normalise_language_code(declared) == code


def test_language_names_are_plain_words() -> None:
    assert (language_name("pt"), language_name("ceb"), language_name(None)) == ("Portuguese", "Cebuano", "undetermined")
    assert language_name("zz") == "zz"


def test_detection_needs_no_network() -> None:
    """The model ships inside the wheel: loading and detecting with every socket refused works."""
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network used")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        from newsprobe.extract.language import detect_language

        print(detect_language("O ministro disse que as negociações vão continuar na próxima semana.").code)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "pt"
