"""The name lists that tell a person's name from a thing's (`training/entities/build_name_lists.py`)."""

from __future__ import annotations

from importlib import resources

import pytest

from newsprobe.analyse.entities.world_names import BLOOM_BITS, name_words, surname_rank, world_given_name


@pytest.mark.parametrize("word", ["Kepa", "Andrey", "Funke", "Julien", "Lazăr", "KANYE"])
def test_given_names_of_the_world_are_known_with_or_without_accents_or_capitals(word: str) -> None:
    assert world_given_name(word)


@pytest.mark.parametrize("word", ["Nintendo", "Dolby", "Sonos", "Zamazenta", "Pokemon"])
def test_brands_are_no_given_names(word: str) -> None:
    assert not world_given_name(word)


def test_the_filter_holds_its_documented_size() -> None:
    bits = (resources.files("newsprobe") / "data" / "given_names.bloom").read_bytes()
    assert len(bits) * 8 == BLOOM_BITS


def test_census_surnames_are_ranked_from_the_most_common() -> None:
    assert surname_rank("Smith") == 1
    assert surname_rank("johnson") == 2
    assert (surname_rank("Monfils") or 0) > 5000
    assert surname_rank("Nintendo") is None


def test_words_news_texts_write_as_names_are_not_read_as_english() -> None:
    assert {"hussein", "thomas"} <= name_words()
    assert not {"fallen", "defensive", "line"} & name_words()
