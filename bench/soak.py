"""Soak run of the fuzzing properties: thousands of hypothesis cases per reader and for every analyser.

A crash is any exception other than the clear, typed errors newsprobe raises on purpose
(InputError, FetchError), or an analyser failure recorded in a report.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from _common import ROOT, print_table, write_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "tests" / "hardening"))
from _strategies import article_like_text, html_documents, urls

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.errors import FetchError, InputError
from newsprobe.extract import extract
from newsprobe.ingest import read_bytes
from newsprobe.ingest.url import check_url

EXPECTED = (InputError, FetchError)


def soak(name: str, strategy: st.SearchStrategy[Any], check: Callable[[Any], None], cases: int) -> dict[str, Any]:
    outcome: dict[str, Any] = {"property": name, "cases": 0, "crashes": 0, "clear_errors": 0, "examples": []}

    @settings(
        max_examples=cases, deadline=None, database=None, derandomize=False, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def run(value: Any) -> None:
        outcome["cases"] += 1
        try:
            check(value)
        except EXPECTED:
            outcome["clear_errors"] += 1
        except Exception:
            outcome["crashes"] += 1
            if len(outcome["examples"]) < 5:
                outcome["examples"].append({"input": repr(value)[:300], "error": traceback.format_exc(limit=3)[-600:]})

    started = time.perf_counter()
    run()
    outcome["seconds"] = round(time.perf_counter() - started, 1)
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the case counts (1.0 = 10,500 cases)")
    parser.add_argument("--profile", choices=["fast", "accurate"], default="fast")
    args = parser.parse_args()
    app = Newsprobe(profile=args.profile)

    def analyse_text(text: str) -> None:
        report = app.analyze(from_text("Fuzz\n\n" + text))
        if report.failures:
            raise RuntimeError(f"analyser failures: {report.failures}")

    plan = [
        (
            "bytes -> reader -> extract",
            st.binary(max_size=4000),
            lambda data: extract(read_bytes(data, source="soak")),
            3000,
        ),
        ("HTML -> extract", html_documents(), lambda html: extract(from_html(html)), 2500),
        ("text export -> extract", st.text(max_size=3000), lambda text: extract(from_text(text)), 2000),
        ("URL checks", urls(), check_url, 2000),
        (f"all analysers ({args.profile})", article_like_text(), analyse_text, 1000),
    ]
    results = [soak(name, strategy, check, max(1, int(cases * args.scale))) for name, strategy, check, cases in plan]
    print_table(
        "Soak",
        ["property", "cases", "crashes", "clear errors", "seconds"],
        [[r["property"], r["cases"], r["crashes"], r["clear_errors"], r["seconds"]] for r in results],
    )
    total = sum(r["cases"] for r in results)
    crashes = sum(r["crashes"] for r in results)
    print(f"{total} cases, {crashes} crashes")
    write_result(
        "soak",
        {
            "total_cases": total,
            "crashes": crashes,
            "analysers": app.pipeline.names,
            "profile": args.profile,
            "results": results,
            "target": {"cases_min": 10000, "crashes": 0},
        },
    )


if __name__ == "__main__":
    main()
