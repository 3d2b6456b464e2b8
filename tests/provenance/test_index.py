"""The near-duplicate index on real article texts: copies, partial copies, persistence, laundering verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.dedup import DocumentRecord, NearDuplicateIndex, shingle_hashes

from .helpers import article_with, run


@pytest.fixture(scope="module")
def texts(shared_data) -> list[str]:
    folder = shared_data / "ptc" / "train" / "train-articles"
    if not folder.exists():
        pytest.skip("PTC texts not available")
    chosen = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:60]]
    return [t for t in chosen if len(t.split()) > 300][:30]


@pytest.fixture()
def index(tmp_path, texts) -> NearDuplicateIndex:
    store = NearDuplicateIndex(tmp_path / "idx")
    store.add_many(
        (
            text,
            DocumentRecord(source=f"doc{i}", outlet=f"Outlet {i}", domain=f"outlet{i}.example", published="2017-06-01"),
        )
        for i, text in enumerate(texts)
    )
    yield store
    store.close()


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_exact_copy_is_found_with_full_overlap(index, texts):
    matches = index.query(texts[3])
    assert matches[0].source == "doc3"
    assert matches[0].jaccard == 1.0 and matches[0].containment == 1.0


def test_copy_with_new_intro_is_found(index, texts):
    intro = "Editor's note: we bring you this important report that the mainstream media will not show you. " * 4
    matches = index.query(intro + "\n" + texts[4])
    assert matches[0].source == "doc4"
    assert matches[0].match_containment == 1.0 and matches[0].containment < 1.0


@pytest.mark.parametrize("kept", [0.5, 0.7, 0.9])
def test_trimmed_copy_is_found(index, texts, kept):
    lines = _paragraphs(texts[5])
    trimmed = "\n".join(lines[: max(1, int(len(lines) * kept))])
    matches = index.query(trimmed)
    assert matches and matches[0].source == "doc5"
    assert matches[0].containment > 0.95
    assert matches[0].jaccard == pytest.approx(matches[0].match_containment, abs=0.01)


def test_unrelated_texts_do_not_match(index, texts):
    for i in (0, 1, 2):
        assert [m.source for m in index.query(texts[i])] == [f"doc{i}"]


def test_index_persists_and_grows_incrementally(tmp_path, texts):
    directory = tmp_path / "persist"
    with NearDuplicateIndex(directory) as store:
        store.add(texts[0], DocumentRecord(source="a"))
    with NearDuplicateIndex(directory, create=False) as store:
        store.add(texts[1], DocumentRecord(source="b"))
        assert len(store) == 2
        assert store.query(texts[0])[0].source == "a"
        assert store.query(texts[1])[0].source == "b"


def test_re_adding_a_source_replaces_it(tmp_path, texts):
    with NearDuplicateIndex(tmp_path / "replace") as store:
        store.add(texts[0], DocumentRecord(source="same"))
        store.add(texts[1], DocumentRecord(source="same"))
        assert len(store) == 1
        assert store.query(texts[0]) == []
        assert store.query(texts[1])[0].source == "same"


def test_settings_are_kept_from_the_first_creation(tmp_path):
    from newsprobe.dedup import IndexSettings

    with NearDuplicateIndex(tmp_path / "s", settings=IndexSettings(bands=20, rows=5)):
        pass
    with NearDuplicateIndex(tmp_path / "s") as store:
        assert store.settings.bands == 20 and store.settings.rows == 5


def test_missing_index_is_an_input_error(tmp_path):
    from newsprobe.errors import InputError

    with pytest.raises(InputError):
        NearDuplicateIndex(tmp_path / "nothing", create=False)


def test_shingles_ignore_case_and_punctuation():
    assert (
        shingle_hashes("The quick, brown fox jumps over!") == shingle_hashes("the quick brown fox JUMPS over")
    ).all()
    assert shingle_hashes("").size == 0 and shingle_hashes("two words").size == 1


# ---------------------------------------------------------------- provenance with an index


@pytest.fixture()
def origin_index(tmp_path, texts) -> Path:
    directory = tmp_path / "prov"
    with NearDuplicateIndex(directory) as store:
        store.add(
            texts[7],
            DocumentRecord(
                source="https://www.rt.com/news/1",
                url="https://www.rt.com/news/1",
                outlet="RT",
                domain="rt.com",
                published="2017-06-27",
            ),
        )
        store.add(
            texts[8],
            DocumentRecord(source="later", outlet="Later Blog", domain="laterblog.example", published="2017-07-30"),
        )
    return directory


def test_uncredited_earlier_copy_is_suspected_laundering(origin_index, texts):
    article = article_with(texts[7], url="https://www.globalresearch.ca/x/1", published="2017-06-28")
    result = run(article, index_dir=str(origin_index))
    assert result.verdict == "suspected_laundering"
    assert result.index_checked
    copy = result.copies[0]
    assert copy.domain == "rt.com" and copy.order == "earlier" and not copy.credited
    origin = result.origins[0]
    assert origin.domain == "rt.com" and origin.evidence[0].kind == "index_match"
    assert origin.evidence[0].index_source == "https://www.rt.com/news/1"
    assert [link.role for link in result.chain] == ["original", "republisher"]


def test_credited_earlier_copy_stays_attributed_republication(origin_index, texts):
    article = article_with(
        texts[7] + "\n\nThe original source of this article is RT News",
        url="https://www.globalresearch.ca/x/1",
        published="2017-06-28",
    )
    result = run(article, index_dir=str(origin_index))
    assert result.verdict == "attributed_republication"
    assert result.copies[0].credited
    kinds = {e.kind for e in result.origins[0].evidence}
    assert kinds == {"republication_notice", "index_match"}


def test_later_copy_is_not_laundering(origin_index, texts):
    article = article_with(texts[8], url="https://www.globalresearch.ca/x/2", published="2017-06-28")
    result = run(article, index_dir=str(origin_index))
    assert result.verdict == "original" and result.copies[0].order == "later"
    assert result.confidence == 0.5


def test_the_article_itself_in_the_index_is_not_a_copy(origin_index, texts):
    article = article_with(texts[7], url="https://www.rt.com/news/1", published="2017-06-27")
    result = run(article, index_dir=str(origin_index))
    assert result.copies == [] and result.verdict == "original"


def test_undated_article_cannot_be_laundering(origin_index, texts):
    result = run(article_with(texts[7], url="https://www.globalresearch.ca/x/1"), index_dir=str(origin_index))
    assert result.verdict == "original" and result.copies[0].order == "unknown"
    assert result.confidence <= 0.3 and "cannot be told" in result.explanation


def test_excerpt_of_a_long_text_is_found_both_ways(tmp_path, texts):
    long_text = max(texts, key=lambda t: len(t.split()))
    words = long_text.split()
    excerpt = " ".join(words[len(words) // 3 : len(words) // 3 + max(120, len(words) // 5)])
    with NearDuplicateIndex(tmp_path / "long") as store:
        store.add(long_text, DocumentRecord(source="long"))
        store.add(excerpt, DocumentRecord(source="excerpt"))
        found = {m.source: m for m in store.query(excerpt)}
        assert found["long"].containment > 0.95 and found["long"].jaccard < 0.35
        assert store.query(long_text)[1].source == "excerpt"


def test_segments_can_be_switched_off(tmp_path, texts):
    from newsprobe.dedup import IndexSettings

    long_text = max(texts, key=lambda t: len(t.split()))
    words = long_text.split()
    excerpt = " ".join(words[len(words) // 3 : len(words) // 3 + len(words) // 8])
    with NearDuplicateIndex(tmp_path / "noseg", settings=IndexSettings(segment_size=0)) as store:
        store.add(long_text, DocumentRecord(source="long"))
        assert store.query(excerpt) == []


def test_long_query_is_looked_up_in_chunks(index, texts):
    huge = "\n".join(texts) * 3
    found = {m.source for m in index.query(huge, min_shared=0.9, limit=100)}
    assert found == {f"doc{i}" for i in range(len(texts))}


def test_query_then_add_equals_query_followed_by_add(tmp_path, texts):
    one, two = NearDuplicateIndex(tmp_path / "one"), NearDuplicateIndex(tmp_path / "two")
    copy = "\n".join(_paragraphs(texts[0])[1:])  # a partial copy of the first text
    for i, text in enumerate([texts[0], texts[1], copy]):
        record = DocumentRecord(source=f"doc{i}", outlet=f"Outlet {i}")
        separate = one.query(text, min_shared=0.3)
        one.add(text, record)
        assert two.query_then_add(text, record, min_shared=0.3) == separate
    assert [m.source for m in one.query(copy)] == [m.source for m in two.query(copy)] == ["doc2", "doc0"]
    assert len(one) == len(two) == 3
    one.close()
    two.close()


def test_a_batch_is_one_transaction_that_sees_its_own_adds(tmp_path, texts):
    index = NearDuplicateIndex(tmp_path / "idx")
    with index.batch():
        index.query_then_add(texts[0], DocumentRecord(source="first"))
        assert [m.source for m in index.query_then_add(texts[0], DocumentRecord(source="again"))] == ["first"]
        assert index.conn.in_transaction  # nothing committed yet
    assert not index.conn.in_transaction and len(index) == 2
    index.close()


def test_index_keeps_texts_for_comparisons(tmp_path, texts):
    from newsprobe.dedup import IndexSettings

    with NearDuplicateIndex(tmp_path / "kept", settings=IndexSettings(keep_text=True)) as store:
        store.add(texts[0], DocumentRecord(source="a"))
        assert store.settings.keep_text and store.text("a") == texts[0]
        store.add(texts[1], DocumentRecord(source="a"))  # re-adding replaces the text too
        assert store.text("a") == texts[1]
        store.remove("a")
        assert store.text("a") is None
    with NearDuplicateIndex(tmp_path / "bare") as store:  # the library default: no texts
        store.add(texts[0], DocumentRecord(source="a"))
        assert not store.settings.keep_text
        assert store.text("a") is None and store.query(texts[0])[0].source == "a"


def test_a_setting_added_later_takes_the_wanted_value(tmp_path, texts):
    import sqlite3

    from newsprobe.dedup import IndexSettings

    with NearDuplicateIndex(tmp_path / "old", settings=IndexSettings(bands=20, rows=5)):
        pass
    with sqlite3.connect(tmp_path / "old" / "index.sqlite") as conn:  # as written before keep_text existed
        conn.execute("DELETE FROM meta WHERE k = 'keep_text'")
    with NearDuplicateIndex(tmp_path / "old", settings=IndexSettings(keep_text=True)) as store:
        assert store.settings.keep_text and store.settings.bands == 20
    with NearDuplicateIndex(tmp_path / "old") as store:
        assert store.settings.keep_text  # stored now
