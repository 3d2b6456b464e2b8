"""The web page and the REST API say which analysers were not run on a non-English article, and why."""

from __future__ import annotations

import lxml.html

from .conftest import LiveServer

PORTUGUESE = (
    "A câmara municipal aprovou ontem o orçamento para o próximo ano, com os votos contra da oposição. "
    "Segundo o presidente da câmara, o dinheiro vai servir para reparar estradas, abrir duas creches e "
    "comprar autocarros elétricos. A oposição disse que as contas não batem certo e pediu uma auditoria."
)

ENGLISH_ONLY = {"entities", "quotes", "claims", "propaganda"}


def test_portuguese_article_over_the_api_and_on_its_page(live_server: LiveServer) -> None:
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", json={"text": PORTUGUESE})
        assert response.status_code == 200, response.text
        body = response.json()
        report = body["report"]
        assert report["article"]["metadata"]["language"] == "pt"
        assert not ENGLISH_ONLY & set(report["analyses"])
        assert {(s["analyser"], s["reason"]) for s in report["skipped"]} == {
            (name, "unsupported_language") for name in ENGLISH_ONLY
        }
        page = lxml.html.fromstring(client.get(body["permalink"]).text)
    for name in ENGLISH_ONLY:
        (section,) = page.xpath(f"//section[@id='{name}']")
        assert "Not run: English-only model; this article is Portuguese." in section.text_content()
    assert "Portuguese (read from the text" in page.xpath("//dl[@class='np-meta']")[0].text_content()
