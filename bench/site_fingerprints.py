"""Site fingerprints on the 88 real pages of the extraction benchmark: cost and what they link.

Cost: CPU time of `read_site_fingerprints` per page against the CPU time of the whole extraction
(`extract`, which includes it), measured in alternating passes so machine load hits both alike; the
target is at most 5% of the extraction without it.

Quality: (1) the page template hash is the same on two pages of one site (15 sites have two pages
here); (2) a tracking ID or template hash shared across domains is a link: every such link must
join sites of one owner (KNOWN_OWNERS below, from the owners' own corporate pages), else it is false.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from _common import EXTRACTION_PAGES, extraction_pages, print_table, write_result
from trafilatura.utils import load_html

from newsprobe.document import LINKING_KINDS
from newsprobe.extract import extract
from newsprobe.extract.fingerprints import read_site_fingerprints
from newsprobe.ingest import from_html

#: Sites of one owner among the benchmark's pages (a link between them is true).
KNOWN_OWNERS = {
    "www.theverge.com": "Vox Media",
    "www.vox.com": "Vox Media",
    "www.nj.com": "Advance Local",
    "www.cleveland.com": "Advance Local",
    "www.space.com": "Future plc",
    "www.livescience.com": "Future plc",
}


def cpu_per_page(run: Callable[[str, str], None], pages: list[tuple[str, str]]) -> float:
    started = time.process_time()
    for html, url in pages:
        run(html, url)
    return (time.process_time() - started) / len(pages)


def fingerprints_only(html: str, url: str) -> None:
    read_site_fingerprints(load_html(html), html)


def parse_only(html: str, url: str) -> None:
    load_html(html)


def extraction(html: str, url: str) -> None:
    extract(from_html(html, url=url))


def quality(pages: list[tuple[str, str]]) -> dict[str, Any]:
    templates: dict[str, list[str | None]] = defaultdict(list)
    domains_by_value: dict[tuple[str, str], set[str]] = defaultdict(set)
    for html, url in pages:
        host = urlparse(url).netloc
        found = extract(from_html(html, url=url)).metadata.site_fingerprints
        template = next((f.value for f in found if f.kind == "page template"), None)
        templates[host].append(template)
        for fingerprint in found:
            if fingerprint.kind in LINKING_KINDS and not fingerprint.shared:
                domains_by_value[fingerprint.kind, fingerprint.value].add(host)
    repeated = [values for values in templates.values() if len(values) > 1]
    links = [
        (kind, value, a, b)
        for (kind, value), hosts in domains_by_value.items()
        for a, b in combinations(sorted(hosts), 2)
    ]
    false = [link for link in links if not (KNOWN_OWNERS.get(link[2]) == KNOWN_OWNERS.get(link[3]) is not None)]
    return {
        "sites_with_two_pages": len(repeated),
        "same_template_on_both_pages": sum(1 for v in repeated if v[0] is not None and len(set(v)) == 1),
        "pages_with_template": sum(1 for v in templates.values() for t in v if t),
        "cross_site_links": [f"{a} – {b}: {kind} {value}" for kind, value, a, b in links],
        "false_links": len(false),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=EXTRACTION_PAGES)
    parser.add_argument("--repeat", type=int, default=3, help="alternating timed passes; the fastest is kept")
    args = parser.parse_args()
    pages = [(page.html, page.url) for page in extraction_pages(args.data)]
    timings: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        for name, run in (("extraction", extraction), ("fingerprints", fingerprints_only), ("parse", parse_only)):
            timings[name].append(cpu_per_page(run, pages))
    best = {name: min(values) for name, values in timings.items()}
    fingerprint_ms = max(best["fingerprints"] - best["parse"], 0.0) * 1000
    extraction_ms = best["extraction"] * 1000
    share = fingerprint_ms / (extraction_ms - fingerprint_ms)
    found = quality(pages)
    print_table(
        f"Site fingerprints, {len(pages)} pages",
        ["extraction ms/page", "fingerprints ms/page", "share of extraction", "same template", "false links"],
        [
            [
                extraction_ms,
                fingerprint_ms,
                share,
                f"{found['same_template_on_both_pages']}/{found['sites_with_two_pages']}",
                found["false_links"],
            ]
        ],
    )
    for link in found["cross_site_links"]:
        print("  link:", link)
    path = write_result(
        "site_fingerprints",
        {
            "pages": len(pages),
            "extraction_cpu_ms_per_page": extraction_ms,
            "fingerprints_cpu_ms_per_page": fingerprint_ms,
            "cost_share_of_extraction": share,
            **found,
            "load_average": os.getloadavg()[0],
            "targets": {"cost_share_max": 0.05, "false_links": 0},
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
