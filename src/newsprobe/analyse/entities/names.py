"""Name vocabularies for grouping entity mentions."""

from __future__ import annotations

import re
import unicodedata

# Words that precede a person's name as a title and are not part of the name.
TITLE_WORDS = frozenset(
    """fm foreign minister ministers deputy prime president vice secretary general gen. gen lt. col. maj. capt.
    dr. dr mr. mr mrs. mrs ms. ms sen. sen rep. rep gov. gov chancellor ambassador spokesman spokeswoman
    spokesperson senator representative governor mayor king queen prince princess pope sheikh chair chairman chairwoman
    chief ceo director minister's official envoy commander judge justice attorney lawmaker mp cmdr cmdr. sgt sgt.
    adm adm. cpl cpl. pvt pvt. maj capt col lt archbishop rabbi imam rev rev. reverend nuncio nuncios fr fr. leader
    speaker councillor councilor councilman councilwoman alderman assemblyman assemblywoman sheriff officer detective
    trooper airman sergeant corporal lieutenant colonel inspector patriarch correspondent""".split()
)

# Occupations written in lower case right before a person's name ('Fox News host Jeanine Pirro', 'diver Keetan
# Munsell', 'fashion designer Ralph Lauren'): the name is a person's, whatever the tagger called it
OCCUPATION_WORDS = frozenset(
    """host anchor actor actress singer songwriter rapper comedian musician guitarist drummer producer filmmaker
    novelist author writer columnist journalist reporter photographer designer chef player quarterback linebacker
    receiver cornerback center guard forward winger defenseman goaltender goalie shortstop catcher outfielder pitcher
    striker goalkeeper defender midfielder diver swimmer sprinter runner golfer boxer wrestler coach
    economist analyst scientist researcher professor lawyer activist student""".split()
)

# Ranks written before a name and no part of it ('Cardinal Sean O'Malley', also 'Cardinal O'Malley', is Sean
# O'Malley; 'Professor Chiodi' is Maurizio Chiodi, 'Premier Li' Li Keqiang); alone or last they may be a surname
# ('Julie Bishop'), and they open names of other things ('Premier League'), so they are cut from people's names only
RANK_WORDS = frozenset(
    "cardinal cardinals bishop monsignor monsignore msgr msgr. father professor professors prof prof. premier".split()
)
TITLE_AND_RANK_WORDS = TITLE_WORDS | RANK_WORDS

# Forms of address that stand for a name when used alone ('Sister said', 'Father writes'): no one's name
ADDRESS_WORDS = frozenset("sister father brother mother".split())

# Faiths written before a name ('the Catholic Antonio Fogazzaro'), like nationalities.
FAITH_WORDS = frozenset(
    "catholic muslim jewish protestant evangelical orthodox sunni shia shiite hindu sikh apostolic".split()
)

# Parts of a name that do not tell one person from another ("James P. Kennedy Jr." is Kennedy), without full stops.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "m.d"})


# A regnal number of two letters or more ('Paul VI', 'Pius XII'); not 'Malcolm X'
_REGNAL_NUMBER = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")


def is_name_suffix(word: str) -> bool:
    """'Jr.', 'III', 'Ph.D.', 'MD,' or "Jr.'s": a suffix of a name, not a name; so is a regnal number ('Paul VI')."""
    bare = word.removesuffix("’s").removesuffix("'s").rstrip(".,")
    return bare.casefold() in NAME_SUFFIXES or is_regnal_number(bare)


def is_regnal_number(word: str) -> bool:
    return _REGNAL_NUMBER.fullmatch(word) is not None


# What a hyphen joins to a name to make a modifier or a compound: 'George W. Bush-era', 'Saudi-led', 'Kremlin-backed',
# 'San Diego-area', 'Papal Cover-up'
MODIFIER_SUFFIXES = frozenset(
    """era led backed style based born linked funded owned run made sponsored allied aligned affiliated
    controlled area gate up like ish free wide type only less held""".split()
)
# The lower-case end of a hyphenated given name after a surname: 'Moon Jae-in', 'Ban Ki-moon', 'Park Geun-hye'
_HYPHENATED_GIVEN_NAME_END = re.compile(r"-([a-z]{1,5})\b(?!-)")
_SHORT_NAME_PART = 5


def hyphenated_given_name_end(text: str, start: int, end: int) -> int | None:
    """Where a name of two or more words whose last one is short ('Moon Jae') ends when a hyphen right after it joins
    a short lower-case part ('Moon Jae-in'), which the tagger leaves out; None when nothing such follows."""
    words = text[start:end].split()
    ending = _HYPHENATED_GIVEN_NAME_END.match(text, end)
    if ending is None or len(words) < 2 or ending.group(1) in MODIFIER_SUFFIXES:
        return None
    last = words[-1]
    if not (last[:1].isupper() and last[1:].islower() and len(last) <= _SHORT_NAME_PART):
        return None
    return ending.end()


# Party words that stand before a name like a nationality ('Republican Sen. Lindsey Graham').
PARTY_WORDS = frozenset("republican democrat democratic gop labour tory conservative liberal".split())

# Common alternative names of the same place; keys and values are case-folded.
PLACE_ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "russian federation": "russia",
    "prc": "china",
    "uae": "united arab emirates",
    "eu": "european union",
    "dprk": "north korea",
    "dr congo": "democratic republic of the congo",
    "drc": "democratic republic of the congo",
    "democratic republic of congo": "democratic republic of the congo",
}

# Other names of the same organisation that share no word with it; keys and values are case-folded.
ORGANISATION_ALIASES = {
    "isis": "islamic state",
    "isil": "islamic state",
    "isis/isil": "islamic state",
    "isil/isis": "islamic state",
    "daesh": "islamic state",
    "the islamic state": "islamic state",
    "al qaeda": "al-qaeda",
    "al-qaida": "al-qaeda",
    "al qaida": "al-qaeda",
    "ice": "immigration and customs enforcement",
}

# Nouns that put a company's name right after them ('Ukrainian energy company Burisma', 'record label Big Machine').
COMPANY_NOUNS = frozenset(
    """company companies firm startup start-up conglomerate automaker carmaker retailer airline chipmaker
    manufacturer lender bank insurer brokerage label publisher broadcaster studio""".split()
)

# Nouns that make the name before them a product's ('a Thunderbolt dock', 'the 737 Max jet', 'the Fossil Hybrid HR
# smartwatch'); not 'campaign', 'administration', 'case' or 'report', which follow people's names too
PRODUCT_NOUNS = frozenset(
    """dock docks adapter adapters charger chargers cable cables connector port ports console consoles controller
    controllers headset headphones earbuds smartwatch smartwatches smartphone smartphones laptop laptops tablet tablets
    monitor monitors hdtv drone drones jet jets airliner airliners aircraft helicopter suv suvs sedan sedans hatchback
    wagon pickup crossover grille chip chips chipset processor processors gpu cosmetics keyboard trackpad
    firmware""".split()
)

# Nouns that put the title of a work right after them ('the encyclical Veritatis Splendor', 'the film Mudbound',
# 'the exhortation, Amoris Laetitia'); not 'report' or 'show', which put people's names there too
WORK_NOUNS = frozenset(
    """book books novel novels memoir film films movie movies documentary song songs album albums musical opera
    poem painting sitcom encyclical exhortation""".split()
)

# Last words that make a 'person' a product line ('Nintendo Switch Lite', 'DJI Mavic Mini', 'Zamazenta Edition'):
# no one is named so
PRODUCT_LINE_WORDS = frozenset(
    """lite mini edition editions bundle mode pro pros plus ultra air note controller controllers package earphones
    earbuds headphones keyboard keyboards""".split()
)

# Last words that make a 'person' an event ('Davis Cup', 'Falklands War'), as the rules read them
EVENT_WORDS = frozenset("cup finals championship championships tournament olympics war".split())

# Last words that make a 'person' a place, and its kind ('Sioux Falls', 'Ho Chi Minh City'); not 'Hall', 'Bay',
# 'Park' or 'River', which people are called
PLACE_LAST_WORDS = {
    **dict.fromkeys(("falls", "county", "city", "springs", "beach"), "GPE"),
    **dict.fromkeys(("heights", "island", "islands", "valley"), "LOC"),
    **dict.fromkeys(("street", "square"), "FAC"),
}

# People known by their initials; another name in capitals tagged a person is an organisation's ('MEK', 'APCO')
PEOPLES_INITIALS = frozenset("jfk fdr lbj mlk rfk aoc mbs amlo hrc djt rbg".split())

# What opens a ship's name ('USS Maddox', 'HMS Queen Elizabeth'): a vessel, no person or organisation
SHIP_PREFIXES = frozenset("uss usns hms hmas hmcs hmnzs ins rfs".split())

# Words that join two names, which no person's name holds ('Pokemon Sword OR Shield')
CONJUNCTIONS = frozenset({"or", "and", "&"})

# Words an acronym leaves out ('FBI' for 'Federal Bureau of Investigation').
ACRONYM_SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "&"})

# Titles of the form "<office> of <domain>": the domain is part of the title, not an organisation.
ROLE_PHRASES = (
    "secretary of state",
    "secretary of defense",
    "secretary of defence",
    "secretary of the treasury",
    "secretary of homeland security",
    "secretary of energy",
    "secretary of commerce",
    "secretary of labor",
    "secretary of agriculture",
    "secretary of health",
    "secretary of education",
    "secretary of the interior",
    "secretary of transportation",
    "secretary of veterans affairs",
    "secretary of the navy",
    "secretary of the army",
    "secretary of the air force",
    "director of national intelligence",
    "director of central intelligence",
    "minister of state",
    "minister of defence",
    "minister of defense",
    "minister of foreign affairs",
    "minister of finance",
    "minister of health",
    "minister of justice",
    "minister of the interior",
    "chief of staff",
    "attorney of state",
)

# What a minister or secretary is in charge of, when it stands before the title: 'Energy Secretary Rick Perry'.
ROLE_DOMAINS = frozenset(
    """energy defense defence treasury interior foreign health education commerce labor labour agriculture
    transportation transport homeland justice finance home trade environment culture supreme""".split()
)
ROLE_HEADS = frozenset({"secretary", "minister", "leader"})  # "Supreme Leader"

# Words that do not name anything on their own ("Front", "State", "Party").
GENERIC_NAME_WORDS = frozenset(
    """state states front party group army forces force council committee ministry department agency office
    government administration union movement people republic kingdom army""".split()
)

# Acronyms of common nouns, which the NER takes for organisations ('its cancelled IPO', 'the CPU', 'a USB-C port'),
# in lower case.
COMMON_NOUN_ACRONYMS = frozenset(
    """ipo ceo cfo coo cto gdp ai etf spac ico esg suv ev dna rna ppe vpn cpu gpu ram ssd hdd usb usb-c hdmi dvi lcd
    oled rgb hdr ips fps lan nas ecg awd rwd fwd vod rrp gmt pe vc roi kpi saas nft api wtf lol omg fyi""".split()
)

# Words a company's full name adds to its short one ('SoftBank Group Corp', 'Walmart Inc.').
CORPORATE_WORDS = frozenset(
    """corp corp. corporation co co. company inc inc. incorporated ltd ltd. llc plc ag sa nv holdings group
    international the""".split()
)
# An industry's word closing a company's name ('Patriot Coal', 'Peabody Energy', 'General Motors'); the company's
# name without it is the company still ('Patriot')
INDUSTRY_WORDS = frozenset("energy coal oil mining motors".split())

# Companies and platforms whose one-word names the small model (and the gazetteer distilled from it) takes for
# people or places ('Twitter' PERSON, 'Netflix' GPE, 'Reddit' NORP).
PLATFORM_NAMES = frozenset(
    """twitter facebook instagram youtube tiktok reddit snapchat whatsapp telegram linkedin netflix spotify hulu
    google microsoft alibaba tencent baidu uber airbnb paypal ebay wikipedia""".split()
)

# Words that make a name a place's ("Fort Jackson", "Lake Michigan", "Jackson County").
PLACE_WORDS = frozenset(
    """fort port mount mt lake camp saint st san santa new north south east west cape county city river
    island bay valley street avenue square park hall tower house center centre university college""".split()
)

# Prepositions that stand before places far more often than before people ("at al-Tanf").
PLACE_PREPOSITIONS = frozenset("in at near from into inside outside across around toward towards".split())

# Prefixes that do not tell one organisation from another ("Al-Nusra" is "Nusra").
NAME_PREFIXES = ("al-", "al ", "the ")

# Words before or around a name that tell the person's gender (honorifics and gendered titles).
GENDERED_WORDS: dict[str, str] = {
    "mr.": "m",
    "mr": "m",
    "sir": "m",
    "king": "m",
    "prince": "m",
    "spokesman": "m",
    "congressman": "m",
    "chairman": "m",
    "businessman": "m",
    "cardinal": "m",  # ranks of the Catholic clergy ('Cardinal Bea … he'; 'Bea' alone reads as a woman's name)
    "monsignor": "m",
    "monsignore": "m",
    "msgr": "m",
    "msgr.": "m",
    "father": "m",
    "fr.": "m",
    "brother": "m",
    "ms.": "f",
    "ms": "f",
    "mrs.": "f",
    "mrs": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "spokeswoman": "f",
    "congresswoman": "f",
    "chairwoman": "f",
    "businesswoman": "f",
    "sister": "f",
    "mother": "f",
}


def without_accents(name: str) -> str:
    """'zürich' -> 'zurich'; the place table holds its names so."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
