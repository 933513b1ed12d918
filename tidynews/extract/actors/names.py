"""Actor names: where a name starts and ends, its spellings, its type, and the title or role around it.

Owns the `Candidate` (a span that may name an actor), the boundary fixes applied to spaCy's spans (a leading
"the", a possessive, a title spaCy glued on, a first name it cut off), the spellings of one name (company short
forms, surname variants, the normal form and acronyms of an organisation), the actor type from the words of a
name, and the role read from the title before a person's name or the apposition after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from tidynews.extract.actors.lexicon import (
    ARMED_GROUP_CUES,
    COMPANY_TAIL_WORDS,
    GENERIC_ORG_WORDS,
    GOVERNMENT_CUES,
    LEGAL_SUFFIXES,
    MEDIA_CUES,
    ORG,
    ORG_HEADS,
    ORG_NOUNS_BEFORE_NAME,
    PERSON,
    POSSESSIVE,
    QUOTE_CHARS,
    ROLE_LINKS,
    SPELLING,
    STOP_BEFORE_TITLE,
    KnownOrg,
    country_or_demonym_code,
    is_place_word,
    known_organisations,
    word_list,
)
from tidynews.extract.rules import Trace, TraceEvent, register_rule
from tidynews.extract.titles import is_honorific, is_title_word, title_kinds
from tidynews.nlp import ParsedBlock

TABLE = "actors"


def is_shouting(text: str) -> bool:
    """A line written in capitals: more than 60 % of its letters are capitals ("RAIN STOPS PLAY IN LEEDS")."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * max(len(letters), 1)


@dataclass(frozen=True)
class EntTypesBut:
    """Every spaCy entity label except the ones given (a `Container` for `stands_alone`)."""

    excluded: frozenset[str]

    def __contains__(self, label: object) -> bool:
        return label not in self.excluded


def stands_alone(doc: Doc, span: Span, before_ok: Container[str], after_ok: Container[str]) -> bool:
    """A name found by string match is not part of a longer capitalised name: no capitalised word before it
    (unless a title, a country or nationality, or an entity of a type in `before_ok`), and no capitalised proper
    noun after it (unless a title or an entity of a type in `after_ok`). "Security Council" inside "National
    Security Council", "Clinton" inside "Hillary Clinton" or "Clinton Street"."""
    if span.start > 0:
        prev = doc[span.start - 1]
        if (
            prev.is_title
            and not prev.is_sent_start
            and not is_title_word(prev.text)
            and prev.ent_type_ not in before_ok
            and not country_or_demonym_code(prev.text)
        ):
            return False
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and nxt.pos_ == "PROPN" and not is_title_word(nxt.text) and nxt.ent_type_ not in after_ok:
            return False
    return True


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
    rule: str = ""  # id of the rule that proposed it (the `rule` of its mention row)
    event: TraceEvent | None = None  # its line in the trace (tidynews explain), when one is recorded
    merged_by: str = ""  # id of the merges rule that put it in its actor's group, if not the first spelling
    short_name: str = ""  # a shorter form the article may use later: "Rockies" of "Colorado Rockies"

    @property
    def doc(self) -> Doc:
        return self.block.doc


def propose(trace: Trace, cand: Candidate) -> Candidate:
    """Record that `cand.rule` proposed the candidate (nothing during a build)."""
    if trace.enabled:
        cand.event = trace.propose(TABLE, cand.name, cand.start, cand.end, cand.rule)
    return cand


def reject(trace: Trace, cand: Candidate, rule: Callable | str, reason: str) -> None:
    """Record that the drops rule `rule` rejected the candidate, and why."""
    if not trace.enabled:
        return
    rule_id = rule if isinstance(rule, str) else rule.rule_id
    if cand.event is None:
        trace.drop(TABLE, cand.name, cand.start, cand.end, rule_id, reason, proposed_by=cand.rule)
    else:
        cand.event.outcome, cand.event.decided_by, cand.event.reason = "dropped", rule_id, reason


def reject_span(trace: Trace, block: ParsedBlock, start_char: int, end_char: int, proposed_by: str, rule, reason: str):
    """Record a rejection of block.text[start_char:end_char] before it became a candidate."""
    if trace.enabled:
        s, e = block.offset + start_char, block.offset + end_char
        trace.drop(TABLE, block.text[start_char:end_char], s, e, rule.rule_id, reason, proposed_by=proposed_by)


def merged(trace: Trace, cand: Candidate, rule: Callable | str, into: str, reason: str = "") -> None:
    """Record that the merges rule `rule` folded the candidate into the actor named `into`."""
    if not trace.enabled:
        return
    rule_id = rule if isinstance(rule, str) else rule.rule_id
    if cand.event is None:
        trace.merge(TABLE, cand.name, cand.start, cand.end, rule_id, into, reason, proposed_by=cand.rule)
    else:
        ev = cand.event
        ev.outcome, ev.decided_by, ev.into, ev.reason = "merged", rule_id, into, reason


def clean_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading "the" and a trailing possessive or punctuation.

    Example: "the Prince's Carlow Regiment" -> "Prince's Carlow Regiment"; "Samir Haddad's" -> "Samir Haddad";
    "Valdora news agency" -> "Valdora".
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
    # "the Valdora news agency": a name ends in a capitalised word, lower-case words after it describe what it
    # names; one lower-case organisation word stays ("the Liberal party"), and so does the end of a hyphenated
    # name ("Silpa-archa")
    cut = end
    while cut - start > 1 and doc[cut - 1].is_alpha and doc[cut - 1].is_lower and doc[cut - 2].whitespace_:
        cut -= 1
    if end - cut > 1 or end - cut == 1 and doc[cut].lower_ not in ORG_HEADS:
        end = cut
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
        if tok.text in POSSESSIVE or tok.text in QUOTE_CHARS or tok.text in {"v", "vs", "vs.", "-", "–", "—", "("}:
            break  # "Ana Ruiz - Lena Holt" is a pair of names
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
    "envoy to the UN Ruth Wanjiru" tagged ORG "the UN Ruth Wanjiru" -> "Ruth Wanjiru"; "Spokesman Ruth Wanjiru said"
    tagged ORG at the start of a sentence -> "Ruth Wanjiru"."""

    def lead(t) -> bool:
        return is_title_word(t.text) or t.text in known_organisations()

    if not lead(doc[start]) or doc[end - 1].lower_ in ORG_HEADS:
        return None
    in_title = start > 0 and (is_title_word(doc[start - 1].text) or doc[start - 1].lower_ in {"of", "to", "the"})
    # "Spokesman Ruth Wanjiru said": a post (not a rank: "Major League ...") glued on at the start of a sentence
    in_title = in_title or doc[start].is_sent_start and title_kinds(doc[start].text) == {"head"}
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
    block: ParsedBlock,
    start: int,
    end: int,
    kind: str,
    source: str,
    known: KnownOrg | None = None,
    rule: str = "",
) -> Candidate | None:
    """The candidate for tokens [start, end) of the block, proposed by the rule `rule` ("" -> its source's rule)."""
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
    return Candidate(
        block, start, end, block.offset + s_char, block.offset + e_char, name, kind, source, known, rule=rule
    )


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


def is_age(word: str) -> bool:
    """A number that can be a person's age: "45", not "2019"."""
    return word.isdigit() and 1 <= int(word) <= 110


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
            code = country_or_demonym_code(" ".join(before[k : k + n]))
            if code:
                return code
    return ""


def name_tokens(name: str) -> list[str]:
    return [w for w in name.split() if not is_honorific(w)] or name.split()


def is_initial(word: str) -> bool:
    """An initial written for a given name: "D.", "J.R.", "D"."""
    return re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z]", word) is not None


def initials_match(short: list[str], full: list[str]) -> bool:
    """ "D. Marsh" is written for "Dan Marsh" (and "J.R. Okoro" for "John Robert Okoro"): the same surname, and
    initials for the given names of the fuller form, in order."""
    if len(short) < 2 or len(full) < 2 or short[-1].lower() != full[-1].lower():
        return False
    if not all(map(is_initial, short[:-1])):
        return False
    letters = "".join(w.replace(".", "") for w in short[:-1]).lower()
    given = full[:-1]
    if any(len(w.rstrip(".")) < 2 for w in given) or len(letters) > len(given):
        return False
    return letters == "".join(w[0] for w in given[: len(letters)]).lower()


def surname_variants(tokens: list[str]) -> list[str]:
    """Shorter forms a full name is written as: every proper suffix, and the last word without a
    particle. Example: "Abdallah Bou Habib" -> ["Bou Habib", "Habib"]; "Saleh al-Aruri" -> ["al-Aruri", "Aruri"]."""
    out = [" ".join(tokens[k:]) for k in range(1, len(tokens))]
    last = tokens[-1]
    m = re.match(r"(?:al|el|ul|Al|El)[-‑](\w.*)", last)
    if m:
        out.append(m.group(1))
    return out


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
            c = country_or_demonym_code(" ".join(words[:n]))
            if c:
                code, words = c, words[n:]
                break
    norm = [SPELLING.get(w.lower(), w.lower()) for w in words]
    core = [w for w in norm if w not in GENERIC_ORG_WORDS]
    return code, " ".join(core or norm)


def _spelling_key(name: str) -> str:
    """A name with its words in one spelling, lower case, without apostrophes and full stops."""
    words = re.sub(r"['’.]", "", name).lower().split()
    return " ".join(SPELLING.get(w, w) for w in words)


@lru_cache(maxsize=1)
def _known_by_spelling() -> dict[str, KnownOrg]:
    """The curated organisations by the spelling key of each name and alias of two words or more."""
    return {_spelling_key(n): org for n, org in reversed(known_organisations().items()) if " " in n.strip()}


def known_organisation(name: str) -> KnownOrg | None:
    """The curated organisation a name writes, exactly or in another spelling of its words: "North Atlantic Treaty
    Organisation" is the table's "... Organization", "Kurdistan Workers Party" its "Kurdistan Workers' Party"; a
    company with its legal form ("Acme Corp.") is the table's "Acme"."""
    for form in dict.fromkeys([name, company_core(name)]):
        if form in known_organisations():
            return known_organisations()[form]
    return _known_by_spelling().get(_spelling_key(name)) if " " in name.strip() else None


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


# lower-case nouns for a person that news writes right before a name: "finalist Ana Ruiz", "new signing Piet Okoro"
PERSON_NOUNS = (word_list("sports_role") | word_list("person_noun")) - {"fans", "supporters", "centre"}


@register_rule("actors.person_after_person_noun")
def person_after_person_noun(doc: Doc, start: int, end: int) -> bool:
    """A name spaCy tags ORG that is two or three capitalised words right after a lower-case noun for a person
    ("finalist", "striker", "compatriot", a title such as "spokeswoman" or "mayor") is that person.

    Example: He hit a pitch from starter Felipe Moraz over the fence."""
    if start == 0 or not 2 <= end - start <= 3:
        return False
    before = doc[start - 1]
    if not before.is_lower or not (before.lower_ in PERSON_NOUNS or title_kinds(before.text) & {"head"}):
        return False
    if start > 1 and doc[start - 2].lower_ in {"lead", "joint", "co-lead"}:
        return False  # "lead manager Acme Brothers International": a bank managing a bond issue
    words = doc[start:end]
    return (
        all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in words)
        and words[-1].lower_ not in ORG_HEADS
        and words.text not in known_organisations()
        and not is_place_word(words[0].text)
    )
