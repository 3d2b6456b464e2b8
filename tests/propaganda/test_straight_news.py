"""Highlights on straight news, checked by hand (issue 17): every highlight on ten real wire and
newspaper pages must have been judged, and few may be wrong. Before issue 17 the accurate profile made
38 wrong highlights there (6 of 44 plausible) and the fast one 21 (3 of 24); on 2026-12-01 accurate
makes 11 (10 of 21 plausible) and fast none (1 of 1); on 2026-12-02, with the fast tagger averaged into
accurate, accurate makes 9 (8 of 17) and best 4 (4 of 8), then best 5 (6 of 11) once its highlight
thresholds were also fitted for a 0.575 aim; on 2026-12-03, on the 7-bit runtime with its point refitted, best
makes 6 (5 of 11), and on a CPU with AVX-512 VNNI, where ONNX Runtime's kernels round differently, 5 (6 of
11). On 2026-12-05 best's propaganda model became the top 5 MPNet layers computed in floating point (recall of its
highlights on the PTC validation split 0.276 -> 0.315 at the same precision): it highlights 24 spans here, 15 of them
plausible (0.62 against 0.55 before) but 9 wrong, most of the new ones in a New York Times news analysis written in
loaded language; that evening, with six trained layers, 22, 15 plausible and 7 wrong. On 2026-12-06, with eight
trained layers (cross-validated on PTC: highlights F1 0.402 at precision 0.566 against 0.414 at 0.553, 0.409 against
0.387 with the decoder setting chosen inside the folds), 26, 17 plausible and 9 wrong; on a CPU with AVX2 only, 28,
18 plausible and 10 wrong (2026-12-07). The floors guard against that getting worse.

The fixture holds offsets, a hash of each span's text and the judgement, never the page text. A model
change that highlights something new fails here with the unjudged spans listed: judge them (a span is
plausible when a careful reader would accept that it uses the technique named, whoever says it) and
add them to `fixtures/straight_news.json`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsprobe.analyse import mpnet
from newsprobe.analyse.propaganda.model import accurate_available

from .conftest import SHARED

FIXTURE = Path(__file__).parent / "fixtures" / "straight_news.json"
PAGES = SHARED / "data" / "extraction-bench" / "html"
PROFILES = ["fast"] + (["accurate"] if accurate_available() else []) + (["best"] if mpnet.available() else [])
# over the ten pages; best's figures are those of a CPU with AVX2 only (28 highlights, 10 wrong on 2026-12-07), where
# its kernels round differently from AVX-512 VNNI's (26 and 9)
MAX_WRONG = {"best": 10, "accurate": 12, "fast": 4}
MAX_HIGHLIGHTS = {"best": 28, "accurate": 25, "fast": 10}  # straight news has little to highlight

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="extraction-bench pages not available")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def highlights(profile: str) -> list[dict[str, object]]:
    """Every highlighted span of the fixture's pages, as (page, where, start, end, hash, technique)."""
    from newsprobe.api import Newsprobe

    app = Newsprobe(analyses=["propaganda"], profile=profile)
    found = []
    for page in json.loads(FIXTURE.read_text())["pages"]:
        report = app.analyze(str(next(PAGES.glob(f"{page}*.html.gz"))))
        result = report.analyses["propaganda"]
        for where, spans in (("title", result.title_spans), ("text", result.spans)):
            found += [
                {
                    "page": page,
                    "where": where,
                    "start": s.start,
                    "end": s.end,
                    "text_sha1": text_hash(s.text),
                    "technique": s.techniques[0].technique,
                    "text": s.text,
                }
                for s in spans
            ]
    return found


def key(span: dict[str, object]) -> tuple[object, ...]:
    return (span["page"], span["where"], span["start"], span["end"], span["text_sha1"], span["technique"])


@pytest.mark.parametrize("profile", PROFILES)
def test_highlights_on_straight_news_are_judged_and_mostly_plausible(profile: str) -> None:
    judged = {key(j): j["plausible"] for j in json.loads(FIXTURE.read_text())["judgements"]}
    found = highlights(profile)
    unjudged = [
        f"{s['page']} {s['where']} {s['start']}-{s['end']} {s['technique']} {s['text']!r}"
        for s in found
        if key(s) not in judged
    ]
    assert not unjudged, "judge these highlights and add them to the fixture:\n" + "\n".join(unjudged)
    plausible = sum(judged[key(s)] for s in found)
    assert len(found) <= MAX_HIGHLIGHTS[profile]
    assert len(found) - plausible <= MAX_WRONG[profile], f"{plausible} of {len(found)} plausible"
