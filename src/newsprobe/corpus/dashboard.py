"""`newsprobe corpus report`: one self-contained HTML dashboard with charts rendered offline.

Each chart is a matplotlib figure saved as SVG and inlined (matplotlib escapes the text it
draws). A chart whose tables are empty (its analyser did not run) shows a one-line note instead.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote_plus

from ..document import GenreLabel
from ..errors import InputError
from ..languages import language_name
from ..report.words import analyser_title, verdict
from .explore import UNKNOWN_OUTLET
from .networks import LINK_KIND_WORDS, find_networks
from .store import CorpusStore

__all__ = ["Chart", "Scope", "build_charts", "choose_scope", "render_dashboard", "write_dashboard"]

REPORT_INSTALL_HINT = "the corpus report needs matplotlib (a dependency of newsprobe): reinstall newsprobe"
TOP_OUTLETS = 12
#: Per-outlet comparisons leave out outlets with fewer articles than this (`--min-articles`).
MIN_ARTICLES = 5
MAX_NETWORKS = 50
STATE_COLOUR, OTHER_COLOUR, LAUNDER_COLOUR = "#c0392b", "#2c6fbb", "#c0392b"
# a scatter label's extent as shares of the axes: a dot closer than this to a named one stays unnamed
LABEL_WIDTH, LABEL_HEIGHT = 0.18, 0.04


@dataclass
class Chart:
    key: str
    title: str
    help: str
    empty: str
    svg: Any = None  # markupsafe.Markup of an <svg> element, or None when there is no data
    n: str = ""  # what the chart counts, e.g. "n = 1,204 articles from 9 outlets with at least 5 articles each"
    link: str = ""  # the explorer table behind the chart (served dashboards only)
    rows: list[tuple[str, int, str]] = field(default_factory=list)  # (label, count, explorer link) per bar


#: A chart: its figure and its n sentence, or None when there is nothing to draw.
Drawn = tuple[Any, str] | None


@dataclass(frozen=True)
class Scope:
    """Which articles the per-outlet charts compare: one genre (news by default) or all."""

    genre: str | None
    note: str
    min_articles: int = MIN_ARTICLES

    @property
    def genre_filter(self) -> str:
        """The explorer's query string for this scope's articles ('' for all genres)."""
        return f"genre={self.genre}" if self.genre else ""

    @property
    def articles(self) -> str:
        """The articles table, or the subquery of the chosen genre (the genre is one of GenreLabel)."""
        return "articles" if self.genre is None else f"(SELECT * FROM articles WHERE genre = '{self.genre}')"


def choose_scope(store: CorpusStore, genre: str = "news", min_articles: int = MIN_ARTICLES) -> Scope:
    """The chosen genre, unless the store has no genres at all (written before genres were recorded)."""
    if min_articles < 1:
        raise InputError(f"--min-articles must be 1 or more (got {min_articles})")
    if genre != "all" and genre not in get_args(GenreLabel):
        raise InputError(f"unknown genre {genre!r} (use one of: {', '.join(get_args(GenreLabel))}, all)")
    counts = {row["genre"]: row["n"] for row in _rows(store, "SELECT genre, count(*) AS n FROM articles GROUP BY 1")}
    total = sum(counts.values())
    if genre == "all":
        return Scope(None, f"Outlets are compared on all {total:,} articles, whatever their genre.", min_articles)
    if not any(counts.get(label) for label in get_args(GenreLabel)):
        return Scope(
            None,
            f"No article in this store has a genre, so outlets are compared on all {total:,} articles.",
            min_articles,
        )
    others = ", ".join(
        f"{counts[label]:,} {label}" for label in get_args(GenreLabel) if counts.get(label) and label != genre
    )
    return Scope(
        genre,
        f"Outlets are compared on {genre} articles only: {counts.get(genre, 0):,} of {total:,} articles"
        + (f" (left out: {others})" if others else "")
        + ". Every per-outlet figure shows its n (articles); `newsprobe corpus report --genre all` compares them all.",
        min_articles,
    )


def _rows(store: CorpusStore, sql: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = store.query(sql).to_pylist()
    return rows


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise InputError(REPORT_INSTALL_HINT) from None
    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure: Any, key: str) -> Any:
    import matplotlib
    from markupsafe import Markup

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": key, "font.size": 9}):
        figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    text = text[text.find("<svg") :]
    text = re.sub(r'id="([^"]+)"', lambda m: f'id="{key}-{m.group(1)}"', text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{key}-{m.group(1)})", text)
    text = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{key}-{m.group(1)}"', text)
    return Markup(text)  # generated by matplotlib, which escapes every label it draws


def _short(label: Any, width: int = 28) -> str:
    text = str(label) if label is not None else UNKNOWN_OUTLET
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- charts


def _with_n(label: Any, n: int, width: int = 28) -> str:
    return f"{_short(label, width)} (n={n:,})"


def _outlets_n(articles: int, outlets: int, scope: Scope) -> str:
    return (
        f"n = {articles:,} articles from {outlets:,} outlet{'s' if outlets != 1 else ''} "
        f"with at least {scope.min_articles} articles each"
    )


def technique_profile(store: CorpusStore, scope: Scope) -> Drawn:
    rows = _rows(
        store,
        f"""
        WITH top AS (SELECT coalesce(a.outlet, a.domain, '{UNKNOWN_OUTLET}') AS outlet, count(*) AS n
                     FROM {scope.articles} a JOIN propaganda p ON p.article_id = a.id
                     GROUP BY 1 HAVING count(*) >= {scope.min_articles} ORDER BY n DESC, 1 LIMIT {TOP_OUTLETS})
        SELECT t.outlet, t.n AS articles, s.technique_name AS technique, count(s.article_id) AS spans
        FROM top t JOIN {scope.articles} a ON coalesce(a.outlet, a.domain, '{UNKNOWN_OUTLET}') = t.outlet
        LEFT JOIN propaganda_spans s ON s.article_id = a.id AND NOT s.in_title AND s.technique_name IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 3""",
    )
    techniques = sorted({r["technique"] for r in rows if r["technique"]})
    if not techniques:
        return None
    # an outlet whose articles have no highlighted span is a bar of 0, not left out (it had been: the
    # chart then compared only the outlets that had spans)
    outlets = sorted(
        {r["outlet"] for r in rows}, key=lambda o: -sum(r["spans"] / r["articles"] for r in rows if r["outlet"] == o)
    )
    per = {(r["outlet"], r["technique"]): r["spans"] / r["articles"] for r in rows if r["technique"]}
    n = {r["outlet"]: r["articles"] for r in rows}
    figure = _figure(10, 0.9 + 0.38 * len(outlets))
    axes = figure.subplots()
    import matplotlib

    colours = matplotlib.colormaps["tab20"]
    left = [0.0] * len(outlets)
    for index, technique in enumerate(techniques):
        values = [per.get((outlet, technique), 0.0) for outlet in outlets]
        axes.barh([_with_n(o, n[o]) for o in outlets], values, left=left, label=technique, color=colours(index % 20))
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("highlighted propaganda spans per article")
    axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return figure, _outlets_n(sum(n.values()), len(outlets), scope)


def reliability_scatter(store: CorpusStore, scope: Scope) -> Drawn:
    rows = _rows(
        store,
        f"""
        SELECT a.domain, any_value(o.name) AS name, any_value(o.reliability) AS reliability,
               any_value(o.state_affiliated) AS state, count(*) AS articles,
               1000.0 * sum(p.spans) / greatest(sum(a.words), 1) AS density
        FROM {scope.articles} a JOIN propaganda p ON p.article_id = a.id JOIN outlets o ON o.domain = a.domain
        WHERE o.reliability IS NOT NULL GROUP BY a.domain HAVING count(*) >= {scope.min_articles}""",
    )
    if not rows:
        return None
    figure = _figure(8, 5)
    axes = figure.subplots()
    top = max(row["density"] for row in rows) or 1.0
    labelled: list[tuple[float, float]] = []
    for row in sorted(rows, key=lambda r: (not r["state"], -r["articles"], r["domain"])):
        colour = STATE_COLOUR if row["state"] else OTHER_COLOUR
        axes.scatter(
            row["reliability"], row["density"], s=20 + 12 * math.sqrt(row["articles"]), color=colour, alpha=0.7
        )
        at = (row["reliability"] / 1.05, row["density"] / top)  # where the label goes, as shares of the axes
        if all(abs(at[0] - x) > LABEL_WIDTH or abs(at[1] - y) > LABEL_HEIGHT for x, y in labelled):
            labelled.append(at)
            axes.annotate(
                _with_n(row["domain"], row["articles"], 22),
                (row["reliability"], row["density"]),
                fontsize=7,
                xytext=(4, 3),
                textcoords="offset points",
            )
    axes.set_xlim(0, 1.05)
    axes.set_ylim(bottom=0)
    axes.set_xlabel("outlet reliability (Lin et al. 2023 pc1, 0 = lowest)")
    axes.set_ylabel("highlighted propaganda spans per 1,000 words")
    axes.scatter([], [], color=STATE_COLOUR, label="state-affiliated")
    axes.scatter([], [], color=OTHER_COLOUR, label="other")
    axes.legend(frameon=False, fontsize=8, loc="best")
    n = _outlets_n(sum(r["articles"] for r in rows), len(rows), scope)
    unlabelled = len(rows) - len(labelled)
    return figure, n + (
        f"; {unlabelled} dots too close to another to be named (the outlets table lists all)" if unlabelled else ""
    )


def syndication_network(store: CorpusStore, scope: Scope) -> Drawn:
    edges = _rows(
        store,
        f"""
        SELECT coalesce(original_outlet, original_domain, '{UNKNOWN_OUTLET}') AS source,
               coalesce(copy_outlet, copy_domain, '{UNKNOWN_OUTLET}') AS target, ordered, count(*) AS n,
               coalesce(bool_or(edited), false) AS edited
        FROM syndication GROUP BY 1, 2, 3""",
    )
    if not edges:
        return None
    launder = {
        (r["o"], r["c"])
        for r in _rows(
            store,
            f"""
        SELECT coalesce(original_outlet, original_domain, '{UNKNOWN_OUTLET}') AS o,
               coalesce(copy_outlet, copy_domain, '{UNKNOWN_OUTLET}') AS c FROM laundering_candidates""",
        )
    }
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        weight[edge["source"]] += edge["n"]
        weight[edge["target"]] += edge["n"]
    nodes = sorted(weight, key=lambda n: (-weight[n], n))[:40]
    position = {
        node: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
        for i, node in enumerate(nodes)
    }
    figure = _figure(9, 8)
    axes = figure.subplots()
    for edge in edges:
        if edge["source"] not in position or edge["target"] not in position:
            continue
        start, end = position[edge["source"]], position[edge["target"]]
        colour = LAUNDER_COLOUR if (edge["source"], edge["target"]) in launder else "#7f8c9d"
        if edge["source"] == edge["target"]:
            axes.scatter(*start, s=300, facecolors="none", edgecolors=colour, linewidths=0.8)
            continue
        axes.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={
                "arrowstyle": "-|>" if edge["ordered"] else "-",
                "linestyle": "--" if edge["edited"] else "-",
                "color": colour,
                "lw": 0.6 + math.log1p(edge["n"]),
                "alpha": 0.7,
                "shrinkA": 8,
                "shrinkB": 8,
                "connectionstyle": "arc3,rad=0.08",
            },
        )
    for node, (x, y) in position.items():
        axes.scatter(x, y, s=30 + 15 * math.sqrt(weight[node]), color=OTHER_COLOUR, zorder=3)
        axes.annotate(
            _short(node, 24),
            (x, y),
            fontsize=7,
            xytext=(6 * x, 6 * y),
            textcoords="offset points",
            ha="left" if x >= 0 else "right",
            va="center",
        )
    axes.set_xlim(-1.6, 1.6)
    axes.set_ylim(-1.3, 1.3)
    axes.set_axis_off()
    pairs = sum(edge["n"] for edge in edges)
    shown = f" (the {len(nodes)} most connected shown)" if len(nodes) < len(weight) else ""
    return figure, f"n = {pairs:,} near-duplicate pairs between {len(weight):,} outlets{shown}"


def quoted_speakers(store: CorpusStore, scope: Scope) -> Drawn:
    rows = _rows(
        store,
        f"""
        WITH large AS (SELECT coalesce(outlet, domain, '{UNKNOWN_OUTLET}') AS outlet, count(*) AS size
                       FROM {scope.articles}
                       GROUP BY 1 HAVING count(*) >= {scope.min_articles}),
        resolved AS (
            SELECT coalesce(a.outlet, a.domain, '{UNKNOWN_OUTLET}') AS outlet, q.speaker, q.article_id
            FROM quotes q JOIN {scope.articles} a ON a.id = q.article_id
            WHERE q.speaker_kind IS NOT NULL
              AND coalesce(a.outlet, a.domain, '{UNKNOWN_OUTLET}') IN (SELECT outlet FROM large)),
        counts AS (SELECT outlet, speaker, count(*) AS n FROM resolved GROUP BY 1, 2),
        articles AS (SELECT outlet, count(DISTINCT article_id) AS articles FROM resolved GROUP BY 1),
        top AS (SELECT outlet FROM counts GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT 6),
        ranked AS (SELECT c.*, row_number() OVER (PARTITION BY c.outlet ORDER BY n DESC, speaker) AS r
                   FROM counts c JOIN top USING (outlet))
        SELECT outlet, speaker, n, articles FROM ranked JOIN articles USING (outlet)
        WHERE r <= 6 ORDER BY outlet, n DESC""",
    )
    if not rows:
        return None
    outlets = sorted({r["outlet"] for r in rows})
    columns = min(3, len(outlets))
    lines = math.ceil(len(outlets) / columns)
    figure = _figure(4 * columns, 2.4 * lines)
    grid = figure.subplots(lines, columns, squeeze=False)
    for axes in grid.flat[len(outlets) :]:
        axes.set_axis_off()
    for axes, outlet in zip(grid.flat, outlets, strict=False):
        mine = [r for r in rows if r["outlet"] == outlet]
        axes.barh([_short(r["speaker"], 22) for r in mine], [r["n"] for r in mine], color=OTHER_COLOUR)
        axes.invert_yaxis()
        axes.set_title(_with_n(outlet, mine[0]["articles"], 30), fontsize=9)
        axes.tick_params(labelsize=7)
    articles = sum({r["outlet"]: r["articles"] for r in rows}.values())
    return figure, f"n = {articles:,} articles with a resolved speaker, from {len(outlets)} outlets " + (
        f"with at least {scope.min_articles} articles each; the 6 most-quoted speakers of each"
    )


def articles_over_time(store: CorpusStore, scope: Scope) -> Drawn:
    rows = _rows(
        store,
        f"""
        WITH dated AS (SELECT coalesce(outlet, domain, '{UNKNOWN_OUTLET}') AS outlet, substr(published, 1, 7) AS month
                       FROM {scope.articles}
                       WHERE published IS NOT NULL AND regexp_matches(published, '^\\d{{4}}-\\d{{2}}')),
        top AS (SELECT outlet FROM dated GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8)
        SELECT month, CASE WHEN outlet IN (SELECT outlet FROM top) THEN outlet ELSE 'other' END AS outlet, count(*) AS n
        FROM dated GROUP BY 1, 2 ORDER BY 1""",
    )
    if not rows:
        return None
    months = sorted({r["month"] for r in rows})
    outlets = sorted({r["outlet"] for r in rows}, key=lambda o: (o == "other", o))
    counts = {(r["month"], r["outlet"]): r["n"] for r in rows}
    totals = {outlet: sum(r["n"] for r in rows if r["outlet"] == outlet) for outlet in outlets}
    figure = _figure(10, 4)
    axes = figure.subplots()
    import matplotlib

    colours = matplotlib.colormaps["tab10"]
    bottom = [0] * len(months)
    for index, outlet in enumerate(outlets):
        values = [counts.get((m, outlet), 0) for m in months]
        axes.bar(months, values, bottom=bottom, label=_with_n(outlet, totals[outlet]), color=colours(index % 10))
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    axes.set_ylabel("articles")
    if len(months) > 12:
        for label in axes.get_xticklabels():
            label.set_rotation(60)
            label.set_fontsize(7)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure, f"n = {sum(totals.values()):,} articles with a publication date, {len(months)} months"


VERDICT_ORDER = ("original", "attributed_republication", "wire_copy", "uncredited_copy", "suspected_laundering")
VERDICT_COLOURS = {"uncredited_copy": "#e08e0b", "suspected_laundering": LAUNDER_COLOUR}


def verdict_counts(store: CorpusStore, scope: Scope) -> list[dict[str, Any]]:
    rows = _rows(
        store,
        f"""SELECT p.verdict, count(*) AS n FROM provenance p JOIN {scope.articles} a ON a.id = p.article_id
            GROUP BY 1""",
    )
    rank = {verdict: i for i, verdict in enumerate(VERDICT_ORDER)}
    return sorted(rows, key=lambda r: rank.get(r["verdict"], len(rank)))


def provenance_verdicts(store: CorpusStore, scope: Scope) -> Drawn:
    rows = verdict_counts(store, scope)
    if not rows:
        return None
    figure = _figure(8, 0.8 + 0.4 * len(rows))
    axes = figure.subplots()
    labels = [verdict(r["verdict"]) for r in rows]
    colours = [VERDICT_COLOURS.get(r["verdict"], OTHER_COLOUR) for r in rows]
    axes.barh(labels, [r["n"] for r in rows], color=colours)
    for index, row in enumerate(rows):
        axes.annotate(f"{row['n']:,}", (row["n"], index), xytext=(3, 0), textcoords="offset points", va="center")
    axes.invert_yaxis()
    axes.set_xlabel("articles")
    return figure, f"n = {sum(r['n'] for r in rows):,} articles with a provenance verdict"


def _explorer_rows(store: CorpusStore, scope: Scope, key: str) -> list[tuple[str, int, str]]:
    """Per-bar links into the explorer's article table, for the charts whose bars are article filters."""
    genre = "&" + scope.genre_filter if scope.genre_filter else ""
    if key == "verdicts":
        return [
            (verdict(r["verdict"]), r["n"], f"/corpus/articles?verdict={r['verdict']}{genre}")
            for r in verdict_counts(store, scope)
        ]
    if key == "techniques":
        rows = _rows(
            store,
            f"""SELECT s.technique_name AS name, count(DISTINCT s.article_id) AS n FROM propaganda_spans s
                JOIN {scope.articles} a ON a.id = s.article_id WHERE NOT s.in_title AND s.technique_name IS NOT NULL
                GROUP BY 1 ORDER BY n DESC, 1""",
        )
        return [(r["name"], r["n"], f"/corpus/articles?technique={quote_plus(r['name'])}{genre}") for r in rows]
    return []


#: The charts that compare outlets, and so leave out outlets with fewer than `Scope.min_articles` articles.
PER_OUTLET = ("techniques", "reliability", "speakers")

EXPLORER_LINKS = {
    "verdicts": "/corpus/articles?sort=verdict",
    "techniques": "/corpus/articles",
    "reliability": "/corpus/outlets",
    "syndication": "/corpus/syndication",
    "speakers": "/corpus/speakers",
    "timeline": "/corpus/articles?sort=-published",
}

CHARTS: list[tuple[str, str, str, str, Callable[[CorpusStore, Scope], Drawn]]] = [
    (
        "verdicts",
        "Provenance verdicts",
        "Articles by provenance verdict: original, credited republication, wire copy, uncredited copy, "
        "suspected laundering (an uncredited copy of an outlet a list flags).",
        "No provenance results in the store (run with the provenance analyser).",
        provenance_verdicts,
    ),
    (
        "techniques",
        "Propaganda technique profile per outlet",
        "Average number of highlighted spans (the precision-first ones a report shows) of each technique per "
        "article, for the outlets with most analysed articles.",
        "No propaganda spans from an outlet with enough articles (run with the propaganda analyser).",
        technique_profile,
    ),
    (
        "reliability",
        "Outlet reliability vs propaganda density",
        "Each dot is an outlet the reliability table knows; size = articles; red = state-affiliated.",
        "No outlet with a reliability score, propaganda results and enough articles.",
        reliability_scatter,
    ),
    (
        "syndication",
        "Syndication network",
        "Outlets linked when their articles are near-duplicates, whatever their genre; arrows point from the "
        "earlier copy; dashed = the copy edited the headline or the text; red = laundering candidate.",
        "No near-duplicate articles across the corpus.",
        syndication_network,
    ),
    (
        "speakers",
        "Most-quoted speakers per outlet",
        "Attributed quotes (direct and indirect) per resolved speaker.",
        "No resolved quotes from an outlet with enough articles (run with the quotes analyser).",
        quoted_speakers,
    ),
    (
        "timeline",
        "Articles over time",
        "Articles per month by publication date, for the largest outlets.",
        "No article has a publication date.",
        articles_over_time,
    ),
]


def build_charts(store: CorpusStore, scope: Scope, explorer: bool = False) -> list[Chart]:
    """The charts; with `explorer` (the dashboard served by `newsprobe serve --store`) each links to its table."""
    charts = []
    for key, title, help_text, empty, draw in CHARTS:
        chart = Chart(key=key, title=title, help=help_text, empty=empty)
        drawn = draw(store, scope)
        if drawn is None and key in PER_OUTLET:
            chart.empty += f" Outlets with fewer than {scope.min_articles} articles are not compared (--min-articles)."
        if drawn is not None:
            chart.svg, chart.n = _svg(drawn[0], key), drawn[1]
            if explorer:
                base = EXPLORER_LINKS[key]
                genre = scope.genre_filter if base.startswith("/corpus/articles") else ""
                chart.link = base + ("&" if "?" in base else "?") + genre if genre else base
                chart.rows = _explorer_rows(store, scope, key)
        charts.append(chart)
    return charts


def _tiles(store: CorpusStore) -> dict[str, int]:
    sql = """SELECT (SELECT count(*) FROM articles) AS articles,
                    (SELECT count(DISTINCT coalesce(outlet, domain)) FROM articles) AS outlets,
                    (SELECT count(*) FROM quotes) AS quotes,
                    (SELECT count(*) FROM claims WHERE checkworthy) AS claims,
                    (SELECT count(*) FROM propaganda_spans WHERE NOT in_title) AS spans,
                    (SELECT count(*) FROM near_duplicates) AS pairs,
                    (SELECT count(*) FROM laundering_candidates) AS laundering,
                    (SELECT count(*) FROM copy_edits WHERE edited) AS edited,
                    (SELECT count(*) FROM fact_checks) AS fact_checks,
                    (SELECT count(*) FROM errors) AS errors"""
    return _rows(store, sql)[0]


def _languages_and_genres(store: CorpusStore) -> list[dict[str, Any]]:
    rows = _rows(
        store,
        """SELECT language, coalesce(genre, '(none)') AS genre, count(*) AS n
           FROM articles GROUP BY 1, 2 ORDER BY n DESC, 1, 2""",
    )
    return [{**row, "language": language_name(row["language"])} for row in rows]


def _not_run(store: CorpusStore) -> list[dict[str, Any]]:
    """Why analysers did not run, one row per reason: 'Entities, Quotes and speakers, … | not run: English-only
    model; this article is Portuguese | 3 articles' (it was one row per analyser and reason)."""
    rows = _rows(
        store,
        """SELECT list(DISTINCT analyser ORDER BY analyser) AS analysers, any_value(message) AS message,
                  count(DISTINCT article_id) AS n
           FROM skipped_analyses GROUP BY reason, language ORDER BY n DESC, message""",
    )
    return [{**row, "analysers": ", ".join(map(analyser_title, row["analysers"]))} for row in rows]


def render_dashboard(
    store: CorpusStore, genre: str = "news", min_articles: int = MIN_ARTICLES, explorer: bool = False
) -> str:
    from jinja2 import Environment

    from .._version import __version__
    from ._dashboard_template import TEMPLATE

    tiles = _tiles(store)
    labels = [
        ("articles", "articles"),
        ("outlets", "outlets"),
        ("quotes", "quotes"),
        ("claims", "check-worthy claims"),
        ("spans", "highlighted propaganda spans"),
        ("pairs", "near-duplicate pairs"),
        ("laundering", "laundering candidates"),
        ("edited", "edited copies"),
        ("fact_checks", "fact-checks (ClaimReview)"),
        ("errors", "errors"),
    ]
    laundering = _rows(
        store,
        """SELECT l.*, a.title FROM laundering_candidates l JOIN articles a ON a.id = l.copy_id
                                 ORDER BY l.jaccard DESC LIMIT 50""",
    )
    edited = _rows(
        store,
        """SELECT coalesce(o.outlet, o.domain) AS original_outlet, coalesce(c.outlet, c.domain) AS copy_outlet,
                  e.title_before, e.title_after, e.loaded_language_added, e.summary
           FROM copy_edits e JOIN articles o ON o.id = e.original_id JOIN articles c ON c.id = e.copy_id
           WHERE e.edited ORDER BY e.title_changed DESC, e.passages_added + e.sentences_changed DESC LIMIT 50""",
    )
    errors = _rows(
        store,
        """SELECT stage, analyser, count(*) AS n, any_value(message) AS message
                             FROM errors GROUP BY 1, 2 ORDER BY n DESC""",
    )
    scope = choose_scope(store, genre, min_articles)
    environment = Environment(autoescape=True)
    return environment.from_string(TEMPLATE).render(
        store_name=store.directory.name,
        version=__version__,
        created=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        tiles=tiles,
        tile_list=[(label, f"{tiles[key]:,}") for key, label in labels],
        scope=scope,
        charts=build_charts(store, scope, explorer),
        languages=_languages_and_genres(store),
        not_run=_not_run(store),
        laundering=laundering,
        edited=edited,
        networks=find_networks(store)[:MAX_NETWORKS],
        link_words=LINK_KIND_WORDS,
        errors=errors,
    )


def write_dashboard(
    store_dir: str | Path, out: str | Path, genre: str = "news", min_articles: int = MIN_ARTICLES
) -> Path:
    with CorpusStore(store_dir, read_only=True) as store:
        html = render_dashboard(store, genre, min_articles)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out
