"""Actor candidates: every rule that proposes a span naming a person or an organisation (`kind="finds"`).

Owns the finders run on each block: spaCy's PERSON/ORG entities cleaned, curated organisations (PhraseMatcher),
"<country> government", surnames after an honorific, names with an age, lower-case public bodies and ministries,
plural-possessive organisations, councils named by their place, firms after a cue ("analysts at X"). Each
candidate carries the id of the rule that found it; `find_candidates` runs them all and the drop rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tidynews.extract.actors.drops import (
    in_ranges,
    is_descriptive_phrase,
    is_junk_name,
    is_sentence_initial_common_noun,
    is_treaty_or_place,
    names_area_before_kind_word,
)
from tidynews.extract.actors.lexicon import (
    COUNTRY_POSSESSORS,
    CUE_LINKS,
    CUE_NOUNS,
    GENERIC_MODIFIERS,
    GPE_ORG_HEADS,
    HONORIFICS_BEFORE_NAME,
    LEADING_FUNCTION_WORDS,
    LOWERCASE_INSTITUTION_HEADS,
    MINISTRY_NON_NAMES,
    ORG,
    ORG_HEADS,
    ORG_NOUNS_BEFORE_NAME,
    PERSON,
    PLACE_NOUNS,
    POSSESSIVE,
    QUOTE_CHARS,
    STATE_BODIES,
    big_city_names,
    capital_countries,
    country_code_of,
    group_words,
    known_organisations,
)
from tidynews.extract.actors.names import (
    Candidate,
    clean_span,
    extend_person_name,
    is_age,
    keeps_possessive_s,
    make_candidate,
    member_of_possessor,
    place_word_before_org,
    split_at_possessive,
    title_glued_to_person,
    trim_leading_titles,
)
from tidynews.extract.titles import is_title_word
from tidynews.nlp import ParsedBlock


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


POSSESSIVE_ORG = re.compile(
    # an optional capitalised lead ("National"), a plural owner with its apostrophe, capitalised words,
    # an organisation head: "National Farmers’ Union", "People's Action Party", "Workers' Party"
    r"(?<![\w'’])((?:[A-Z][\w-]*\s+){0,2}(?:[A-Z][a-z]+s['’]|[A-Z][a-z]*(?:people|men|children)['’]s|(?:People|Women|Children|Men)['’]s)"
    r"(?:\s+[A-Z][\w-]*){0,3}?\s+([A-Z][a-z]+))(?![\w'’])"
)


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
