"""The explorer's text search (`text=`): an FTS5 index beside a store written by real `corpus run`s,
checked against whole-word, prefix and phrase matches over the stored texts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsprobe.corpus.explore import ArticleFilters, list_articles, open_reader
from newsprobe.corpus.search_index import INDEX_FILE, fts_query
from newsprobe.errors import InputError

from .conftest import corpus_rows, ptc_texts, write_jsonl

LETTERS_OR_DIGITS = "[^\\W_]"  # what SQLite's unicode61 tokenizer keeps in a word


def run(store: Path, texts: list[str], name: str) -> None:
    from newsprobe.corpus import RunOptions, run_corpus

    rows = [{**row, "url": row["url"].replace("/news/", f"/{name}/")} for row in corpus_rows(texts)[: len(texts)]]
    jsonl = write_jsonl(store.parent / f"{name}.jsonl", list(rows))
    run_corpus(
        RunOptions(inputs=[str(jsonl)], store=store, workers=1, analyses=["entities"], profile="fast", quiet=True)
    )


def search(store: Path, text: str, **filters: str) -> set[str]:
    with open_reader(store) as reader:
        page = list_articles(reader, ArticleFilters(text=text, **filters), limit=1000)
    assert page.total == len(page.rows)
    return {row["id"] for row in page.rows}


def stored(store: Path, pattern: str) -> set[str]:
    """Ids of the articles whose text matches the regular expression (ignoring case), by reading every text."""
    with open_reader(store) as reader:
        rows = reader.rows("SELECT id, text FROM articles")
    return {row["id"] for row in rows if re.search(pattern, row["text"] or "", re.IGNORECASE)}


def ilike(store: Path, word: str) -> set[str]:
    with open_reader(store) as reader:
        return {row["id"] for row in reader.rows("SELECT id FROM articles WHERE text ILIKE ?", [f"%{word}%"])}


def whole(word: str) -> str:
    return f"(?<!{LETTERS_OR_DIGITS}){re.escape(word)}(?!{LETTERS_OR_DIGITS})"


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("search") / "store"
    run(store, ptc_texts(shared_data, 8), "first")
    return store


WORDS = ["said", "president", "church", "police", "the", "government", "war", "muslim", "trump", "pope"]


def test_plain_words_find_exactly_the_texts_holding_the_whole_word(store: Path) -> None:
    same_as_ilike = 0
    for word in WORDS:
        expected = stored(store, whole(word))
        assert search(store, word) == expected, word
        if expected == ilike(store, word):
            same_as_ilike += 1
    # ILIKE also finds a word inside longer ones ("war" in "software"); on most words the two agree
    assert same_as_ilike >= len(WORDS) // 2
    assert (Path(store) / INDEX_FILE).exists()


def test_several_words_phrases_and_prefixes(store: Path) -> None:
    assert search(store, "police church") == stored(store, whole("police")) & stored(store, whole("church"))
    assert search(store, '"the president"') == stored(store, whole("the") + r"\W+" + whole("president"))
    prefix = f"(?<!{LETTERS_OR_DIGITS})presid"
    assert search(store, "presid*") == stored(store, prefix) != set()
    assert search(store, "PRESIDENT") == search(store, "president")
    assert search(store, "zzzqqqxxx") == set()


def test_text_search_combines_with_the_other_filters(store: Path) -> None:
    with open_reader(store) as reader:
        rt = {row["id"] for row in reader.rows("SELECT id FROM articles WHERE domain = 'rt.com'")}
    assert rt
    assert search(store, "the", domain="rt.com") == stored(store, whole("the")) & rt


def test_search_syntax_is_taken_literally_and_empty_searches_are_refused(store: Path) -> None:
    assert fts_query('AND OR NOT "near(" x-ray*') == '"AND" AND "OR" AND "NOT" AND "near(" AND "x-ray"*'
    assert search(store, "the AND") == stored(store, whole("the")) & stored(store, whole("and"))
    assert search(store, '"unclosed phrase') == search(store, "unclosed phrase")
    with pytest.raises(InputError, match="at least one word"):
        search(store, "!!! *")


def test_index_follows_a_second_run_that_adds_articles(shared_data: Path, tmp_path: Path) -> None:
    texts = ptc_texts(shared_data, 10)
    store = tmp_path / "store"
    run(store, texts[:5], "first")
    before = search(store, "the")
    assert len(before) == 5
    run(store, texts[5:], "second")
    after = search(store, "the")
    with open_reader(store) as reader:
        assert reader.value("SELECT count(*) FROM articles") == 10
    assert len(after) == 10 and before < after
    for word in ["president", "police", "church"]:
        assert search(store, word) == stored(store, whole(word)), word


def test_index_rebuilds_when_articles_left_the_store(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    assert search(copy, "the")  # index built on the copy
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from newsprobe.corpus import CorpusStore

    with CorpusStore(copy, read_only=True) as opened:
        gone = opened.query("SELECT min(id) AS id FROM articles").to_pylist()[0]["id"]
        files = opened.files("articles")
    for file in files:  # the article's row removed from the Parquet file that holds it
        rows = pq.read_table(file)
        pq.write_table(rows.filter(pc.not_equal(rows["id"], gone)), file)
    found = search(copy, "the")
    assert gone not in found and found == stored(copy, whole("the"))
