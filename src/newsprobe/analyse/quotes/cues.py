"""Phrase lists for the quotes analyser: cue verbs, quote marks, titles, nationalities, capitals.

Data only; the logic lives in `rules.py` and `speakers.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..nationalities import nationalities

# Opening mark -> closing marks it may pair with. Straight quotes pair with themselves; a curly and a
# straight double mark also pair with each other (“…," and "…,” in copy edited by hand: left unpaired,
# the open mark swallows the cue and the speaker up to the next quote).
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", "“", '"'),  # “ ” (English) and „ “ / “ “ (German-style closing)
    "”": ("”", "“"),  # a closing mark typed to open a line (marks.py)
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),  # »Danish/German« style
    '"': ('"', "”"),
    "‘": ("’",),
    "‹": ("›",),
    "「": ("」",),
}
# Marks that open a quote at the outer level; single quotes only count when no double quote is open.
DOUBLE_OPENERS = frozenset({"“", "„", "«", '"', "»", "「"})
SINGLE_OPENERS = frozenset({"‘", "‹"})
ALL_QUOTE_CHARS = frozenset('“”„«»"‘’‹›「」')
# The marks that show words are quoted: the right single quote is an apostrophe more often than not.
QUOTING_MARKS = ALL_QUOTE_CHARS - {"’"}

# Reporting verbs (lemmas) that introduce speech or a stated position. Drawn from the cue
# vocabulary of the PolNeAR train split and standard reporting-verb lists.
SPEECH_VERBS = frozenset(
    """
    say tell add write ask note report announce suggest argue describe tweet declare explain
    acknowledge criticize criticise accuse urge claim insist warn promise predict reveal deny
    admit stress emphasize emphasise confirm state reply respond recall complain dismiss label
    vow pledge conclude propose testify contend maintain assert allege charge blame praise
    slam condemn question wonder estimate indicate signal quip joke boast concede observe remark
    mention comment exclaim repeat reiterate demand continue tell explain caution counter
    lament muse posit predict retort scoff shout speculate suggest tout underscore underline
    warn write disclose inform advise announce assure brag call describe dub term brand
    characterize characterise denounce decry lambaste blast rebuke agree disagree recount
    reckon guess believe think feel hope fear expect doubt know see want plan intend
    post told promise threaten vow recommend instruct order
    """.split()
)
# Verbs whose passive subject is the one spoken to ("when asked about …", "told of the ruling"), not the speaker.
ADDRESSEE_VERBS = frozenset({"ask", "tell", "question", "inform", "press", "interview", "quiz", "brief"})
# Verbs whose subject holds a belief/intention rather than speech; only cues with a clause.
MENTAL_VERBS = frozenset("believe think feel hope fear expect doubt know see want plan intend reckon guess".split())
# Verbs that report a position only with a clause after them ("pointed out that …", "worried that …"): annotators of
# PolNeAR train mark them as cues at least half the times they take a clause with a finite verb (point 33 of 38,
# worry 13 of 19, learn 13 of 21, imply 11 of 19, recognize 11 of 21). "find" (45 of 74) and "show" (104 of 181)
# clear that bar too but mostly report what studies, videos or the police found; "convince" (12 of 21) is mostly
# passive, "was convinced that …", whose subject holds the belief.
CLAUSE_CUE_VERBS = frozenset("point worry learn imply recognize".split())
# Verbs whose content is their object + complement ("urged X to ...", "accused X of ...").
COMPLEMENT_VERBS = frozenset(
    """
    accuse urge call criticize criticise blame praise slam condemn denounce decry lambaste blast
    rebuke dismiss deny label describe dub term brand characterize characterise warn promise
    propose demand recommend threaten vow pledge question endorse support oppose defend reject
    emphasize emphasise stress underline underscore cite
    """.split()
)
# Cues whose subject is what the content is about, not who holds it ("he seems to have a different set
# of rules"): PolNeAR train gives 150 of 154 such cues no source.
SOURCELESS_CUES = frozenset({"seem", "appear"})
# A cue verb under these is a condition ("if Trump agrees to …"), not something said: 8 of PolNeAR dev's 2,193
# attributions, none of them speech.
HYPOTHETICAL_MARKS = frozenset({"if", "unless"})
# Modals of ability and duty on a cue: what the source can or must say ('the judge can order …', 'Francis must
# acknowledge that …') has not been said. 56 of PolNeAR train's 22,501 cues; not 'could', 'would', 'will', reported
# sayings and plans.
ABILITY_DUTY_MODALS = frozenset({"can", "must"})
# A cue that is only one of these verbs says nothing about speech ("Harper had “I'd Do Anything”"): 14 of PolNeAR's
# 24,821 train and dev attributions.
EMPTY_CUE_VERBS = frozenset({"have", "be"})
# Verbs whose content is the `as ...` phrase ("labelled ... as “an act of aggression”").
AS_VERBS = frozenset("label describe dub term brand characterize characterise call slam denounce decry see".split())
# Nouns that introduce content in a noun phrase ("according to", "in a statement").
ACCORDING_TO = ("according", "to")

# Third-person pronouns that stand for one person, with the gender they imply.
PRONOUN_GENDER: dict[str, str] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# First person outside quotes: the writer (the byline author, in an opinion piece).
FIRST_PERSON = frozenset({"i", "me", "my"})
# Relative pronouns: "Lavrov, who said …" speaks through the noun the clause hangs from.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Nouns for organisations, named in an appositive ("the group that owns her music, Big Machine").
ORGANISATION_NOUNS = frozenset(
    """group company firm label agency organization organisation network publisher maker automaker carmaker bank
    broadcaster newspaper outlet startup retailer airline charity union party think-tank""".split()
)
# Nouns that stand for a company named just before ("Volkswagen is …. The German automaker says").
COMPANY_NOUNS = frozenset(
    """company firm automaker carmaker retailer startup airline brokerage insurer lender chipmaker
    manufacturer""".split()
)
# Nouns that speak for the name beside them ("a WeWork spokesperson", "a report from Kotak").
VOICE_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman representative statement report note release study survey poll analysis
    journalist correspondent reporter""".split()
)
# Voice nouns that are writings, named by where they appeared too ("a report in The New York Times").
DOCUMENT_NOUNS = frozenset("""report study survey poll analysis""".split())
# Plural staff nouns that speak for the organisation that owns them ("NASA's scientists", "Verizon executives"), not
# for a person ("Trump's lawyers" is not Trump). Not "officials": unnamed officials are not their government's word.
STAFF_NOUNS = frozenset("""scientists researchers engineers executives""".split())
# Nouns that describe a person in an appositive ("Eswar Prasad, a trade professor at Cornell").
PERSON_NOUNS = frozenset(
    """fellow researcher scientist scholar expert economist strategist trader lawyer doctor physician author
    co-author activist student teacher executive founder worker resident mother father son daughter wife husband
    actor actress singer player coach journalist reporter writer""".split()
)
# Singular head nouns of institutions that speak as one ("the Jordanian government", "Hong Kong police").
INSTITUTION_NOUNS = frozenset(
    """government ministry department office agency embassy military army navy police court council committee
    commission administration cabinet parliament senate congress presidency kremlin regime secretariat
    prosecutor's""".split()
)
# URL path segments and section names of opinion pieces, where "I" outside quotes is the byline author.
OPINION_SECTIONS = frozenset(
    """opinion opinions op-ed op-eds oped commentary commentisfree column columns columnists editorial editorials
    blog blogs""".split()
)

# Titles, lower-case, longest first when matched. Value: canonical role.
TITLES: dict[str, str] = {
    "fm": "Foreign Minister",
    "potus": "President",
    "flotus": "First Lady",
    "foreign minister": "Foreign Minister",
    "foreign secretary": "Foreign Secretary",
    "deputy foreign minister": "Deputy Foreign Minister",
    "deputy fm": "Deputy Foreign Minister",
    "defense minister": "Defense Minister",
    "defence minister": "Defence Minister",
    "prime minister": "Prime Minister",
    "interior minister": "Interior Minister",
    "finance minister": "Finance Minister",
    "economy minister": "Economy Minister",
    "trade minister": "Trade Minister",
    "health minister": "Health Minister",
    "justice minister": "Justice Minister",
    "energy minister": "Energy Minister",
    "pm": "Prime Minister",
    "minister": "Minister",
    "deputy minister": "Deputy Minister",
    "president": "President",
    "vice president": "Vice President",
    "president-elect": "President-elect",
    "secretary of state": "Secretary of State",
    "secretary of defense": "Secretary of Defense",
    "defense secretary": "Defense Secretary",
    "secretary": "Secretary",
    "senator": "Senator",
    "sen.": "Senator",
    "sen": "Senator",
    "rep.": "Representative",
    "representative": "Representative",
    "congressman": "Congressman",
    "congresswoman": "Congresswoman",
    "governor": "Governor",
    "gov.": "Governor",
    "mayor": "Mayor",
    "spokesman": "Spokesman",
    "spokeswoman": "Spokeswoman",
    "spokesperson": "Spokesperson",
    "press secretary": "Press Secretary",
    "ambassador": "Ambassador",
    "envoy": "Envoy",
    "chancellor": "Chancellor",
    "general": "General",
    "gen.": "General",
    "chairman": "Chairman",
    "chairwoman": "Chairwoman",
    "chair": "Chair",
    "director": "Director",
    "ceo": "CEO",
    "king": "King",
    "queen": "Queen",
    "judge": "Judge",
    "attorney general": "Attorney General",
    "inspector general": "Inspector General",
    "speaker": "Speaker",
    "leader": "Leader",
    "candidate": "Candidate",
    "nominee": "Nominee",
    "campaign manager": "Campaign Manager",
    "adviser": "Adviser",
    "advisor": "Adviser",
    "official": "Official",
    "analyst": "Analyst",
    "professor": "Professor",
    "dr.": "Doctor",
    "prosecutor": "Prosecutor",
    "attorney": "Attorney",
    "u.s. attorney": "U.S. Attorney",
    "us attorney": "U.S. Attorney",
    "district attorney": "District Attorney",
    "superintendent": "Superintendent",
    "coach": "Coach",
    "head coach": "Head Coach",
    "commander": "Commander",
    "cmdr.": "Commander",
    "cmdr": "Commander",
    "lt.": "Lieutenant",
    "lieutenant": "Lieutenant",
    "col.": "Colonel",
    "colonel": "Colonel",
    "capt.": "Captain",
    "captain": "Captain",
    "maj.": "Major",
    "sgt.": "Sergeant",
    "sergeant": "Sergeant",
    "adm.": "Admiral",
    "admiral": "Admiral",
    "chief executive": "Chief Executive",
    "chief executive officer": "Chief Executive",
    "founder": "Founder",
    "economist": "Economist",
    "chief economist": "Chief Economist",
    "prince": "Prince",
    "princess": "Princess",
    "nuncio": "Nuncio",
    "apostolic nuncio": "Apostolic Nuncio",
}
# Role words that name the same office ("the prosecutor" is the U.S. Attorney of the article).
ROLE_SYNONYMS: dict[str, str] = {"prosecutor": "attorney", "spokeswoman": "spokesperson", "spokesman": "spokesperson"}
# Head nouns of descriptive nominals that can stand for a person ("the Russian official").
PERSON_NOMINALS = frozenset(
    """
    minister official president secretary senator governor mayor spokesman spokeswoman
    spokesperson ambassador envoy diplomat chancellor general chairman chairwoman director
    leader candidate nominee adviser advisor analyst professor businessman businesswoman
    lawmaker congressman congresswoman premier king queen judge prosecutor spokesperson
    billionaire mogul democrat republican fm attorney coach commander economist founder superintendent
    """.split()
)
# Nationality word or country mention -> country: every demonym, and how the news names some countries.
NATIONALITIES: Mapping[str, str] = MappingProxyType(
    {
        **nationalities(),
        "russia": "Russia",
        "us": "United States",
        "u.s.": "United States",
        "united states": "United States",
        "the united states": "United States",
        "syria": "Syria",
        "uk": "United Kingdom",
        "u.k.": "United Kingdom",
        "france": "France",
        "germany": "Germany",
        "china": "China",
        "iran": "Iran",
        "israel": "Israel",
        "turkey": "Turkey",
        "ukraine": "Ukraine",
        "iraq": "Iraq",
        "korean": "Korea",
    }
)
# Country names -> country, for a country that owns a role ("Austria's interior minister"); apart from the
# nationality words, as a country name is also a family name ("Jim Jordan").
COUNTRY_NAMES: Mapping[str, str] = MappingProxyType({country.lower(): country for country in nationalities().values()})
# Capitals and seats used as collective sources for governments ("Washington argued ...").
CAPITALS: dict[str, str] = {
    "washington": "United States",
    "moscow": "Russia",
    "the kremlin": "Russia",
    "kremlin": "Russia",
    "damascus": "Syria",
    "beijing": "China",
    "tehran": "Iran",
    "london": "United Kingdom",
    "paris": "France",
    "berlin": "Germany",
    "ankara": "Turkey",
    "kiev": "Ukraine",
    "kyiv": "Ukraine",
    "jerusalem": "Israel",
    "baghdad": "Iraq",
    "riyadh": "Saudi Arabia",
    "pyongyang": "North Korea",
    "seoul": "South Korea",
    "tokyo": "Japan",
    "brussels": "European Union",
    "the white house": "United States",
    "white house": "United States",
    "pentagon": "United States",
    "the pentagon": "United States",
}

# Prepositions and particles that belong to the cue ("called on", "pointed to", "went on to say").
CUE_PARTICLES: dict[str, frozenset[str]] = {
    "call": frozenset({"on", "for"}),
    "point": frozenset({"to", "out"}),
    "refer": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "warn": frozenset({"of", "against"}),
    "complain": frozenset({"about", "of"}),
}
# Light verbs whose xcomp/advcl speech verb forms one cue: "went on to say", "continued to argue".
CUE_LEAD_VERBS = frozenset({"go", "continue", "proceed", "refuse", "decline", "rush", "hasten"})
# Dependency labels of subjects.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Children of a complement verb that carry its content.
CONTENT_CHILD_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "prep", "dative", "attr", "advcl"})
# Minimum words for a quote with no cue to be reported as an attribution (shorter are scare quotes).
MIN_UNCUED_QUOTE_WORDS = 5

# Speaker confidence by profile and by how the speaker was resolved: the share of speakers resolved
# that way that were right on the hand-checked pages (tests/fixtures/speakers.json and, for the rules that infer
# a speaker, tests/fixtures/speakers_ptc.json, 300 partisan articles; bench/speakers.py, 2026-12-05 05:36): accurate
# named 128/128, pronoun 333/367, role 21/22; fast named 113/118, pronoun 227/259, role 13/13 (0.95, not a
# certainty). Rules with fewer than 10 checked items (byline, fast's earlier_mention 6/6) carry priors. A quote
# continuing the speaker before (earlier_mention) was right 1 time in 5 in accurate (where the tagger leaves only the
# hard cases): None turns the rule off for a profile.
# tests/quotes/test_speaker_fixture.py keeps the accurate profile's measured ones within 0.1 of the measured share.
SPEAKER_CONFIDENCE: dict[str, dict[str, float | None]] = {
    "accurate": {
        "named": 0.99,
        "pronoun": 0.91,
        "role": 0.95,
        "byline": 0.9,
        "earlier_mention": None,
        "unresolved": None,
    },
    "fast": {
        "named": 0.96,
        "pronoun": 0.88,
        "role": 0.95,
        "byline": 0.9,
        "earlier_mention": 0.8,
        "unresolved": None,
    },
}
# the best profile parses and resolves speakers as accurate does (its attributions: tagger and encoder averaged)
SPEAKER_CONFIDENCE = {**SPEAKER_CONFIDENCE, "best": SPEAKER_CONFIDENCE["accurate"]}
