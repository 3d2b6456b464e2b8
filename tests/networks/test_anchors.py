"""Language-independent anchors: one key for a name's spellings, numbers without grouping, copies across languages."""

from __future__ import annotations

import pytest

from newsprobe.dedup.anchors import AnchorWeights, compare_anchors, name_key, text_anchors

ENGLISH = (
    "Foreign Minister Sergey Lavrov said on Wednesday that the coalition had killed 1,200 civilians near Raqqa "
    "since 2016, citing figures by Maria Zakharova published at www.mid.ru/foreign_policy/news. Lavrov also met "
    "Rex Tillerson in Moscow, where 347 delegates gathered, and spoke of Schoigu and 4,500 troops."
)
RUSSIAN = (
    "Министр иностранных дел Сергей Лавров заявил в среду, что коалиция убила 1 200 мирных жителей под Раккой "
    "с 2016 года, ссылаясь на данные Марии Захаровой, опубликованные на www.mid.ru/foreign_policy/news. Лавров "
    "также встретился с Рексом Тиллерсоном в Москве, где собрались 347 делегатов, и говорил о Шойгу и 4 500 военных."
)
UNRELATED = (
    "Die Bundesregierung in Berlin hat am Montag beschlossen, 2,3 Milliarden Euro für Schulen auszugeben. "
    "Bundeskanzler Olaf Scholz sagte, 2016 seien 900 Schulen renoviert worden, und Christian Lindner stimmte zu."
)


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (("Lavrov", "Лавров", "Lawrow", "Лаврова"), "n:lvrv"),
        (("Zakharova", "Захарова", "Sacharowa"), "n:shrv"),
        (("Shoigu", "Шойгу", "Schoigu"), "n:shg"),
    ],
)
def test_one_key_for_the_spellings_of_a_name(spellings: tuple[str, ...], key: str) -> None:
    assert {name_key(word) for word in spellings} == {key}


def test_numbers_are_read_whatever_their_grouping_and_small_ones_are_left_out() -> None:
    assert {"d:1200", "d:4500", "d:2016", "d:347"} <= text_anchors(ENGLISH)
    assert {"d:1200", "d:4500", "d:2016", "d:347"} <= text_anchors(RUSSIAN)
    assert "d:2.3" not in text_anchors(UNRELATED)  # below 10
    assert "d:900" in text_anchors(UNRELATED)


def test_a_translated_copy_matches_and_an_unrelated_story_does_not() -> None:
    english, russian, german = text_anchors(ENGLISH), text_anchors(RUSSIAN), text_anchors(UNRELATED)
    weights = AnchorWeights([english, russian, german])
    copy = compare_anchors(english, russian, weights)
    assert copy.is_copy
    assert {"n:lvrv", "u:mid.ru/foreign_policy/news", "d:1200"} <= copy.shared
    assert not compare_anchors(english, german, weights).is_copy
    assert not compare_anchors(russian, german).is_copy


def test_sentence_openers_are_not_names() -> None:
    assert name_key("However") not in text_anchors("It rained. However the match went on.")
