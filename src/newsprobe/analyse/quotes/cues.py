"""Phrase lists for the quotes analyser: cue verbs, quote marks, titles, nationalities, capitals.

Data only; the logic lives in `_quote_rules.py` and `_quote_speakers.py`.
"""

from __future__ import annotations

# Opening mark -> closing marks it may pair with. Straight quotes pair with themselves.
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", "“"),  # “ ” (English) and „ “ / “ “ (German-style closing)
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),  # »Danish/German« style
    '"': ('"',),
    "‘": ("’",),
    "‹": ("›",),
    "「": ("」",),
}
# Marks that open a quote at the outer level; single quotes only count when no double quote is open.
DOUBLE_OPENERS = frozenset({"“", "„", "«", '"', "»", "「"})
SINGLE_OPENERS = frozenset({"‘", "‹"})
ALL_QUOTE_CHARS = frozenset('“”„«»"‘’‹›「」')

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
# Verbs whose subject holds a belief/intention rather than speech; only cues with a clause.
MENTAL_VERBS = frozenset("believe think feel hope fear expect doubt know see want plan intend reckon guess".split())
# Verbs whose content is their object + complement ("urged X to ...", "accused X of ...").
COMPLEMENT_VERBS = frozenset(
    """
    accuse urge call criticize criticise blame praise slam condemn denounce decry lambaste blast
    rebuke dismiss deny label describe dub term brand characterize characterise warn promise
    propose demand recommend threaten vow pledge question endorse support oppose defend reject
    emphasize emphasise stress underline underscore cite
    """.split()
)
# Verbs whose content is the `as ...` phrase ("labelled ... as “an act of aggression”").
AS_VERBS = frozenset("label describe dub term brand characterize characterise call slam denounce decry see".split())
# Nouns that introduce content in a noun phrase ("according to", "in a statement").
ACCORDING_TO = ("according", "to")

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "we", "it"})

# Titles, lower-case, longest first when matched. Value: canonical role.
TITLES: dict[str, str] = {
    "fm": "Foreign Minister",
    "foreign minister": "Foreign Minister",
    "foreign secretary": "Foreign Secretary",
    "deputy foreign minister": "Deputy Foreign Minister",
    "deputy fm": "Deputy Foreign Minister",
    "defense minister": "Defense Minister",
    "defence minister": "Defence Minister",
    "prime minister": "Prime Minister",
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
}
# Head nouns of descriptive nominals that can stand for a person ("the Russian official").
PERSON_NOMINALS = frozenset(
    """
    minister official president secretary senator governor mayor spokesman spokeswoman
    spokesperson ambassador envoy diplomat chancellor general chairman chairwoman director
    leader candidate nominee adviser advisor analyst professor businessman businesswoman
    lawmaker congressman congresswoman premier king queen judge prosecutor spokesperson
    billionaire mogul democrat republican fm
    """.split()
)
# Nationality adjective / country mention -> country.
NATIONALITIES: dict[str, str] = {
    "russian": "Russia",
    "russia": "Russia",
    "us": "United States",
    "u.s.": "United States",
    "american": "United States",
    "united states": "United States",
    "the united states": "United States",
    "syrian": "Syria",
    "syria": "Syria",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "french": "France",
    "france": "France",
    "german": "Germany",
    "germany": "Germany",
    "chinese": "China",
    "china": "China",
    "iranian": "Iran",
    "iran": "Iran",
    "israeli": "Israel",
    "israel": "Israel",
    "turkish": "Turkey",
    "turkey": "Turkey",
    "ukrainian": "Ukraine",
    "ukraine": "Ukraine",
    "iraqi": "Iraq",
    "iraq": "Iraq",
    "saudi": "Saudi Arabia",
    "qatari": "Qatar",
    "egyptian": "Egypt",
    "indian": "India",
    "japanese": "Japan",
    "korean": "Korea",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "mexican": "Mexico",
    "canadian": "Canada",
    "italian": "Italy",
    "spanish": "Spain",
    "polish": "Poland",
    "dutch": "Netherlands",
    "australian": "Australia",
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "european": "European Union",
}
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
