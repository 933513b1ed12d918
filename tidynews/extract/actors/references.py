"""Later mentions of an actor already named in the article (the `finds` rules that read the grouped actors).

A known name written again ("Gallant said"), "the ministry" and "the city council" for the one such body named, and
"the defense minister" for the one person with that role each become a mention of that actor.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from tidynews.extract.actors.drops import (
    PLACE_PREPOSITIONS,
    in_ranges,
)
from tidynews.extract.actors.grouping import Group
from tidynews.extract.actors.lexicon import (
    ORG,
    PERSON,
    country_or_demonym_code,
    group_words,
)
from tidynews.extract.actors.names import (
    company_short_forms,
    is_acronym,
    is_shouting,
    make_candidate,
    name_tokens,
    propose,
    stands_alone,
    surname_variants,
)
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.titles import is_title_word, title_kinds
from tidynews.nlp import ParsedArticle, ParsedBlock

BARE_MINISTRY = re.compile(r"\b[Tt]he (ministry)(?! of\b)(?![\w-])")
WORD = re.compile(r"\w+")
ACRONYM_IN_BRACKETS = re.compile(r" \(([A-Z][A-Za-z.]{1,7})\)")
# a repeated surname may follow a place, nationality or organisation word, and be followed by a date only
SURNAME_BEFORE_OK = frozenset({"GPE", "NORP", "ORG"})
SURNAME_AFTER_OK = frozenset({"DATE"})


class TakenSpans:
    """The article's character ranges already taken by a mention, with an overlap test that looks only at the
    ranges starting near the tested one: a 5 MB article has tens of thousands of mentions, and testing each
    repeated name against all of them was quadratic."""

    BUCKET_CHARS = 256

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self._longest = 0
        for span in spans or ():
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        self._buckets[start // self.BUCKET_CHARS].append(span)
        self._longest = max(self._longest, end - start)

    def overlaps(self, s: int, e: int) -> bool:
        """Whether any taken range (ts, te) has s < te and ts < e; such a range starts after s - longest."""
        first, last = (s - self._longest) // self.BUCKET_CHARS, (e - 1) // self.BUCKET_CHARS
        for bucket in range(first, last + 1):
            if any(s < te and ts < e for ts, te in self._buckets.get(bucket, ())):
                return True
        return False


def defined_acronyms(text: str) -> dict[str, list[tuple[int, str]]]:
    """Every " (ABC)" of the text, as (position, acronym) in text order, by the two characters before it."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in ACRONYM_IN_BRACKETS.finditer(text):
        out[text[max(0, m.start() - 2) : m.start()]].append((m.start(), m.group(1)))
    return out


def acronym_defined_after(name: str, text: str, acronyms: dict[str, list[tuple[int, str]]]) -> str | None:
    """The bracketed acronym after the first "name (ABC)" of the text (the same as searching for
    name + " (ABC)" in the whole text, without a scan of the text per name)."""
    if len(name) >= 2:
        places = acronyms.get(name[-2:], [])
    else:
        places = sorted(p for ps in acronyms.values() for p in ps)
    return next((acronym for at, acronym in places if text.endswith(name, 0, at)), None)


def attach_reference(
    block: ParsedBlock, start: int, end: int, host: Group, taken: TakenSpans, rule: str, trace: Trace
) -> None:
    """Make block.text[start:end] ("the ministry", "the city council") a mention of `host`, found by `rule`,
    unless that text already belongs to another mention."""
    s, e = block.offset + start, block.offset + end
    if taken.overlaps(s, e):
        return
    span = block.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    cand = make_candidate(block, span.start, span.end, ORG, "role", rule=rule)
    if cand:
        host.members.append(propose(trace, cand))
        taken.append((cand.start, cand.end))


@register_rule("actors.ministry_reference")
def scan_ministry_references(
    blocks: list[ParsedBlock], orgs: list[Group], taken: TakenSpans, trace: Trace = NULL_TRACE
) -> None:
    """ "the ministry" is a mention of the one ministry the article names, in any case ("the interior
    ministry", "Interior Ministry", "Ministry of Health"); with two ministries named it stays nobody's.

    Example: The defence ministry said drills would go on. Later the ministry published photos."""
    hosts = [g for g in orgs if any("ministry" in n.lower().split() and n.lower() != "ministry" for n in g.names)]
    if len(hosts) != 1:
        return
    for block in blocks:
        for m in BARE_MINISTRY.finditer(block.text):
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken, "actors.ministry_reference", trace)


GENERIC_LOCAL_BODY = re.compile(
    r"\b[Tt]he ((?:city|county|district|borough|town|parish|municipal|state|regional|provincial)\s+"
    r"(?:council|government|assembly|authority|administration|legislature))(?![\w-])",
    re.IGNORECASE,
)


@register_rule("actors.local_body_reference")
def scan_local_body_references(
    blocks: list[ParsedBlock], orgs: list[Group], taken: TakenSpans, trace: Trace = NULL_TRACE
) -> None:
    """ "the city council" after "Leeds city council" (or "Leeds City Council") is a mention of it, when it is
    the only named body of that kind in the article.

    Example: Leeds city council met on Monday. Later the city council said it had no money."""
    for block in blocks:
        for m in GENERIC_LOCAL_BODY.finditer(block.text):
            phrase = " ".join(m.group(1).lower().split())
            hosts = [g for g in orgs if any(n.lower().endswith(" " + phrase) and len(n) > len(phrase) for n in g.names)]
            if len(hosts) != 1:
                continue
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken, "actors.local_body_reference", trace)


def _scan_pattern(form: str) -> re.Pattern:
    return re.compile(r"(?<![\w\-‑])" + re.escape(form) + r"(?![\w\-‑])")


def forms_by_first_word(forms: list[tuple[str, Group]], case) -> dict[str | None, list[int]]:
    """The indexes of `forms`, by the first word (run of word characters) of each form as written (`case`); None
    for a form that does not start with a word character (always tried)."""
    out: dict[str | None, list[int]] = defaultdict(list)
    for i, (v, _) in enumerate(forms):
        m = WORD.match(case(v))
        out[m.group() if m else None].append(i)
    return out


def forms_that_may_occur(
    forms: list[tuple[str, Group]], by_first_word: dict[str | None, list[int]], text: str
) -> list[tuple[str, Group]]:
    """The forms, in their order, whose first word is a word of the text: a form found at word boundaries starts
    where a word of the text starts, and that word is its first word, so the others cannot be found (a long
    article's thousands of forms are not each searched for in every paragraph)."""
    hits = [i for word in set(WORD.findall(text)) for i in by_first_word.get(word, ())]
    return [forms[i] for i in sorted(hits + by_first_word.get(None, []))]


@register_rule("actors.known_name_repeated")
def scan_known_names(
    parsed: ParsedArticle,
    blocks: list[ParsedBlock],
    groups: list[Group],
    taken: TakenSpans,
    credits: dict[int, list],
    trace: Trace = NULL_TRACE,
) -> None:
    """Find every later occurrence of a name already known in the article, by string match at word
    boundaries, capitalised: spaCy misses surnames that are English words ("Gallant said").

    Example: Defence Minister Tomas Gallant visited the base. Gallant said the drills would go on."""
    forms: list[tuple[str, Group]] = []
    # surnames that are also a country or a title ("Jordan", "King"): found only where a person stands
    guarded: set[tuple[str, int]] = set()
    acronyms = defined_acronyms(parsed.text)
    for g in groups:
        if g.kind == PERSON:
            full = name_tokens(g.full_name())
            variants = [" ".join(full), *surname_variants(full)]
            if (
                len(full) > 1
                and full[-1][:1].isupper()
                and (country_or_demonym_code(full[-1]) or is_title_word(full[-1]))
            ):
                if full[-1].lower() not in group_words():
                    forms.append((full[-1], g))
                    guarded.add((full[-1], id(g)))
        else:
            variants = [n for n in g.names if len(n) >= 2]
            # "Acme Holdings Plc" is written "Acme" later: "an Acme spokesman said"
            variants += [f for n in list(variants) for f in company_short_forms(n)]
            # "the Colorado Rockies" is written "Rockies" later
            variants += [c.short_name for c in g.members if c.short_name]
            # "the Kenya Wildlife Service (KWS)": the acronym defined in brackets is a name too
            for n in list(variants):
                acronym = acronym_defined_after(n, parsed.text, acronyms)
                if acronym and is_acronym(acronym):
                    variants.append(acronym)
        for v in dict.fromkeys(variants):
            if len(v) < 3 and not is_acronym(v) or not v[0].isupper() and not re.match(r"(?:al|el)-", v):
                continue
            if country_or_demonym_code(v) or v.lower() in group_words() or is_title_word(v):
                continue
            forms.append((v, g))
    # people sharing a surname: the variant is ambiguous, skip it
    owners: dict[str, set[int]] = defaultdict(set)
    for v, g in forms:
        owners[v].add(id(g))
    forms.sort(key=lambda vg: -len(vg[0]))
    by_first_word = {False: forms_by_first_word(forms, str), True: forms_by_first_word(forms, str.upper)}
    for block in blocks:
        text = block.text
        shouting = is_shouting(text)  # a headline in capitals writes "GALLANT" for Gallant
        for v, g in forms_that_may_occur(forms, by_first_word[shouting], text):
            written = v.upper() if shouting else v
            if len(owners[v]) > 1 or written not in text:
                continue
            for m in _scan_pattern(written).finditer(text):
                s, e = block.offset + m.start(), block.offset + m.end()
                if taken.overlaps(s, e) or in_ranges(m.start(), m.end(), credits[id(block)]):
                    continue
                span = block.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or not shouting and not _name_boundaries_ok(block.doc, span, g.kind):
                    continue
                rule = "actors.known_name_repeated"
                if (v, id(g)) in guarded:
                    if shouting or not surname_in_person_slot(block.doc, span):
                        continue
                    rule = "actors.surname_in_person_slot"
                if shouting and any(t.ent_type_ in {"DATE", "TIME"} for t in span):
                    continue
                cand = make_candidate(block, span.start, span.end, g.kind, "scan", g.known, rule)
                if cand is None:
                    continue
                cand.name = v
                g.members.append(propose(trace, cand))
                taken.append((cand.start, cand.end))


# the words before a surname that say a person, not a place, follows: "said Jordan", "told King"
PERSON_SLOT_BEFORE = frozenset({"said", "says", "told", "asked", "added"})
# a clause about a person after "Jordan, ...": "Jordan, who", "Jordan, whose"
PERSON_SLOT_CLAUSE = frozenset({"who", "whose"})


@register_rule("actors.surname_in_person_slot")
def surname_in_person_slot(doc: Doc, span: Span) -> bool:
    """A known person's surname that is also a country or a title ("Jordan", "King") names the person again
    only where a person stands: the subject of a verb ("Jordan said", "King will play"), after a reporting
    verb ("said King"), or before "who"/"whose"; never after "the", "in", "of" and the like ("the King said",
    "flew to Jordan").

    Example: The film was directed by Maya Jordan in Dublin. Jordan has made four films."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in PERSON_SLOT_BEFORE:
        return True
    if before is not None and (before.pos_ in {"DET", "ADP", "ADJ", "NUM"} or before.lower_ in PLACE_PREPOSITIONS):
        return False
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.pos_ in {"VERB", "AUX"} and after.tag_ != "VBN":
        return True
    return after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in PERSON_SLOT_CLAUSE


def _name_boundaries_ok(doc: Doc, span: Span, kind: str) -> bool:
    """A surname found by string match is not part of another capitalised name ("Hillary Clinton" when
    the known person is "Bill Clinton", "Gallant Street")."""
    if kind != PERSON:
        return True
    if any(t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"AUX", "VERB", "DET", "ADP", "PRON", "ADV"} for t in span):
        return False  # "in May", "Will the ..." are no mentions of Theresa May or John Will
    return stands_alone(doc, span, SURNAME_BEFORE_OK, SURNAME_AFTER_OK)


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
            while k < len(words) - 1 and (country_or_demonym_code(words[k]) or words[k] in {"former", "the"}):
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


@register_rule("actors.role_reference")
def scan_role_references(
    blocks: list[ParsedBlock], groups: list[Group], taken: TakenSpans, trace: Trace = NULL_TRACE
) -> None:
    """ "The defense minister" after "Defense Minister Yoav Gallant" is a mention of Gallant, when that
    role names one person only in the article.

    Example: Foreign Minister John Smith arrived on Monday. The foreign minister said talks would resume."""
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
            if taken.overlaps(s, e):
                continue
            span = block.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or span.end < len(block.doc) and block.doc[span.end].ent_type_ == "PERSON":
                continue  # a title before a name, not a reference
            g = phrases[m.group(1).lower()]
            cand = make_candidate(block, span.start, span.end, PERSON, "role", rule="actors.role_reference")
            if cand:
                g.members.append(propose(trace, cand))
                taken.append((cand.start, cand.end))
