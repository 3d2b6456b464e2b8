"""Hypothesis strategies shared by the fuzz tests and bench/soak.py."""

from __future__ import annotations

from hypothesis import strategies as st

QUOTES = ['"', "“", "”", "‘", "’", "«", "»", "„", "'"]
WORDS = [
    "said",
    "according to",
    "Lavrov",
    "the minister",
    "he",
    "Moscow",
    "Washington",
    "“",
    "”",
    "attack",
    "June 18",
    "2017",
    "claimed",
    "terrorists",
    "US-led",
    "coalition",
    ",",
    ".",
    "\n\n",
    "©",
    "Source:",
    "By",
    "[/b]",  # markup of the views' own engines: Rich, Jinja, Markdown tables
    "[bold red]",
    "[sic]",
    "{{ x }}",
    "{% end %}",
    "|",
    "**",
    "<b>",
    "&amp;",
]
TAGS = ["p", "div", "span", "article", "h1", "h2", "a", "script", "style", "table", "td", "li", "meta", "title", "br"]


def article_like_text() -> st.SearchStrategy[str]:
    """Text mixing news vocabulary, quote marks and arbitrary Unicode."""
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.text(max_size=12))
    return st.lists(token, max_size=120).map(" ".join)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(TAGS))
        body = draw(st.one_of(article_like_text(), st.text(max_size=40)))
        attrs = draw(st.sampled_from(["", ' class="x"', ' href="javascript:alert(1)"', ' onerror="x()"', " lang=en"]))
        parts.append(f"<{tag}{attrs}>{body}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    return "<html><head><title>" + draw(st.text(max_size=30)) + "</title></head><body>" + "".join(parts)


def urls() -> st.SearchStrategy[str]:
    scheme = st.sampled_from(["http", "https", "file", "ftp", "gopher", "javascript", "", "HTTP"])
    host = st.one_of(
        st.text(max_size=30), st.ip_addresses().map(str), st.sampled_from(["localhost", "[::1]", "0x7f.1"])
    )
    return st.builds(lambda s, h, p: f"{s}://{h}/{p}", scheme, host, st.text(max_size=40))
