"""Fixtures: the reference page as an Article (body paragraphs, markdown emphasis stripped)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from newsprobe.document import Article, Metadata, Paragraph

SHARED = Path(os.environ.get("NEWSPROBE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
REFERENCE = SHARED / "examples" / "globalresearch-2017-06-28-lavrov.md"
FIRST_BODY = "Russian FM"
AFTER_BODY = ("Featured image", "The original source")


def article_from_markdown(markdown: str) -> Article:
    blocks = [b.strip() for b in markdown.split("\n\n") if b.strip()]
    title = blocks[0]
    start = next(i for i, b in enumerate(blocks) if b.startswith(FIRST_BODY))
    body = []
    for block in blocks[start:]:
        if block.startswith(AFTER_BODY):
            break
        body.append(re.sub(r"\*+", "", block))
    text, paragraphs, position = "", [], 0
    for block in body:
        paragraphs.append(Paragraph(start=position, end=position + len(block)))
        text += block + "\n\n"
        position = len(text)
    return Article(text=text.rstrip("\n"), paragraphs=paragraphs, metadata=Metadata(title=title))


@pytest.fixture(scope="session")
def reference_article() -> Article:
    if not REFERENCE.is_file():
        pytest.skip("reference page not available")
    return article_from_markdown(REFERENCE.read_text(encoding="utf-8"))
