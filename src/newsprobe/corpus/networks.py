"""Outlet networks: outlets linked by shared tracking IDs, page templates and relayed stories.

`outlet_links` (a view, SQL over `articles`, `site_fingerprints`, `near_duplicates`, `outlets` and
`provenance_links`) has one row per outlet pair and kind of link:

- ``tracking_id``: both sites load the same analytics, tag-manager, advertising or pixel account;
- ``template``: both serve the same page template (the hash of their page frame outside the article);
- ``relay``: both published copies of the same stories within RELAY_WINDOW_HOURS of each other, at
  least MIN_RELAYS times: near-duplicates, or translations with the same names, numbers and links
  (`crosslingual_copies`) (outlets that a list flags are the relayed sources, not relays;
  copies that credit a wire service are left out: newspapers run the same wire story at once).

An ID that a vendor or platform puts on unrelated sites is kept out by the stop-list (marked in
`site_fingerprints.shared`); one seen on more sites weighs less (1 / (1 + log2(sites / 2)) per pair),
and one seen on more than MAX_SHARING_SITES sites links nobody (a platform's, not an owner's).
Networks are the connected components of the links; each lists its outlets, its links with their
evidence and the listed outlets (state media, Information Laundromat, specious sites) it relays.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any
from xml.etree import ElementTree

from ..dedup.anchors import MIN_ANCHORS, MIN_CONTAINMENT
from ..document import LINKING_KINDS
from ..report.words import FINGERPRINT_KINDS
from .store import LAUNDERING_SOURCE, CorpusStore

__all__ = [
    "LINK_KIND_WORDS",
    "LINK_VIEWS",
    "MAX_SHARING_SITES",
    "MIN_RELAYS",
    "RELAY_WINDOW_HOURS",
    "Network",
    "connected_components",
    "find_networks",
    "networks_csv",
    "networks_graphml",
    "networks_json",
]

RELAY_WINDOW_HOURS = 24  # many pages give the day only: a day is the shortest window they can show
MIN_RELAYS = 2  # one shared story happens by chance; two within a day each is a pattern
MAX_SHARING_SITES = 100
MAX_ANCHOR_TEXTS = 100  # an anchor in more texts ("2024", "Trump") weighs little and is not joined on
TEMPLATE_WEIGHT = 0.5  # a shared template is weaker evidence of one owner than a shared account

#: outlet_links.kind in words, for every view.
LINK_KIND_WORDS = {"tracking_id": "shared tracking ID", "template": "same page template", "relay": "relayed stories"}

LISTS = """concat_ws(', ', CASE WHEN o.state_affiliated THEN 'state media list (' || o.state_label || ')' END,
                     CASE WHEN o.laundromat IS NOT NULL THEN 'Information Laundromat (' || o.laundromat || ')' END,
                     CASE WHEN o.specious THEN 'specious-sites list' END)"""

#: Pairs of articles in different languages with the same names, numbers and links (`dedup.anchors`, the same
#: weights and thresholds; anchors in more than MAX_ANCHOR_TEXTS texts count in the totals only).
CROSSLINGUAL_COPIES = f"""
WITH counted AS (SELECT count(DISTINCT article_id) AS texts FROM text_anchors),
frequency AS (SELECT anchor, count(*) AS texts FROM text_anchors GROUP BY anchor),
weighted AS (
    SELECT t.article_id, t.anchor, a.language, f.texts AS frequency,
           ln((c.texts + 1.0) / (f.texts + 1)) + 0.001 AS weight
    FROM text_anchors t JOIN frequency f ON f.anchor = t.anchor JOIN articles a ON a.id = t.article_id
    CROSS JOIN counted c WHERE a.language IS NOT NULL),
totals AS (SELECT article_id, sum(weight) AS total FROM weighted GROUP BY article_id),
shared AS (
    SELECT x.article_id AS a_id, y.article_id AS b_id, count(*) AS shared, sum(x.weight) AS shared_weight
    FROM weighted x JOIN weighted y
      ON y.anchor = x.anchor AND x.article_id < y.article_id AND x.language <> y.language
    WHERE x.frequency <= {MAX_ANCHOR_TEXTS}
    GROUP BY 1, 2 HAVING count(*) >= {MIN_ANCHORS})
SELECT s.a_id, s.b_id, s.shared, s.shared_weight / least(ta.total, tb.total) AS containment
FROM shared s JOIN totals ta ON ta.article_id = s.a_id JOIN totals tb ON tb.article_id = s.b_id
WHERE s.shared_weight / least(ta.total, tb.total) >= {MIN_CONTAINMENT}
"""

_KINDS = ", ".join(f"'{kind}'" for kind in LINKING_KINDS)
_KIND_WORDS = "CASE kind " + " ".join(f"WHEN '{k}' THEN '{FINGERPRINT_KINDS[k]}'" for k in LINKING_KINDS) + " END"

OUTLET_LINKS = f"""
WITH fingerprints AS (
    SELECT DISTINCT a.domain, f.kind, f.value
    FROM site_fingerprints f JOIN articles a ON a.id = f.article_id
    WHERE f.shared IS NULL AND a.domain IS NOT NULL AND f.kind IN ({_KINDS})),
spread AS (
    SELECT kind, value, count(*) AS sites FROM fingerprints GROUP BY kind, value
    HAVING count(*) BETWEEN 2 AND {MAX_SHARING_SITES}),
shared AS (
    SELECT x.domain AS a_domain, y.domain AS b_domain, x.kind, x.value, s.sites,
           (CASE WHEN x.kind = 'page template' THEN {TEMPLATE_WEIGHT} ELSE 1.0 END)
               / (1 + log2(s.sites / 2.0)) AS weight
    FROM fingerprints x JOIN fingerprints y ON x.kind = y.kind AND x.value = y.value AND x.domain < y.domain
    JOIN spread s ON s.kind = x.kind AND s.value = x.value),
listed AS (SELECT o.domain FROM outlets o WHERE {LAUNDERING_SOURCE}),
wire_credited AS (
    SELECT DISTINCT article_id FROM provenance_links
    WHERE kind = 'origin' AND is_wire AND coalesce(credited, true)),
dated AS (
    SELECT id, domain, title, try_cast(published AS TIMESTAMPTZ) AS at FROM articles
    WHERE domain IS NOT NULL AND domain NOT IN (SELECT domain FROM listed)
      AND id NOT IN (SELECT article_id FROM wire_credited)),
copies AS (
    SELECT a_id, b_id, 0 AS translated FROM near_duplicates
    UNION ALL SELECT a_id, b_id, 1 FROM crosslingual_copies),
relayed AS (
    SELECT least(a.domain, b.domain) AS a_domain, greatest(a.domain, b.domain) AS b_domain,
           coalesce(a.title, b.title) AS title, p.translated
    FROM copies p JOIN dated a ON a.id = p.a_id JOIN dated b ON b.id = p.b_id
    WHERE a.domain <> b.domain AND a.at IS NOT NULL AND b.at IS NOT NULL
      AND abs(epoch(a.at) - epoch(b.at)) <= {RELAY_WINDOW_HOURS} * 3600)
SELECT a_domain, b_domain,
       CASE WHEN kind = 'page template' THEN 'template' ELSE 'tracking_id' END AS kind,
       string_agg({_KIND_WORDS} || ' ' || value || ' on both (' || sites || ' sites in the corpus use it)', '; '
                  ORDER BY weight DESC, kind, value) AS evidence,
       least(1.0, sum(weight)) AS weight, count(*) AS count
FROM shared GROUP BY a_domain, b_domain, 3
UNION ALL
SELECT a_domain, b_domain, 'relay' AS kind,
       count(*) || ' stories published by both within {RELAY_WINDOW_HOURS} hours of each other'
           || CASE WHEN sum(translated) > 0 THEN ' (' || sum(translated)
                   || ' in another language, with the same names, numbers and links)' ELSE '' END
           || ', e.g. "' || min(title) || '"' AS evidence,
       count(*) / (count(*) + 2.0) AS weight, count(*) AS count
FROM relayed GROUP BY a_domain, b_domain HAVING count(*) >= {MIN_RELAYS}
"""

#: Views the store creates with its own (see `store.VIEWS`), in this order.
LINK_VIEWS = {"crosslingual_copies": CROSSLINGUAL_COPIES, "outlet_links": OUTLET_LINKS}

#: Copies of a listed outlet's stories, by copying outlet (the listed one published first, or the same day).
RELAYED_SOURCES = f"""
WITH copies AS (SELECT a_id, b_id FROM near_duplicates UNION ALL SELECT a_id, b_id FROM crosslingual_copies),
directed AS (SELECT a_id AS source_id, b_id AS copy_id FROM copies UNION ALL SELECT b_id, a_id FROM copies)
SELECT c.domain AS domain, s.domain AS source_domain, any_value(o.name) AS source_name,
       any_value({LISTS}) AS lists, count(*) AS copies
FROM directed d JOIN articles s ON s.id = d.source_id JOIN articles c ON c.id = d.copy_id
JOIN outlets o ON o.domain = s.domain
WHERE {LAUNDERING_SOURCE} AND c.domain IS DISTINCT FROM s.domain
  AND coalesce(left(s.published, 10) <= left(c.published, 10), true)
GROUP BY 1, 2 ORDER BY copies DESC
"""

OUTLETS = """
SELECT a.domain, coalesce(any_value(o.name), any_value(a.outlet)) AS name, count(*) AS articles
FROM articles a LEFT JOIN outlets o ON o.domain = a.domain WHERE a.domain IS NOT NULL GROUP BY a.domain
"""


@dataclass
class Network:
    """Outlets joined by links; `relayed` are the listed outlets whose stories its outlets copy."""

    id: int
    outlets: list[dict[str, Any]]
    links: list[dict[str, Any]]
    relayed: list[dict[str, Any]] = field(default_factory=list)


def _rows(store: CorpusStore, sql: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = store.query(sql).to_pylist()
    return rows


def connected_components(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of an undirected graph given by its edges (union-find), each sorted, largest first."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for node in parent:
        groups.setdefault(root(node), []).append(node)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: (-len(group), group[0]))


def find_networks(store: CorpusStore) -> list[Network]:
    """The connected components of `outlet_links`, largest first."""
    links = _rows(store, "SELECT * FROM outlet_links ORDER BY a_domain, b_domain, kind")
    outlets = {row["domain"]: row for row in _rows(store, OUTLETS)}
    relayed = _rows(store, RELAYED_SOURCES)
    networks = []
    components = connected_components((link["a_domain"], link["b_domain"]) for link in links)
    for number, members in enumerate(map(set, components), start=1):
        sources: dict[str, dict[str, Any]] = {}
        for row in relayed:
            if row["domain"] in members:
                source = sources.setdefault(
                    row["source_domain"],
                    {k: row[k] for k in ("source_domain", "source_name", "lists")} | {"copies": 0},
                )
                source["copies"] += row["copies"]
        networks.append(
            Network(
                id=number,
                outlets=[outlets.get(d, {"domain": d, "name": None, "articles": 0}) for d in sorted(members)],
                links=[link for link in links if link["a_domain"] in members],
                relayed=sorted(sources.values(), key=lambda s: -s["copies"]),
            )
        )
    return networks


def networks_json(networks: list[Network]) -> str:
    return json.dumps([asdict(network) for network in networks], ensure_ascii=False, indent=2, default=str) + "\n"


def networks_csv(networks: list[Network]) -> str:
    """An edge table Gephi imports as is (Source, Target, Type, Weight), with the kind and the evidence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Source", "Target", "Type", "Weight", "Kind", "Count", "Evidence", "Network"])
    for network in networks:
        for link in network.links:
            writer.writerow(
                [
                    link["a_domain"],
                    link["b_domain"],
                    "Undirected",
                    f"{link['weight']:.3f}",
                    link["kind"],
                    link["count"],
                    link["evidence"],
                    network.id,
                ]
            )
    return buffer.getvalue()


GRAPHML = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("name", "string"), ("articles", "int"), ("network", "int"), ("relays_listed", "string"))
EDGE_KEYS = (("kind", "string"), ("weight", "double"), ("count", "int"), ("evidence", "string"))


def networks_graphml(networks: list[Network]) -> str:
    """GraphML (Gephi, yEd, networkx): outlets as nodes, one edge per link and kind."""
    root = ElementTree.Element("graphml", xmlns=GRAPHML)
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ElementTree.SubElement(root, "key", {"id": name, "for": scope, "attr.name": name, "attr.type": kind})
    graph = ElementTree.SubElement(root, "graph", id="outlet_links", edgedefault="undirected")
    for network in networks:
        sources = "; ".join(f"{s['source_name'] or s['source_domain']} ({s['lists']})" for s in network.relayed)
        for outlet in network.outlets:
            node = ElementTree.SubElement(graph, "node", id=outlet["domain"])
            _data(node, name=outlet["name"] or outlet["domain"], articles=outlet["articles"], network=network.id)
            _data(node, relays_listed=sources)
        for index, link in enumerate(network.links):
            edge = ElementTree.SubElement(
                graph, "edge", id=f"n{network.id}e{index}", source=link["a_domain"], target=link["b_domain"]
            )
            _data(edge, kind=link["kind"], weight=f"{link['weight']:.3f}", count=link["count"])
            _data(edge, evidence=link["evidence"])
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _data(element: ElementTree.Element, **values: Any) -> None:
    for key, value in values.items():
        ElementTree.SubElement(element, "data", key=key).text = str(value)
