"""Actor candidates of government: state bodies named by their country ("the Kenyan government", "Kenya's parliament"),
lower-case public bodies and ministries ("the finance ministry"), and councils named by their place ("Harbor City
Council"). `candidates.find_candidates` runs them with the other finders.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tidynews.extract.actors.drops import (
    is_descriptive_phrase,
)
from tidynews.extract.actors.lexicon import (
    COUNTRY_POSSESSORS,
    GENERIC_MODIFIERS,
    LEADING_FUNCTION_WORDS,
    LOWERCASE_INSTITUTION_HEADS,
    MINISTRY_NON_NAMES,
    ORG,
    POSSESSIVE,
    STATE_BODIES,
    capital_countries,
    country_or_demonym_code,
)
from tidynews.extract.actors.names import (
    Candidate,
    make_candidate,
    reject_span,
)
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.nlp import ParsedBlock


@register_rule("actors.state_body")
def state_body_candidates(block: ParsedBlock) -> list[Candidate]:
    """A country or nationality followed by a state body: "the French government", "the U.S. navy",
    "Brazil's spy agency". The country sets the actor's country code.

    Example: The French government said talks would resume next week."""
    doc = block.doc
    out = []
    k = 0
    while k < len(doc):
        if not doc[k].text[:1].isupper():
            k += 1  # a country or nationality starts with a capital: no spans to build from here
            continue
        code, width = "", 0
        for n in (2, 1):
            words = doc[k : k + n]
            if len(words) == n and words[0].text[:1].isupper() and words[0].lower_ != "the" and not words[-1].is_punct:
                code = country_or_demonym_code(words.text)  # not "China," of "in China, police said"
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
                cand = make_candidate(block, k, i + n, ORG, "state-body", rule="actors.state_body")
                if cand:
                    cand.country_code = code
                    out.append(cand)
                break
        k = i
    return out


def lowercase_words_before(doc: Doc, i: int, pos: set[str], most: int = 3) -> int:
    """Where the run of up to `most` lower-case words of these parts of speech right before token i begins: the
    modifiers of a lower-case body's head ("the river flood authority", "the defence ministry")."""
    j = i
    while j > 0 and i - j < most and doc[j - 1].is_lower and doc[j - 1].is_alpha and doc[j - 1].pos_ in pos:
        j -= 1
    return j


@register_rule("actors.lowercase_institution")
def lowercase_institution_candidates(block: ParsedBlock, trace: Trace = NULL_TRACE) -> list[Candidate]:
    """A public body written in lower case, as some outlets do: "the river flood authority",
    "the police complaints commission". Needs two specific words before the head, so "the local
    authority" and "the agency" are not names.

    Example: A spokesman for the river flood authority said the gates were shut."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in LOWERCASE_INSTITUTION_HEADS or not tok.is_lower:
            continue
        j = lowercase_words_before(doc, i, {"NOUN", "ADJ", "VERB", "PROPN"})
        if i - j < 2 or j == 0 or doc[j - 1].lower_ != "the" or doc[j].lower_ in GENERIC_MODIFIERS:
            continue
        if is_descriptive_phrase(doc, j, i + 1):
            s, e = doc[j].idx, doc[i].idx + len(doc[i])
            reject_span(trace, block, s, e, "actors.lowercase_institution", is_descriptive_phrase, "a description")
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"}:
            continue  # "the food safety agency report": a modifier, not a name
        cand = make_candidate(block, j, i + 1, ORG, "lowercase", rule="actors.lowercase_institution")
        if cand:
            out.append(cand)
    return out


@register_rule("actors.lowercase_ministry")
def lowercase_ministry_candidates(block: ParsedBlock) -> list[Candidate]:
    """A ministry written in lower case after "the": "the interior ministry", "the defence ministry",
    "the country's health ministry", "the Peruvian foreign ministry" (a country adjective sets the country
    code and, as for "the French government", stays in the name). "the ministry" alone and "the same
    ministry" are not names; "the country's" is dropped from the name.

    Example: The interior ministry in Valdora said 12 people were held."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.text != "ministry" or i < 1:
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"} and doc[i + 1].is_lower:
            continue  # "the health ministry building": a modifier, not a name
        j = lowercase_words_before(doc, i, {"NOUN", "ADJ", "PROPN"})
        opens_sentence = (
            j > 0
            and i - j < 3
            and doc[j - 1].is_sent_start
            and doc[j - 1].is_title
            and doc[j - 1].is_alpha
            and not country_or_demonym_code(doc[j - 1].text)
            and doc[j - 1].lower_ not in MINISTRY_NON_NAMES | {"the", "a", "an", "every", "each", "no"}
        )
        if opens_sentence:
            j -= 1  # a headline or sentence without "the": "Health ministry warns of shortages"
        if j == i or doc[j].lower_ in MINISTRY_NON_NAMES or doc[i - 1].lower_ in MINISTRY_NON_NAMES:
            continue
        first, code = j, ""
        if j > 0 and doc[j - 1].text[:1].isupper() and country_or_demonym_code(doc[j - 1].text):
            first, code = j - 1, country_or_demonym_code(doc[j - 1].text)  # "the Peruvian interior ministry"
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
        cand = make_candidate(block, first, i + 1, ORG, "lowercase", rule="actors.lowercase_ministry")
        if cand:
            cand.country_code = code
            out.append(cand)
    return out


def country_of_seat(words: Span) -> str:
    """The country of a body's seat written after "in": a country ("in Peru") or a capital ("in Lima");
    two-word capitals too ("in Buenos Aires"). Other cities say nothing of the country.

    Example: "the foreign ministry in Lima" -> "PE"."""
    for n in (2, 1):
        if len(words) >= n and words[n - 1].text[:1].isupper():
            text = words[:n].text
            code = country_or_demonym_code(text) or capital_countries().get(text, "")
            if code:
                return code
    return ""


LOCAL_BODY = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+"
    r"(city|county|district|borough|town|parish|municipal|metropolitan|state|regional|provincial)\s+"
    r"(council|government|assembly|authority|administration|legislature)(?![\w-])"
)


@register_rule("actors.local_government")
def local_government_candidates(block: ParsedBlock) -> list[Candidate]:
    """A council or government named by its place with the body written in lower case, as many outlets do:
    "Leeds city council", "the Kent county council", "Lagos state government". The name is kept as written.

    Example: Leeds city council said bins would be collected on Friday."""
    doc = block.doc
    out = []
    for m in LOCAL_BODY.finditer(block.text):
        start_char = m.start(1)
        words = m.group(1).split()
        while words and words[0] in LEADING_FUNCTION_WORDS:
            words.pop(0)
            start_char = block.text.index(words[0], start_char) if words else -1
        if not words or country_or_demonym_code(" ".join(words)) and m.group(2) != "state":
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
        cand = make_candidate(block, first, span.end, ORG, "local-body", rule="actors.local_government")
        if cand:
            out.append(cand)
    return out
