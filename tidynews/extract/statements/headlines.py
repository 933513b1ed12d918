"""Statements in headlines: "Mayor: Bridge Will Reopen in May", "Mayor Says Bridge Will Reopen", "Bridge 'safe' -
mayor". Headline statements have the zone `headline`, so users can keep or drop them.

Owns the rules `statements.headline_colon` (and `statements.headline_colon_person`), `statements.headline_cue` and
`statements.headline_dash_speaker`. A headline is written in title case, which the parser reads poorly, so these
rules read its words in order: a short speaker phrase (a name, a body or a speaker noun), then a colon or a
reporting verb in the present tense, then what was said (or what was said, a dash and the speaker). When the content
holds a quoted fragment, the fragment is the statement (as in the body: the quotation carries the claim).
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import (
    OBJECT_CUES,
    QUOTE_CUES,
    REPORT_CUES,
    SPEAKER_NOUNS,
    TITLE_SMALL_WORDS,
    words,
)
from tidynews.extract.statements.quotation_marks import find_quotations
from tidynews.extract.statements.syntax import Found, is_capitalised_name, letter_words
from tidynews.nlp import ParsedBlock

HEADLINE_LABELS = words("statement_words", "headline_label")  # "The Latest:", "Watch:", "Update:"
MAX_SPEAKER_WORDS = 5
NAME_ENTITIES = ("PERSON", "ORG", "NORP")  # not a place: "Sudan: …" is a topic label, not a speaker


def _present_forms(lemma: str) -> set[str]:
    """ "say" -> {"say", "says"}; "deny" -> {"deny", "denies"}; "stress" -> {"stress", "stresses"}."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    return {lemma, lemma + "s"}


# "Report", "Post", "Rules": words headlines mostly use as nouns are no cue there
HEADLINE_CUES = {form for lemma in QUOTE_CUES | REPORT_CUES for form in _present_forms(lemma)} | {"said"}
HEADLINE_CUES -= words("statement_words", "headline_noun")


def _is_headline_cue(token: Token) -> bool:
    """A reporting verb of a headline: a cue form not tagged as a plural noun and not followed by the real verb
    ("City Power Plant Rules Face …": "Rules" belongs to the subject)."""
    if token.lower_ not in HEADLINE_CUES or token.tag_ in ("NNS", "NNPS"):
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.tag_ not in ("VBZ", "VBP", "VBD", "MD")


def _speaker_like(tokens: list[Token], proper_noun_will_do: bool = False, names: frozenset[str] = frozenset()) -> bool:
    """A short phrase that can name a speaker: capitalised, with a name or a speaker noun in it (or, when the parse
    says the cue after it is a verb, a proper noun; or words all of a name the body gives)."""
    content = [t for t in tokens if not t.is_punct]
    if not content or len(content) > MAX_SPEAKER_WORDS or not content[0].text[:1].isupper():
        return False
    if " ".join(t.lower_ for t in content) in HEADLINE_LABELS or content[0].lower_ in HEADLINE_LABELS:
        return False
    if proper_noun_will_do and any(t.pos_ == "PROPN" for t in content):
        return True
    if all(t.text in names for t in content):
        return True  # a name the body gives, which the tagger did not read in the headline ("… - Ruiz")
    return any(t.ent_type_ in NAME_ENTITIES or t.lower_ in SPEAKER_NOUNS for t in content)


def _content(block: ParsedBlock, lo_char: int, hi_char: int) -> tuple[int, int, str] | None:
    """Block character range of what was said (trimmed), and its kind: a quotation that is all of it is a direct
    statement (the words inside the marks); words around a quoted fragment are part of the claim ("Bridge Repairs
    ‘A Disgrace’" is the statement, not "A Disgrace"), as in the body's reported clauses."""
    text = block.text
    while lo_char < hi_char and (text[lo_char].isspace() or text[lo_char] in ",:;-—–"):
        lo_char += 1
    while hi_char > lo_char and (text[hi_char - 1].isspace() or text[hi_char - 1] in ".,:;-—–"):
        hi_char -= 1
    if len(text[lo_char:hi_char].split()) < 2:
        return None
    quotations = [q for q in find_quotations(text) if lo_char <= q.open_at and q.close_end <= hi_char + 1]
    if len(quotations) == 1 and quotations[0].open_at <= lo_char and quotations[0].close_end >= hi_char:
        return quotations[0].start, quotations[0].end, "direct"
    return lo_char, hi_char, "partial" if quotations else "indirect"


def _found(block: ParsedBlock, content: tuple[int, int, str], speaker: list[Token], cue: str, rule: str) -> Found:
    lo, hi, kind = content
    speaker = [t for t in speaker if not t.is_punct] or speaker
    head = next((t for t in reversed(speaker) if t.pos_ in ("PROPN", "NOUN")), speaker[-1])
    return Found(
        block.offset + lo,
        block.offset + hi,
        kind,
        block=block,
        cue_text=cue,
        subject=head,
        subject_span=(speaker[0].i, speaker[-1].i + 1),
        anchor=block.offset + speaker[0].idx,
        rule=rule,
    )


@register_rule("statements.headline_colon")
def headline_colon(block: ParsedBlock, names: frozenset[str] = frozenset()) -> Found | None:
    """A headline "SPEAKER: CONTENT", the speaker a short name-like phrase ("Mayor to Council: …" keeps the mayor).

    Example (headline): Mayor Ruiz: The Old Bridge Will Reopen in May
    """
    doc = block.doc
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    speaker = list(doc[: colon.i])
    to = next((t for t in speaker if t.lower_ == "to" and t.i > 0), None)
    if to is not None:
        speaker = speaker[: to.i]  # "Clinton to Voters: …": the addressee is not the speaker
    lead = _leading_speaker(doc, 0, names)
    if lead is not None and lead[1] < len(speaker):
        speaker = speaker[: lead[1]]  # "Dock Workers Rip Port Chief: …": the subject speaks, not whom it rips
    rule = headline_colon.rule_id
    if not _speaker_like(speaker):
        if not _bare_name(speaker):
            return None
        rule = headline_colon_person.rule_id
    content = _content(block, colon.idx + 1, len(block.text))
    if content is None:
        return None
    if rule == headline_colon_person.rule_id and not any(
        t.tag_.startswith("VB") or t.tag_ == "MD" for t in doc[colon.i + 1 :]
    ):
        return None  # "Ruiz: A Life at Sea": a title, not a claim
    return _found(block, content, speaker, ":", rule)


NOT_A_PERSON_ENTITIES = ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY")


def _bare_name(tokens: list[Token]) -> bool:
    """One or two capitalised words with no sign of being a place, date or title: a name the tagger did not
    mark ("Ruiz: …"); kept only when it names a person of the article (see `headline_colon_person`)."""
    content = [t for t in tokens if not t.is_punct]
    return (
        0 < len(content) <= 2
        and all(t.is_alpha and t.text[:1].isupper() and t.pos_ not in ("VERB", "AUX", "DET", "PRON") for t in content)
        and not any(t.ent_type_ in NOT_A_PERSON_ENTITIES for t in content)
        and " ".join(t.lower_ for t in content) not in HEADLINE_LABELS
    )


@register_rule("statements.headline_colon_person")
def headline_colon_person(resolved_category: str, resolved_key: str) -> bool:
    """A headline "NAME: CONTENT" whose bare name the tagger did not mark as a person is a statement only when the
    name is that of a person of the article ("Ruiz: …" with "Ana Ruiz said …" in the body); "Brexit: …" is a topic.

    Example (headline): Ruiz: The Old Bridge Will Reopen in May
    """
    return bool(resolved_key) and resolved_category == "person"


@register_rule("statements.headline_cue")
def headline_cue(block: ParsedBlock, names: frozenset[str] = frozenset()) -> Found | None:
    """A headline "SPEAKER Says CONTENT": a short name-like phrase, a reporting verb in the present tense, and at
    least two words of content ("Mayor Says Bridge Will Reopen", "Union Warns of Strike").

    Example (headline): Mayor Ruiz Says the Old Bridge Will Reopen in May
    """
    doc = block.doc
    first = _after_label(doc)  # "The Latest: Mayor vows …": the label is no part of the speaker
    cue = next((t for t in doc[first + 1 : first + MAX_SPEAKER_WORDS + 2] if _is_headline_cue(t)), None)
    if cue is None or doc[cue.i - 1].lower_ in ("to", "will", "would", "may", "might", "could", "should", "not"):
        return None
    speaker = list(doc[first : cue.i])
    verb = cue.tag_ in ("VBZ", "VBP", "VBD")
    if any(t.text in (":", "-", "—", "–", "|") for t in speaker):
        return None
    if not _speaker_like(speaker, verb, names):
        return None
    start = cue.idx + len(cue.text)
    if cue.lower_ in ("tells", "tell", "told"):
        # "Mayor Tells Residents the Bridge Will Reopen": the addressee is not what was said
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i > cue.i), None)
        if obj is not None and obj.right_edge.i + 1 < len(doc):
            start = obj.right_edge.idx + len(obj.right_edge.text)
    content = _content(block, start, len(block.text))
    if content is None:
        return None
    if content[2] == "indirect" and cue.lemma_.lower() not in OBJECT_CUES:
        # "Clerk Explains the Budget Sheet" reports a topic, not a claim: the content needs a verb of its own
        lo, hi = block.offset + content[0], block.offset + content[1]
        if not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in doc if lo <= block.offset + t.idx < hi):
            return None
    return _found(block, content, speaker, cue.text, headline_cue.rule_id)


@register_rule("statements.headline_dash_speaker")
def headline_dash_speaker(block: ParsedBlock, names: frozenset[str] = frozenset()) -> Found | None:
    """A headline "CONTENT - SPEAKER": what was said, a dash, and a short name-like speaker at the end.

    Example (headline): Bridge repairs 'a disgrace' - Mayor Ruiz
    """
    doc = block.doc
    dashes = [t for t in doc if t.text in ("-", "—", "–", "--") and t.i > 1 and doc[t.i - 1].whitespace_]
    if not dashes:
        return None
    dash = dashes[-1]
    speaker = [t for t in doc[dash.i + 1 :] if not t.is_punct]
    if not speaker or not _speaker_like(speaker, names=names) or not all(t.text[:1].isupper() for t in speaker):
        return None
    content = _content(block, 0, dash.idx)
    return _found(block, content, speaker, "-", headline_dash_speaker.rule_id) if content else None


def _after_label(doc) -> int:
    """The index of the first token after a label and its colon opening a headline ("The Latest: …"), else 0."""
    colon = next((t for t in doc[:4] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return 0
    label = " ".join(t.lower_ for t in doc[: colon.i] if not t.is_punct)
    return colon.i + 1 if label in HEADLINE_LABELS and colon.i + 1 < len(doc) else 0


TELL_FORMS = ("tells", "tell", "told")
MAX_ADDRESSEE_WORDS = 3


def _trailing_speaker_like(tokens: list[Token]) -> bool:
    """A short speaker phrase at the end of a headline: a name, a body or a speaker noun, in title case or not
    ("…, Mayor Ruiz Says", "…, officials say"), with no verb of its own."""
    content = [t for t in tokens if not t.is_punct]
    if not content or len(content) > MAX_SPEAKER_WORDS or " ".join(t.lower_ for t in content) in HEADLINE_LABELS:
        return False
    if any(t.lower_ in HEADLINE_CUES or t.lower_ in ("who", "which", "that") for t in content):
        return False
    return any(t.ent_type_ in NAME_ENTITIES or t.lower_ in SPEAKER_NOUNS or t.pos_ == "PROPN" for t in content)


@register_rule("statements.headline_cue_after")
def headline_cue_after(block: ParsedBlock, names: frozenset[str] = frozenset()) -> Found | None:
    """A headline "CONTENT, SPEAKER Says": what was said, a comma, then a short speaker phrase and a reporting verb
    that ends the headline (after "Tells" only whom it was told to may follow).

    Example (headline): The Old Bridge Will Reopen in May, Mayor Ruiz Says
    """
    doc = block.doc
    first = _after_label(doc)
    end = len(doc)
    while end > first and doc[end - 1].is_punct:
        end -= 1
    cue = next((t for t in reversed(doc[max(first, end - MAX_ADDRESSEE_WORDS - 1) : end]) if _ends_headline(t)), None)
    if cue is None or (cue.i != end - 1 and cue.lower_ not in TELL_FORMS):
        return None
    if any(not t.text[:1].isupper() for t in doc[cue.i + 1 : end]):
        return None  # "…, X Tells Voters" names whom; "X says it will …" goes on with what was said
    comma = next((t for t in reversed(doc[first : cue.i]) if t.text == ","), None)
    if comma is None or comma.i <= first + 1:
        return None
    speaker = [t for t in doc[comma.i + 1 : cue.i] if not t.is_punct]
    if not _trailing_speaker_like(speaker):
        return None
    content = _content(block, doc[first].idx, speaker[0].idx)
    if content is None:
        return None
    return _found(block, content, speaker, cue.text, headline_cue_after.rule_id)


def _ends_headline(token: Token) -> bool:
    return token.lower_ in HEADLINE_CUES and token.i > 0


HEADLINE_RULES = (headline_cue_after, headline_colon, headline_cue, headline_dash_speaker)


def headline_statements(block: ParsedBlock, names: frozenset[str] = frozenset()) -> list[Found]:
    """The statement of a headline, by the first rule that reads one; `names` are the words of the names the
    article's body gives (people, organisations, groups)."""
    for rule in HEADLINE_RULES:
        found = rule(block, names)
        if found is not None:
            return [found]
    found = headline_quoted_words(block, names)
    return [found] if found is not None else []


MAX_MODIFIERS = 2  # "Frustrated Parents", "Angry Dock Workers": words before the speaker's head


def _speaker_word(token: Token, names: frozenset[str]) -> bool:
    """A word of a name the body gives, or a speaker noun ("Lawmakers", "Union")."""
    return token.text in names or token.lower_ in SPEAKER_NOUNS


def _leading_speaker(doc, first: int, names: frozenset[str]) -> tuple[int, int] | None:
    """The token range of a speaker phrase opening a headline: up to two capitalised modifiers, then name words
    or speaker nouns (joined by "and"); the word after it must be free to be the verb (a capitalised or
    lower-case word that is no name, no small word of a title and no possessive)."""
    i, seen = first, False
    while i < len(doc) and i - first <= MAX_SPEAKER_WORDS:
        tok = doc[i]
        if _speaker_word(tok, names) and tok.text[:1].isupper():
            seen = True
        elif seen and tok.lower_ in ("and", "&") and i + 1 < len(doc) and _speaker_word(doc[i + 1], names):
            pass
        elif seen:
            break
        elif not (tok.is_alpha and tok.text[:1].isupper()) or i - first >= MAX_MODIFIERS:
            return None
        i += 1
    if not seen or i >= len(doc) or i - first > MAX_SPEAKER_WORDS:
        return None
    verb = doc[i]
    if not verb.is_alpha or verb.lower_ in TITLE_SMALL_WORDS or verb.tag_ in ("IN", "DT", "CC", "POS", "PRP$"):
        return None
    return first, i


def _title_case(doc) -> bool:
    """Whether a headline is written in title case (most of its longer words capitalised)."""
    longer = [t for t in doc if t.is_alpha and len(t) > 3]
    return bool(longer) and sum(t.text[:1].isupper() for t in longer) >= 0.8 * len(longer)


@register_rule("statements.headline_quoted_words")
def headline_quoted_words(block: ParsedBlock, names: frozenset[str] = frozenset()) -> Found | None:
    """A headline "SPEAKER VERB … ‘WORDS’": the quotation after the first verb of a headline opened by a short
    speaker phrase (a name the body gives, or a speaker noun) is that speaker's words, whatever the verb ("Rip",
    "Hammers", "Speaks"). In a headline in sentence case a quoted title ("… in a clip of ‘The Long Road’") is none,
    nor is a quoted name before the noun it names ("Unveils ‘Blue Line’ Ferry Plan").

    Example (headline): Union Leaders Slam Port Chief As A ‘Reckless Gambler’
    """
    doc = block.doc
    first = _after_label(doc)
    span = _leading_speaker(doc, first, names)
    if span is None:
        return None
    verb = doc[span[1]]
    if not _title_case(doc) and not verb.tag_.startswith("VB"):
        return None  # in sentence case the tagger can tell the verb ("UK rebate …": a noun)
    quotation = next((q for q in find_quotations(block.text) if q.open_at > verb.idx and not q.unclosed), None)
    if quotation is None:
        return None
    following = next((t for t in doc if t.idx >= quotation.close_end), None)
    if following is not None and following.pos_ in ("NOUN", "PROPN") and following.lower_ not in TITLE_SMALL_WORDS:
        return None  # a quoted name before the noun it names: "Unveils ‘Blue Line’ Ferry Plan"
    quoted = letter_words(block.text[quotation.start : quotation.end])
    if not _title_case(doc) and (is_capitalised_name(quoted) or not quoted):
        return None  # a name or a title in quotation marks
    lo = verb.idx + len(verb.text)
    colon = next((t for t in doc[verb.i + 1 :] if t.text == ":" and t.idx < quotation.open_at), None)
    if colon is not None:
        lo = colon.idx + 1  # "Mayor Rips Council: ‘…’": what follows the colon is what was said
    content = _content(block, lo, len(block.text))
    if content is None:
        return None
    return _found(block, content, list(doc[span[0] : span[1]]), verb.text, headline_quoted_words.rule_id)
