"""Site fingerprints read from whole pages: IDs with their evidence, the stop-list, the page template."""

from __future__ import annotations

from newsprobe.document import SiteFingerprint
from newsprobe.extract import extract
from newsprobe.ingest import from_html
from newsprobe.report import render_markdown
from newsprobe.report.model import Report

from .sites import SITES, page

TEXT = "\n".join(
    [
        "The city council met on Tuesday to discuss the budget for next year, which funds schools and roads.",
        "Members argued for three hours before a vote that passed by seven votes to four, the clerk said.",
        "Residents who spoke at the meeting asked for more buses on the routes that serve the northern suburbs.",
    ]
)


def fingerprints(name: str, variant: int = 0, text: str = TEXT) -> list[SiteFingerprint]:
    html = page(
        SITES[name], f"Council passes the budget {variant}", text, "2024-03-01T10:00:00+00:00", "budget", variant
    )
    return extract(from_html(html)).metadata.site_fingerprints


def by_kind(found: list[SiteFingerprint]) -> dict[str, list[SiteFingerprint]]:
    kinds: dict[str, list[SiteFingerprint]] = {}
    for fingerprint in found:
        kinds.setdefault(fingerprint.kind, []).append(fingerprint)
    return kinds


def test_tracking_ids_are_read_with_their_evidence() -> None:
    alpha, beta, delta = by_kind(fingerprints("alpha")), by_kind(fingerprints("beta")), by_kind(fingerprints("delta"))
    # the account, not the property number: alpha's UA-4471234-1 and beta's UA-4471234-7 are one account
    assert [f.value for f in alpha["Google Analytics"]] == ["UA-4471234"] == [f.value for f in beta["Google Analytics"]]
    assert "UA-4471234-1" in alpha["Google Analytics"][0].evidence
    assert "UA-4471234-7" in beta["Google Analytics"][0].evidence
    assert [f.value for f in alpha["Google Tag Manager"]] == ["GTM-K7Q2ZP"]
    assert [f.value for f in alpha["Facebook pixel"]] == ["4411223344556677"]
    assert "fbq('init'" in alpha["Facebook pixel"][0].evidence
    assert [f.value for f in beta["AdSense publisher"]] == ["ca-pub-9876543210987654"]
    assert [f.value for f in delta["Yandex Metrica"]] == ["98765432"]  # ym(...) and the watch image: one counter
    assert [f.value for f in delta["theme"]] == ["portal-pro-custom"]
    assert [f.value for f in delta["generator"]] == ["WordPress 6.4.2"]
    assert all(f.shared is None for f in alpha["Google Analytics"] + delta["theme"])


def test_placeholder_ids_and_stock_themes_are_marked_shared_with_their_source() -> None:
    echo = by_kind(fingerprints("echo"))
    assert echo["Google Tag Manager"][0].value == "GTM-XXXX"
    assert "developers.google.com" in (echo["Google Tag Manager"][0].shared or "")
    assert "wordpress.org" in (echo["theme"][0].shared or "")
    assert "twentytwentyfour" in (echo["page template"][0].shared or "")


def test_the_page_template_is_the_same_on_every_page_of_a_site_and_differs_between_sites() -> None:
    def template(name: str, variant: int, text: str = TEXT) -> str:
        return by_kind(fingerprints(name, variant, text))["page template"][0].value

    longer = TEXT + "\n" + TEXT.replace("council", "mayor")
    # other article, other menu item active, more teasers in the sidebar: the same template
    assert template("gamma", 0) == template("gamma", 1, longer) == template("delta", 2)
    others = {template(name, 0) for name in ("alpha", "beta", "gamma", "golf", "hotel", "relay1", "relay2")}
    assert len(others) == 7
    evidence = by_kind(fingerprints("gamma"))["page template"][0].evidence
    assert evidence.startswith(tuple(f"{n} page blocks" for n in range(20, 200)))
    assert "header.pp-header" in evidence and "footer.pp-footer" in evidence


def test_plain_text_and_bare_pages_have_no_fingerprints() -> None:
    bare = "<html><head><title>Hi</title></head><body><p>" + TEXT + "</p></body></html>"
    assert extract(from_html(bare)).metadata.site_fingerprints == []


def test_the_report_says_it_in_plain_words() -> None:
    raw = from_html(page(SITES["echo"], "Council", TEXT, "2024-03-01", "budget"))
    markdown = render_markdown(Report(input=raw.description, article=extract(raw)))
    assert "**Site fingerprint:** Google Analytics account UA-6660001\n" in markdown
    assert "**Site fingerprint:** page template " in markdown and "page blocks outside" not in markdown
    assert "shared, so not a link: the placeholder of Google's Tag Manager install snippet" in markdown
