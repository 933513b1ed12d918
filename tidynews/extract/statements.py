"""Statements: who said what, found in the body of an article and attributed to a speaker.

Three passes find statements, then one pass resolves their speakers, in text order:

1. Quotations. Every passage in quotation marks (curly or straight, double or single, or a paragraph
   opening with a dash), one statement per quotation; a quotation that runs on into the next paragraph
   (or reopens after a full stop without closing) stays one statement. It is attributed to the reporting
   clause after it ("…,” he said.), before it (Smith said: “…”), to the reporting verb that governs it
   when it is a fragment inside the writer's sentence, or, when it stands alone, to the speaker of the
   statement before it.
2. Reported speech. A reporting verb outside quotation marks with its complement: "X said (that) …",
   "X told Y …", "…, X said.", "X warned / denied / described / called on …". The quote is the complement.
   A second reported clause is a second statement of the same speaker: "X said A and that B", "X said A but
   warned that B", "X said A, adding that B". A reporting gerund after a preposition of time or concession
   ("after admitting …", "despite saying …") is background, not a statement.
   Findings are reported speech too: "found"/"showed" report only when their subject is research (a study,
   report, survey, analysis, poll, review, researchers, scientists, data…) or a named person or body
   ("…, the study found." / "A report by the agency found that …"; "Police found a body" is no statement);
   "concluded" and "estimated" report with any subject, as the other reporting verbs do. See `reports_a_finding`.
   A quotation inside a reported clause is the statement (a partial quote) when it is most of the clause, has at
   most three words before it, or when the words outside it are only a subject and a copula or auxiliaries
   ('said the fire was “out of control”' -> "out of control"): no "the fire was" fragment is left behind.
   See `is_subject_and_copula_only`.
3. "according to X".

Speakers are the subject of the reporting verb, resolved to an actor of the same article through the
actor mentions (full name, surname, role such as "the defense minister", "his office", he/she/they).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from tidynews.articles import BODY
from tidynews.extract.common import ArticleExtraction, Entity, Statement
from tidynews.nlp import ParsedArticle, ParsedBlock

# --- word lists: the vocabulary of attribution in news English ---------------------------------------

# Verbs that attribute a quotation ("…,” she said / said Smith / Smith added: “…”).
QUOTE_CUES = set(
    "accuse acknowledge add admit agree allege announce answer argue ask assert boast brand call caution "
    "claim comment complain concede conclude condemn confirm contend continue counter criticise criticize "
    "declare demand deny describe disclose dismiss dub emphasise emphasize exclaim explain hail indicate "
    "insist joke label lament maintain mutter note observe plead pledge post praise predict proclaim "
    "promise quip recall reiterate remark reply report respond retort reveal rule say scream shout state "
    "stress suggest tell testify threaten tweet urge vow warn whisper write".split()
)
# Verbs that introduce reported speech without quotation marks: X said (that) …
REPORT_CUES = set(
    "acknowledge add admit allege announce argue assert call caution claim complain concede conclude "
    "confirm contend declare deny describe disclose emphasise emphasize estimate explain indicate insist "
    "maintain note pledge predict promise reiterate reply report respond reveal rule say signal state "
    "stress suggest tell testify threaten tweet urge vow warn write".split()
)
# Verbs of findings that report only for research or a named source: "the study found (that) …", "the survey
# showed that …", "Dr Lee found …". "Police found a body" and "the video showed …" are no statements.
RESEARCH_CUES = {"find", "show"}
# Nouns that head a research subject ("the study", "a report by the agency", "the researchers").
RESEARCH_NOUNS = set(
    "analysis analyses assessment audit census data figures inquiry investigation model modelling paper poll "
    "polling polls report reports research researcher researchers review scientist scientists statistics "
    "studies study survey surveys trial trials".split()
)
# Of those, the ones whose complement may be an object rather than a clause:
# "denied any role", "described him as …", "called on Israel to …", "urged both sides to …".
OBJECT_CUES = {
    "deny",
    "describe",
    "call",
    "urge",
    "warn",
    "brand",
    "dub",
    "label",
    "vow",
    "pledge",
    "promise",
    "threaten",
}
# Of those, the ones that need a speaker as subject ("the plan promises to …" is no statement).
NEEDS_SPEAKER_SUBJECT = {"vow", "pledge", "promise", "threaten"}
# Verbs that take no noun object: a long "object" of theirs is a misparsed clause ("says the council plan …").
CLAUSE_ONLY_CUES = {"say", "insist"}
OBJECT_COMPLEMENT_DEPS = {"dobj", "xcomp", "oprd", "ccomp", "attr"}
OBJECT_COMPLEMENT_PREPS = {"on", "for", "of", "as", "against", "about"}
# Nouns that name a speaker when they head a subject ("a senior official", "critics", "the judges").
SPEAKER_NOUNS = set(
    "activist activists administration adviser advisers advisor agency aide aides ambassador analyst "
    "analysts army author authorities authors bank campaigner campaigners chair chairman chairwoman chief "
    "commander commission committee company council countries country court critic critics department "
    "diplomat diplomats director doctor doctors envoy executive expert experts families family farmer "
    "farmers firm general government governor group groups head judge judges lawmaker lawmakers lawyer "
    "lawyers leader leaders manager mayor member members military minister ministry mp mps nation nations "
    "negotiator negotiators office officer officers official officials organisers organizers others owner "
    "party people police president prime prosecutor prosecutors protester protesters report "
    "representative representatives researcher researchers resident residents scientist scientists "
    "secretary senator source sources spokesman spokespeople spokesperson spokeswoman statement student "
    "students study survey teacher union voter voters witness witnesses worker workers".split()
)
# Speaker nouns that name one person ("the spokesman said" -> he/she later refers to them).
PERSON_NOUNS = set(
    "activist adviser advisor aide ambassador analyst author campaigner chairman chairwoman chief "
    "commander diplomat director doctor envoy executive expert farmer general governor judge lawmaker "
    "lawyer leader manager mayor member minister negotiator officer official owner president prosecutor "
    "researcher resident scientist secretary senator spokesman spokesperson spokeswoman student teacher "
    "witness worker daughter son wife husband mother father brother sister man woman neighbour neighbor friend "
    "widow survivor victim patient nurse pilot driver fisherman farmer coach player captain".split()
)
SPEAKER_NOUNS |= PERSON_NOUNS
# A definite description that can only be someone already named: an age or a nationality.
DESCRIBES_A_PERSON = re.compile(
    r"^(?i:the)\s+(?:\d+-year-old|[A-Z][a-z]+(?:man|woman|ian|ean|ese|ish|i|an)|Briton|Dane|Swede|Pole|Finn|Scot|Turk|Greek|Swiss|Thai)$"
)
# "the company said": a body named earlier; the noun must be in its name, or say what kind of body it is.
BODY_DESCRIPTION = re.compile(
    r"^(?i:the)\s+(company|firm|carmaker|airline|bank|group|retailer|manufacturer|union|ministry|court|party|"
    r"agency|council|department|commission|club|army|police)$"
)
BUSINESS_WORDS = {"company", "firm", "carmaker", "airline", "bank", "group", "retailer", "manufacturer"}
INDEFINITE = re.compile(r"^(?:a|an|one|two|three|several|some|many|other|another)\s", re.IGNORECASE)
# A possessed noun that stands for its possessor: "his office said" -> the person.
STANDS_FOR_POSSESSOR = {"office", "camp", "bureau"}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them"}
PRONOUNS_THING = {"it"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor", "rev"}

# --- quotation marks ---------------------------------------------------------------------------------

DOUBLE_OPEN, DOUBLE_CLOSE = "“«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘‹", "’›"
OPENERS_BEFORE = " \t([{—–-/“‘«\"'"
DASH_QUOTE = re.compile(r"^[—–]\s*")
CLOSING_DASH = re.compile(r"[,.!?]?\s+[—–]\s+")
SENTENCE_PUNCT = {".", "!", "?"}


@dataclass
class Quotation:
    """A quoted passage of one paragraph: `start:end` are the words inside the marks (block offsets);
    `open_at:close_end` include the marks. `unclosed` is a quotation still open at the paragraph end."""

    start: int
    end: int
    open_at: int
    close_end: int
    unclosed: bool = False
    dash: bool = False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def quotation_marks(text: str) -> list[tuple[int, str, str]]:
    """Each quotation mark of a paragraph as (position, 'double'|'single', 'open'|'close'|'either').

    An apostrophe is not a mark: there’s, Hamas’s, don't (between letters), states' (after an s, when no
    single quotation is open) and '90s are left out here or by `find_quotations`.
    Example: 'He said “it’s ‘fine’”.' -> “ open, ‘ open, ’ close, ” close (the ’ of it’s is skipped).
    """
    marks = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in DOUBLE_OPEN:
            marks.append((i, "double", "open"))
        elif ch in DOUBLE_CLOSE:
            marks.append((i, "double", "close"))
        elif ch == '"':
            if prev in OPENERS_BEFORE and not nxt.isspace():
                marks.append((i, "double", "open"))
            elif not prev.isspace() and (nxt.isspace() or not _is_word(nxt)):
                marks.append((i, "double", "close"))
            else:
                marks.append((i, "double", "either"))
        elif ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == "'":
            if _is_word(prev) and _is_word(nxt):
                continue  # there’s, don't
            if ch in SINGLE_OPEN or (ch == "'" and prev in OPENERS_BEFORE):
                if nxt.isspace() or nxt.isdigit():
                    continue  # '90s, a stray mark
                marks.append((i, "single", "open"))
            elif not prev.isspace():
                marks.append((i, "single", "close"))
    return marks


def find_quotations(text: str) -> list[Quotation]:
    """The quoted passages of one paragraph, outermost only (a ‘quote’ inside a “quote” is part of it).

    A double quotation that reopens before closing ("…gates. “We will…”) is one quotation; one still open
    at the end of the paragraph is returned with `unclosed` (it may go on in the next paragraph). A single
    quotation must close in the paragraph unless it opened a quoted sentence, else its mark was an apostrophe.
    Example: '“We will win,” he said. “Never give up.”' -> two quotations.
    """
    dash = DASH_QUOTE.match(text)
    if dash:
        return dash_quotations(text, dash.end())
    found: list[Quotation] = []
    outer: tuple[int, str] | None = None  # (position of the opening mark, its family)
    marks = quotation_marks(text)
    # later_single_close[k]: is there a mark after the k-th one that could close a single quotation?
    later_single_close = [False] * (len(marks) + 1)
    for k in range(len(marks) - 1, -1, -1):
        _, f, r = marks[k]
        later_single_close[k] = later_single_close[k + 1] or (f == "single" and r != "open")
    for k, (pos, family, role) in enumerate(marks):
        if outer is None:
            if role in ("open", "either"):
                outer = (pos, family)
            continue
        open_pos, open_family = outer
        if family != open_family:
            continue  # a nested quotation of the other family
        if role in ("close", "either"):
            whole = introduces_quotation(text, open_pos)
            if family == "single" and is_plural_possessive(text, pos, whole, later_single_close[k + 1]):
                continue
            if family == "double" or pos - open_pos > 3:  # rock 'n' roll: an elision, not a quotation
                found.append(_quotation(text, open_pos, pos, pos + 1))
            outer = None
        # an opening mark of the same family while one is open: the quotation reopens, it goes on
    if outer is not None and (outer[1] == "double" or introduces_quotation(text, outer[0])):
        found.append(_quotation(text, outer[0], len(text), len(text), unclosed=True))
    return [q for q in found if q.end > q.start]


def introduces_quotation(text: str, open_pos: int) -> bool:
    """Whether a quotation opens a paragraph or follows "said:" / "said," (so it is a whole quoted sentence)."""
    return open_pos == 0 or text[:open_pos].rstrip().endswith((":", ","))


def is_plural_possessive(text: str, pos: int, whole_sentence_quoted: bool, closable_later: bool) -> bool:
    """Whether a single mark after an s is a plural possessive (the workers' rights), not a closing mark.

    Inside a quoted sentence an "s' word" is a possessive; inside a quoted fragment it is one only when
    a later mark can still close the fragment. Example: "'The nurses' patience has run out,' she said."
    """
    if text[pos - 1 : pos] not in ("s", "S") or pos + 2 >= len(text) or text[pos + 1] != " ":
        return False
    if not text[pos + 2].isalpha():
        return False
    if whole_sentence_quoted:
        return True
    return closable_later


def _quotation(text: str, open_pos: int, inner_end: int, close_end: int, unclosed: bool = False) -> Quotation:
    start = open_pos + 1
    while start < inner_end and text[start].isspace():
        start += 1
    end = inner_end
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quotation(start, end, open_pos, close_end, unclosed)


def dash_quotations(text: str, start: int) -> list[Quotation]:
    """A paragraph that opens with a dash is a quotation (a convention of some European outlets).

    Dashes cut the paragraph into pieces that are quotation, attribution, quotation…: "— We will win, — said
    the mayor, — and soon." A piece may also end in its own reporting clause after a comma ("— We will win,
    said the mayor. — And soon."). A piece with neither runs to the end of the paragraph.
    Example: "— We will not leave, the farmer said." -> "We will not leave,".
    """
    pieces = []  # (start, end, position of the dash before it, where the text after it begins)
    pos, dash_at = start, 0
    for m in CLOSING_DASH.finditer(text, start):
        end = m.start() + (1 if text[m.start()] in ",.!?" else 0)
        pieces.append((pos, end, dash_at, m.end()))
        dash_at = m.start() + len(m.group()) - len(m.group().lstrip(" ,.!?"))
        pos = m.end()
    pieces.append((pos, len(text.rstrip()), dash_at, len(text)))
    out = []
    expect_quote = True
    for k, (p_start, p_end, p_dash, p_next) in enumerate(pieces):
        if not expect_quote:
            expect_quote = True  # an attribution between dashes: the next piece is quoted again
            continue
        tail = _reporting_tail(text, p_start, p_end)
        if tail is not None:
            out.append(Quotation(p_start, tail, p_dash, tail, dash=True))
            continue
        last = k == len(pieces) - 1
        out.append(Quotation(p_start, p_end, p_dash, p_next, unclosed=last, dash=True))
        expect_quote = False
    return [q for q in out if q.end > q.start]


DASH_REPORTING_WORDS = re.compile(
    r"\b(said|says|told|tells|added|adds|asked|asks|explained|insisted|replied|warned|stressed|shouted)\b"
)


def _reporting_tail(text: str, start: int, end: int) -> int | None:
    """Where a short reporting clause after a comma ends a quoted piece: "We will win, said the mayor."

    Returns the end of the quotation (just after its comma), or None.
    """
    for m in reversed(list(re.finditer(r"[,!?]\s", text[start:end]))):
        tail = text[start + m.end() : end]
        if len(tail.split()) <= 14 and DASH_REPORTING_WORDS.search(tail):
            return start + m.start() + 1
    return None


# --- found statements, before their speaker is resolved ------------------------------------------------


@dataclass
class Found:
    """A statement found in the text, with what is known of its speaker before resolution."""

    start: int  # article offsets of the quote
    end: int
    kind: str
    block: ParsedBlock | None = None
    cue: Token | None = None
    cue_text: str = ""
    subject: Token | None = None  # head of the speaker's noun phrase
    subject_span: tuple[int, int] | None = None  # token range [i, j) of the speaker in the block
    addressee: str = ""
    from_context: bool = False  # the speaker is the one of the statement before
    anchor: int = 0  # article offset where the attribution is (for pronoun resolution)
    paragraph: int = 0  # index of the paragraph the statement starts in


def is_cue(token: Token, cues: set[str]) -> bool:
    """A reporting verb: "said", "told", "warned"… (a verb, by its lemma)."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, following conjunctions and participles up to the verb that has one.

    Example: "The court opened the door by saying checks were lax." -> saying -> court.
    """
    outer = outer_reporting_verb(verb)
    if outer is not None:
        verb = outer  # "Ms Novak said the talks went well and added that …": added -> said -> Ms Novak
    node = verb
    for _ in range(8):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head  # "Smith, who said …" -> Smith
            return _subject_after_clause(subj)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return None
        walk = ("conj", "advcl", "pcomp", "prep", "xcomp") + (("pobj", "dobj") if node.i != verb.i else ())
        if node.dep_ not in walk or node.head.i == node.i:
            break
        node = node.head
    if verb.dep_ in ("ROOT", "ccomp", "parataxis"):
        # "said Okafor": an inverted subject parsed as an object
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "npadvmod", "attr", "appos")]
        if after and after[0].pos_ in ("PROPN", "NOUN"):
            return after[0]
        # "The 52-year-old added …": a subject parsed as a modifier of the verb
        before = [
            c for c in verb.children if c.i < verb.i and c.dep_ not in ("aux", "advmod", "punct", "cc", "neg", "det")
        ]
        if before and all(c.dep_ in ("amod", "npadvmod", "dep", "nmod", "compound") for c in before):
            if before[-1].pos_ in ("NOUN", "PROPN", "ADJ") and before[-1].i == verb.i - 1:
                return before[-1]
    return None


def _subject_after_clause(subj: Token) -> Token:
    """Repair "After the mayor left Tarnow, a group of traders agreed …", where the parser takes the object of the
    opening clause (Tarnow) as the subject and the real subject as its apposition."""
    doc = subj.doc
    if subj.i > 0 and doc[subj.i - 1].pos_ == "VERB" and doc[subj.i - 1].dep_ == "advcl":
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
        if appos is not None and doc[appos.left_edge.i - 1].text == ",":
            return appos
    return subj


def noun_phrase(head: Token) -> tuple[int, int]:
    """The token range of the noun phrase headed by `head`, without appositions and relative clauses.

    Example: "Helen Marsh, policy director of Fairwatch, said" -> "Helen Marsh".
    """
    drop = {"appos", "relcl", "acl", "punct", "advmod", "cc"}
    keep = [head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.left_edge.i > 0 and head.doc[child.left_edge.i - 1].text not in ",(—–":
            keep.extend(t.i for t in child.subtree)  # "US envoy Amos Hochstein": a name, not a parenthesis
            continue
        if child.dep_ in drop and not (child.dep_ == "cc" and any(c.dep_ == "conj" for c in head.children)):
            continue
        if child.dep_ == "conj":
            keep.extend(t.i for t in child.subtree if t.dep_ not in ("appos", "relcl"))
        else:
            keep.extend(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep) + 1
    # the kept tokens must be contiguous with the head: stop at a comma or dash between them
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].text in {",", "(", "—", "–", ";"} or (doc[i].is_quote and doc[i].dep_ != "case"):
            lo = i + 1
            break
    for i in range(head.i + 1, hi):
        if doc[i].text in {",", "(", "—", "–", ";", ")"} or (doc[i].is_quote and doc[i].dep_ != "case"):
            if not any(c.dep_ == "conj" and c.i > i for c in head.children):
                hi = i
                break
    if lo > 0 and doc[lo - 1].dep_ == "det" and doc[lo - 1].head.i == head.head.i and head.head.i > head.i:
        lo -= 1  # "The 52-year-old added": the article was attached to the verb
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].lower_ in ("but", "and") or doc[lo].pos_ == "ADV"):
        lo += 1
    if head.ent_type_ == "PERSON" and lo > 0 and doc[lo - 1].pos_ == "ADP" and doc[lo].lower_ in ("the", "a", "an"):
        # "After the verdict Helen Marsh said": the object of the preposition was parsed into the name
        name_start = head.i
        while name_start > lo and doc[name_start - 1].ent_type_ == "PERSON":
            name_start -= 1
        lo = name_start
    return lo, hi


def addressee_of(verb: Token) -> str:
    """Whom a statement is addressed to: the object of "tell", or "to X" after another reporting verb.

    Example: "Gallant told US envoy Hochstein that …" -> "US envoy Hochstein".
    """
    for child in verb.children:
        if child.i < verb.i:
            continue
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            lo, hi = noun_phrase(child)
            return verb.doc[lo:hi].text
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and verb.lemma_ != "tell":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                lo, hi = noun_phrase(obj)
                return verb.doc[lo:hi].text
    return ""


def cue_text(verb: Token) -> str:
    """The reporting verb with its particle or preposition: "said", "called on", "pointed out"."""
    words = [verb.text]
    for child in verb.children:
        if child.i == verb.i + 1 and (child.tag_ == "RP" or (verb.lemma_ == "call" and child.lower_ in ("on", "for"))):
            words.append(child.text)
    return " ".join(words)


def reports_a_finding(verb: Token) -> bool:
    """Whether "found"/"showed" reports a finding: its subject is research (a study, report, survey, analysis,
    poll, review, researchers, scientists, data) or a named person or body.

    Example: "Most tenants paid more, the study found." -> yes; "Police found a body in the river." -> no.
    """
    if not is_cue(verb, RESEARCH_CUES) or verb.tag_ == "VBG":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in RESEARCH_NOUNS or subj.lower_ in RESEARCH_NOUNS:
        return True
    return subj.ent_type_ in ("PERSON", "ORG") and subj.pos_ == "PROPN"


def is_speaker_like(head: Token) -> bool:
    """Whether a subject can be a speaker: a name, a pronoun for people or bodies, or a speaker noun."""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if head.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL:
        return True
    return head.pos_ == "PROPN" or head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS


# --- pass 1: quotations ---------------------------------------------------------------------------------


class QuoteFinder:
    """Finds the quotations of an article's body and attributes each to a reporting clause."""

    def __init__(self, blocks: list[ParsedBlock]):
        self.blocks = blocks
        self.quotations = [find_quotations(b.text) for b in blocks]
        self._close_forgotten_marks()
        self.quoted = [self._quoted_mask(b, qs) for b, qs in zip(blocks, self.quotations, strict=True)]
        self.used_cues: set[tuple[int, int]] = set()  # (block index, token index) of cues of quotations
        self.dash_spoken: set[int] = set()  # paragraphs whose dash quotation is a statement

    def _close_forgotten_marks(self) -> None:
        """A quotation left open at a paragraph end that the next paragraph does not reopen ends before a
        reporting clause of its own, if it has one: '“The ferry will stop, the operator said.' (a mark forgotten).
        """
        for bi, quotations in enumerate(self.quotations):
            if not quotations or not quotations[-1].unclosed or quotations[-1].dash:
                continue
            following = self.quotations[bi + 1] if bi + 1 < len(self.quotations) else []
            if following and following[0].open_at == 0:
                continue  # it goes on in the next paragraph
            q = quotations[-1]
            tail = _reporting_tail(self.blocks[bi].text, q.start, q.end)
            if tail is not None:
                quotations[-1] = Quotation(q.start, tail, q.open_at, tail)

    @staticmethod
    def _quoted_mask(block: ParsedBlock, quotations: list[Quotation]) -> list[bool]:
        mask = []
        for tok in block.doc:
            mask.append(any(q.open_at <= tok.idx < max(q.close_end, q.end) for q in quotations))
        return mask

    def statements(self) -> list[Found]:
        found: list[Found] = []
        pending: tuple[int, Token] | None = None  # "Smith said:" ending the previous paragraph
        bi = 0
        while bi < len(self.blocks):
            quotations = self.quotations[bi]
            for qi, q in enumerate(quotations):
                parts = [(bi, q)]
                # a quotation left open at the paragraph end goes on where the next paragraph reopens one
                while parts[-1][1].unclosed and parts[-1][0] + 1 < len(self.blocks):
                    nb = parts[-1][0] + 1
                    nxt = self.quotations[nb]
                    if nxt and nxt[0].open_at == 0 and not nxt[0].dash and not parts[-1][1].dash:
                        parts.append((nb, nxt[0]))
                    else:
                        break
                if qi == 0 and bi > 0 and self._continues_previous(bi):
                    continue  # already taken as the continuation of the previous paragraph's quotation
                item = self.attribute(parts, qi, pending if qi == 0 else None)
                if item is not None:
                    found.append(item)
                    if q.dash:
                        self.dash_spoken.add(bi)
            pending = self._colon_attribution(bi)
            bi += 1
        return found

    def _continues_previous(self, bi: int) -> bool:
        prev = self.quotations[bi - 1]
        first = self.quotations[bi][0]
        return bool(prev) and prev[-1].unclosed and not prev[-1].dash and first.open_at == 0 and not first.dash

    def _colon_attribution(self, bi: int) -> tuple[int, Token] | None:
        """A paragraph that ends "Smith said:" attributes the quotation that opens the next one."""
        doc = self.blocks[bi].doc
        if not len(doc) or doc[-1].text != ":" or self.quoted[bi][-1]:
            return None
        frame = self._frame_before(bi, len(doc) - 1)
        cue = next((t for t in reversed(frame) if is_cue(t, QUOTE_CUES)), None)
        return (bi, cue) if cue is not None else None

    def _frame_before(self, bi: int, tok_end: int) -> list[Token]:
        """The writer's words of the same sentence before a token: back to a full stop or another quotation."""
        doc, quoted = self.blocks[bi].doc, self.quoted[bi]
        out = []
        i = tok_end - 1
        while i >= 0 and not quoted[i] and doc[i].text not in SENTENCE_PUNCT:
            out.append(doc[i])
            i -= 1
        return out[::-1]

    def _frame_after(self, bi: int, tok_start: int) -> list[Token]:
        """The writer's words of the same sentence after a quotation: up to a full stop or another quotation."""
        doc, quoted = self.blocks[bi].doc, self.quoted[bi]
        out = []
        i = tok_start
        while i < len(doc) and not quoted[i]:
            out.append(doc[i])
            if doc[i].text in SENTENCE_PUNCT:
                break
            i += 1
        return out

    def _token_at(self, bi: int, char: int) -> int:
        doc = self.blocks[bi].doc
        for tok in doc:
            if tok.idx >= char:
                return tok.i
        return len(doc)

    def attribute(self, parts: list[tuple[int, Quotation]], qi: int, pending) -> Found | None:
        """Attribute one quotation (possibly running over several paragraphs) to its reporting clause."""
        bi, q = parts[0]
        last_bi, last_q = parts[-1]
        block = self.blocks[bi]
        text = block.text
        start = block.offset + q.start
        end = self.blocks[last_bi].offset + last_q.end
        if end <= start:
            return None
        quote_text = text[q.start : q.end]
        found = Found(start, end, "direct", block=block, anchor=start, paragraph=bi)

        before = self._frame_before(bi, self._token_at(bi, q.open_at))
        after = [] if last_q.unclosed else self._frame_after(last_bi, self._token_at(last_bi, last_q.close_end))
        before_words = [t for t in before if not t.is_punct]
        after_is_new_sentence = (
            not after
            or after[0].text in SENTENCE_PUNCT
            or (
                quote_text.rstrip().endswith((".", "…"))
                and (after[0].is_title or after[0].is_upper)
                and not (after[0].pos_ == "PROPN" and len(after) > 1 and is_cue(after[1], QUOTE_CUES))
            )
        )
        # 1. the reporting clause after the quotation: “…,” he said. / “…,” said Smith.
        named_before = pending is not None and not before_words
        split = bool(before) and before[0].i > 0 and self.quoted[bi][before[0].i - 1]
        if not after_is_new_sentence:
            cue = self._attribution_after(after, quote_text)
            subj = subject_of(cue) if cue is not None else None
            if named_before and subj is not None and subj.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL:
                cue = None  # "Smith said:" / “… / …,” he added: the name before says more than the pronoun
            if cue is not None:
                self._set_cue(found, self.blocks[last_bi], cue, last_bi)
                attributive = self._attributive_before(before, quote_text, split)
                found.kind = "direct" if not before_words or attributive else "partial"
                if found.subject is not None or found.from_context:
                    return found
        # 2. the reporting clause before it: Smith said: “…” / he said, “…” / “…,” he said, “…”
        if before_words and self._attributive_before(before, quote_text, split):
            cue = next((t for t in reversed(before) if is_cue(t, QUOTE_CUES)), None)
            if cue is not None:
                self._set_cue(found, block, cue, bi)
                found.kind = "direct"
                return found
        if named_before:
            pbi, cue = pending
            self._set_cue(found, self.blocks[pbi], cue, pbi)
            return found
        # 3. a fragment in the writer's sentence: the outermost reporting verb that governs it
        if before_words or (after and not after_is_new_sentence):
            found.kind = "partial"
            if self._is_name_or_title(quote_text) or (before and before[-1].lower_ in ("so-called", "dubbed")):
                return None  # “Clean Streets”, the so-called “peace plan”: not a statement
            cue = self._governing_cue(bi, q)
            if cue is None:
                cue = next((t for t in reversed(before) if is_cue(t, QUOTE_CUES)), None)
            if cue is not None:
                self._set_cue(found, block, cue, bi, governing=True)
                if found.subject is not None:
                    return found
            holder = self._governing_subject(bi, q)
            if holder is not None:
                found.cue_text = holder.head.text
                found.subject = holder
                found.subject_span = noun_phrase(holder)
                found.block = block
                return found
            found.from_context = True
            found.cue_text = ""
            return found
        # 4. a quotation standing alone: "Smith said:" at the end of the paragraph before, or the last speaker
        if q.dash and qi == 0 and pending is None and bi - 1 not in self.dash_spoken:
            return None  # a dash paragraph nobody is said to speak is a list item, not a quotation
        if pending is not None:
            pbi, cue = pending
            self._set_cue(found, self.blocks[pbi], cue, pbi)
            return found
        found.from_context = True
        return found

    @staticmethod
    def _attribution_after(after: list[Token], quote_text: str) -> Token | None:
        """The reporting verb of a clause right after a quotation: “…,” he said / “…?” asked Smith.

        Every word between the quotation and the verb must belong to the verb's subject or be an adverb
        ("…,” the minister later said), so '“wipe out” the gang if it struck' is no attribution.
        """
        words = [t for t in after if not t.is_punct]
        if not words:
            return None
        ends_open = quote_text.rstrip()[-1:] in ",?!…—–:;" or after[0].text in (",", "—", "–")
        if not ends_open and not words[0].is_lower:
            return None
        cue = next((t for t in words[:12] if is_cue(t, QUOTE_CUES)), None)
        if cue is None:
            return None
        subj = subject_of(cue)
        subject_ids = {t.i for t in subj.subtree} if subj is not None else set()
        for tok in words:
            if tok.i >= cue.i:
                break
            if tok.i not in subject_ids and not (
                tok.head.i == cue.i and tok.dep_ in ("advmod", "aux", "neg", "npadvmod")
            ):
                return None
        return cue

    @staticmethod
    def _attributive_before(before: list[Token], quote_text: str, split: bool = False) -> bool:
        """Whether the words before a quotation introduce it: they end with ':', or with ',' and hold a reporting
        verb, before a capital or between two parts of one quotation (“…,” he said, “and …”)."""
        if not before:
            return False
        last = before[-1].text
        if last == ":":
            return True
        return last == "," and (quote_text[:1].isupper() or split) and any(is_cue(t, QUOTE_CUES) for t in before)

    @staticmethod
    def _is_name_or_title(quote_text: str) -> bool:
        """A short quotation in which every word is capitalised is a name or a title, not a statement."""
        words = re.findall(r"[^\W\d_][\w’'-]*", quote_text)
        return 0 < len(words) <= 6 and all(w[0].isupper() for w in words)

    def _set_cue(self, found: Found, block: ParsedBlock, cue: Token, bi: int, governing: bool = False) -> None:
        if not governing:
            self.used_cues.add((bi, cue.i))  # the verb attributes this quotation; it reports nothing else
        found.cue = cue
        found.cue_text = cue_text(cue)
        found.block = block
        found.addressee = addressee_of(cue)
        found.anchor = block.offset + cue.idx
        subj = subject_of(cue)
        if subj is not None:
            found.subject = subj
            found.subject_span = noun_phrase(subj)
        else:
            found.from_context = True

    def _quote_roots(self, bi: int, q: Quotation) -> list[Token]:
        doc = self.blocks[bi].doc
        inside = [t for t in doc if q.start <= t.idx < q.end]
        ids = {t.i for t in inside}
        return [t for t in inside if t.head.i not in ids]

    def _governing_cue(self, bi: int, q: Quotation) -> Token | None:
        """The outermost reporting verb outside quotation marks above a quoted fragment in the parse.

        Example: 'The ministry said on Thursday that he was briefed on “the situation”.' -> said.
        """
        quoted = self.quoted[bi]
        best = None
        for root in self._quote_roots(bi, q):
            node = root.head
            for _ in range(30):
                if not quoted[node.i] and is_cue(node, QUOTE_CUES):
                    if best is None or self._depth(node) < self._depth(best):
                        best = node
                if node.head.i == node.i:
                    break
                node = node.head
        return best

    def _governing_subject(self, bi: int, q: Quotation) -> Token | None:
        """The subject of the clause around a quoted fragment, when it can be a speaker.

        Example: 'Coastal states agreed to “step up patrols”.' -> states.
        """
        quoted = self.quoted[bi]
        for root in self._quote_roots(bi, q):
            node = root
            for _ in range(30):
                if node.pos_ in ("VERB", "AUX") and not quoted[node.i]:
                    subj = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
                    if subj is not None:
                        subj = _subject_after_clause(subj)
                        return subj if is_speaker_like(subj) and not quoted[subj.i] else None
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    @staticmethod
    def _depth(token: Token) -> int:
        d = 0
        while token.head.i != token.i and d < 50:
            token = token.head
            d += 1
        return d


# --- pass 2: reported speech -------------------------------------------------------------------------------

# Prepositions that make a reporting verb after them background, not a new statement: "after admitting …",
# "despite saying …", "without saying …". ("by saying" is kept: it names the act by which the subject spoke.)
BACKGROUND_PREPOSITIONS = {"after", "before", "despite", "since", "following", "upon", "without", "notwithstanding"}


def is_background_participle(verb: Token) -> bool:
    """Whether a reporting verb is a gerund after a preposition of time or concession, so what it reports is
    background to the sentence (something said before, or not said), not a statement the article reports.

    Rule: a gerund (VBG) that is the complement of "after", "before", "despite", "since", "following", "upon",
    "without", "notwithstanding" or "in spite of" (or the verb of an adverbial clause they introduce) is skipped
    in reported speech; "by saying" is not (it is how the subject made the statement).
    Example: "The council raised fees after admitting it faces a shortfall." -> no statement.
    """
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp":
        prep = verb.head
        if prep.lower_ in BACKGROUND_PREPOSITIONS:
            return True
        return prep.lower_ == "of" and prep.head.lower_ == "spite"
    if verb.dep_ == "advcl":
        return any(c.dep_ in ("mark", "prep") and c.lower_ in BACKGROUND_PREPOSITIONS for c in verb.children)
    return False


def outer_reporting_verb(verb: Token) -> Token | None:
    """The reporting verb whose speaker a subjectless reporting verb shares when the parser has hung it on the
    reported clause instead of on the first reporting verb ("and added that …", ", adding that …"), or None.

    Example: "Ms Vidal said sales had risen and added that prices would fall." -> added hangs on "risen", the
    complement of said: its speaker is the subject of said.
    """
    if not is_cue(verb, QUOTE_CUES | REPORT_CUES) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.doc[verb.left_edge.i - 1].text == ","
    if verb.dep_ != "conj" and not participle:
        return None
    if not reports_its_own_clause(verb):
        return None  # "said A and denied any role": an object, not a second reported clause; one statement
    clause = verb.head
    if is_cue(clause, QUOTE_CUES | REPORT_CUES):
        return None  # "said Jones denied it and insisted …": insisted is Jones's
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "said A and that B, adding that C": from B to A
    if clause.dep_ != "ccomp" or clause.i > verb.i or is_cue(clause, QUOTE_CUES | REPORT_CUES):
        return None
    outer = clause.head
    return outer if is_cue(outer, QUOTE_CUES | REPORT_CUES) and outer.i < clause.i else None


def reports_its_own_clause(verb: Token) -> bool:
    """Whether a reporting verb reports a clause or a quotation of its own ("warned that …", "added: “…”"),
    rather than a noun object ("denied any role", "described him as …").

    Example: "The firm said it was sorry and stressed that no data was lost." -> stressed: yes.
    """
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True
    doc = verb.doc
    nxt = verb.i + 1
    while nxt < len(doc) and (doc[nxt].tag_ == "RP" or doc[nxt].dep_ == "advmod"):
        nxt += 1
    return nxt < len(doc) and doc[nxt].text in (":", ",") and nxt + 1 < len(doc) and doc[nxt + 1].is_quote


def is_second_that_clause(conj: Token) -> bool:
    """Whether a clause conjoined to a reported clause is a second one under the same verb ("… and that …").

    Example: "The agency said fares would rise and that services would be cut." -> "services would be cut".
    """
    return conj.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" and c.i < conj.i for c in conj.children)


def second_clause_cut(clause: Token) -> int | None:
    """The token index where a reported clause stops because a second statement starts inside its parse: the
    "and"/"but" before a second that-clause, or before a reporting verb of the same speaker.

    Example: "The mayor said the road was safe and that repairs would start." -> the clause ends before "and".
    """
    for conj in clause.children:
        if conj.dep_ not in ("conj", "advcl") or conj.i < clause.i:
            continue
        if is_second_that_clause(conj) or outer_reporting_verb(conj) is not None:
            # a quotation mark is no link: 'said the fire was “out of control” and that …' keeps its quote
            links = [
                c.i for c in clause.children if c.dep_ in ("cc", "punct") and not c.is_quote and clause.i < c.i < conj.i
            ]
            return min([conj.left_edge.i] + links)
    return None


def further_that_clauses(verb: Token) -> list[tuple[int, int]]:
    """The token ranges of the second (third …) that-clauses a reporting verb reports after its first one.

    Example: "Officials said the dam held and that no one was hurt." -> "no one was hurt".
    """
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return []
    out = []
    conjs = [c for c in clause.children if is_second_that_clause(c) and c.i > clause.i]
    for k, conj in enumerate(conjs):
        lo = conj.left_edge.i
        hi = conjs[k + 1].left_edge.i if k + 1 < len(conjs) else conj.right_edge.i + 1
        # stop before a later "and"/"but" that begins something else on the same clause
        cut = second_clause_cut(conj)
        span = _trim(verb.doc, lo, min(hi, cut) if cut is not None else hi)
        if span is not None:
            out.append(span)
    return out


def complement_span(verb: Token) -> tuple[int, int] | None:
    """The token range of what a reporting verb reports, or None.

    "X said (that) CLAUSE" -> the clause; "CLAUSE, X said." -> the clause before; for verbs like
    deny / describe / call on / urge: their objects ("denied any role", "called on Israel to …").
    Example: "Smith said that the bridge would reopen." -> "the bridge would reopen".
    """
    doc = verb.doc
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if ccomp is not None:
        lo, hi = ccomp.left_edge.i, ccomp.right_edge.i + 1
        if ccomp.i < verb.i:
            # "The talks failed, the minister said": only after a comma or a closing mark, with nothing after
            own = [c.left_edge.i for c in verb.children if c.i < verb.i and c.i != ccomp.i and not c.is_punct]
            attribution_start = min(own + [verb.i])
            if attribution_start == 0 or doc[attribution_start - 1].text not in (",", "”", '"', "’", "'"):
                return None
            if any(c.i > verb.i and c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
                return None
            hi = min(hi, attribution_start)
        elif verb.lemma_ in CLAUSE_ONLY_CUES:
            # "said at least $40 million … of contracts had been signed": the clause's subject parsed as an object
            stray = [
                c
                for c in verb.children
                if verb.i < c.i < ccomp.i and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "of"))
            ]
            lo = min([lo] + [c.left_edge.i for c in stray])
        if ccomp.i > verb.i:
            cut = second_clause_cut(ccomp)
            if cut is not None:
                hi = min(hi, cut)  # "said A and that B" / "said A and added that B": A alone
        return _trim(doc, lo, hi)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if verb.lemma_ in CLAUSE_ONLY_CUES and obj is not None and obj.right_edge.i - obj.left_edge.i >= 3:
        return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
    if (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.head.i < verb.i
        and verb.left_edge.i > 0
        and doc[verb.left_edge.i - 1].text in (",", "”", '"', "’", "'")
        and all(t.is_punct for t in doc[verb.right_edge.i + 1 : verb.head.right_edge.i + 1])
        and subject_of(verb) is not None
    ):
        # "Two frigates sailed through the strait, the Navy said."
        lo, hi = verb.head.left_edge.i, verb.left_edge.i
        return _trim(doc, lo, hi)
    if verb.lemma_ in OBJECT_CUES:
        comps = [
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ in OBJECT_COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in OBJECT_COMPLEMENT_PREPS))
        ]
        if verb.lemma_ == "call" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in comps):
            return None  # "called a meeting": not speech
        if comps:
            lo = min(c.left_edge.i for c in comps)
            hi = max(c.right_edge.i for c in comps) + 1
            if verb.lemma_ == "call":
                on = next((c for c in comps if c.dep_ == "prep" and c.lower_ in ("on", "for")), None)
                if on is not None:
                    lo = on.i + 1
            return _trim(doc, lo, hi)
    return None


DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?\s*[-—–]+\s*")


def _is_edge_punct(token: Token) -> bool:
    """Punctuation that may be cut from the ends of a clause: not a quotation mark, a per cent sign or a bracket."""
    return token.is_space or (token.is_punct and not token.is_quote and token.text not in {"%", ")", "]"})


def _trim(doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop punctuation, a leading "that", a dangling "but"/"and" and a dateline ("WASHINGTON (Reuters) - ")."""
    if lo == 0:
        dateline = DATELINE.match(doc[0 : min(len(doc), 16)].text)
        if dateline:
            while lo < hi and doc[lo].idx < dateline.end():
                lo += 1
    while lo < hi and (_is_edge_punct(doc[lo]) or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
        lo += 1
    while hi > lo and _is_edge_punct(doc[hi - 1]):
        hi -= 1
    while hi > lo and doc[hi - 1].is_quote and not any(t.is_quote for t in doc[lo : hi - 1]):
        hi -= 1  # a stray closing mark
    while hi > lo and (_is_edge_punct(doc[hi - 1]) or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return (lo, hi) if hi - lo >= 2 else None


def reported_speech(block: ParsedBlock, quoted: list[bool], used: set[int], quotations: list[Quotation]) -> list[Found]:
    """Reported speech in one paragraph: reporting verbs outside quotation marks with their complement.

    A quotation inside the complement wins when it is most of it (then the quotation is the statement);
    otherwise the complement, quotation and all, is one indirect statement. A verb that reports a second
    that-clause ("… and that …") gives a second statement.
    Example: "Mr Haddad said the tariff remained fair." -> "the tariff remained fair", Mr Haddad.
    """
    doc = block.doc
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    verbs = [t for t in doc if (is_cue(t, REPORT_CUES) or reports_a_finding(t)) and not quoted[t.i] and t.i not in used]
    verbs.sort(key=QuoteFinder._depth)
    for verb in verbs:
        if any(c.dep_ in ("neg", "nsubjpass", "auxpass") for c in verb.children):
            continue  # "did not say", "was told"
        if verb.dep_ == "xcomp" and verb.head.lemma_ not in ("go", "continue"):
            continue  # "declined to say", "hard to say"
        if verb.dep_ in ("amod", "acl", "compound"):
            continue  # "the said agreement", "a statement saying …" (the statement is no speaker)
        if is_background_participle(verb):
            continue  # "after admitting …", "despite saying …": background, not a statement of the article
        if any(lo <= verb.i < hi for lo, hi in taken):
            continue  # inside a clause already reported
        if any(c.tag_ in ("WRB", "WP", "WDT") and c.dep_ != "nsubj" and c.i < verb.i for c in verb.children):
            continue  # "asked how he had voted": a question, not a statement
        span = complement_span(verb)
        if span is None:
            continue
        lo, hi = span
        roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi]
        if doc[lo].lower_ in ("whether", "if") and any(doc[lo].head.i == r.i for r in roots):
            continue  # "did not say whether …": an open question, not a statement
        subj = subject_of(verb)
        if subj is None or subj.i in range(lo, hi):
            continue
        if verb.lemma_ in NEEDS_SPEAKER_SUBJECT and not is_speaker_like(subj):
            continue
        for clause_lo, clause_hi in [(lo, hi)] + further_that_clauses(verb):
            item = _indirect_statement(block, quotations, verb, subj, clause_lo, clause_hi)
            if item is not None:
                taken.append((clause_lo, clause_hi))
                out.append(item)
    return out


def _indirect_statement(
    block: ParsedBlock, quotations: list[Quotation], verb: Token, subj: Token, lo: int, hi: int
) -> Found | None:
    """One reported clause (tokens `lo:hi`) of a reporting verb as an indirect statement, or None when a
    quotation in it is the statement instead."""
    doc = block.doc
    start_char, end_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    # quotations inside the complement
    inside = [q for q in quotations if q.open_at < end_char and max(q.close_end, q.end) > start_char]
    if any(q.open_at < start_char - 1 for q in inside):
        return None  # the complement is part of a quotation: the quotation is the statement
    overhang = [q for q in inside if q.close_end > end_char]
    if overhang:
        # '… described him as a “brutal terrorist.”': the quotation closes after the clause's last word
        if any(block.text[end_char : q.end].strip(" .,;:!?") for q in overhang):
            return None
        end_char = max(q.close_end for q in overhang)
    words = len([t for t in doc[lo:hi] if not t.is_punct])
    quoted_words = sum(len(block.text[q.start : q.end].split()) for q in inside)
    if inside:
        words_before = len([t for t in doc[lo:hi] if t.idx < inside[0].open_at and not t.is_punct])
        after_quote = [t for t in doc[lo:hi] if t.idx >= inside[-1].close_end]
        second_clause = any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in after_quote)
        if (
            quoted_words * 2 >= words
            or (words_before <= 3 and not second_clause)
            or is_subject_and_copula_only(doc, lo, hi, inside)
        ):
            # "said there is “a short window …” to be reached": the quotation carries it, a partial quote
            return None
    quote_after = [q for q in quotations if 0 <= q.open_at - end_char <= 2]
    if quote_after and is_subject_and_copula_only(doc, lo, hi, []):
        return None  # 'the fire was' before “out of control”: the partial quote is the statement
    return Found(
        block.offset + start_char,
        block.offset + end_char,
        "indirect",
        block=block,
        cue=verb,
        cue_text=cue_text(verb),
        subject=subj,
        subject_span=noun_phrase(subj),
        addressee=addressee_of(verb),
        anchor=block.offset + verb.idx,
    )


def is_subject_and_copula_only(doc, lo: int, hi: int, quotations: list[Quotation]) -> bool:
    """Whether the words of a reported clause outside its quotations are only a subject and auxiliaries or a
    copula: the quotation is the predicate, so it carries the claim and is the statement (a partial quote).

    Example: 'The chief said the fire was “out of control”.' -> "the fire was" is only subject + copula.
    """
    outside = [
        t
        for t in doc[lo:hi]
        if not t.is_punct and not any(q.open_at <= t.idx < max(q.close_end, q.end) for q in quotations)
    ]
    if not outside or outside[-1].pos_ != "AUX" and outside[-1].lemma_ != "be":
        return False
    subject = next((t for t in outside if t.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    subject_tokens = {t.i for t in subject.subtree}
    return all(t.i in subject_tokens or t.pos_ in ("AUX", "PART") or t.lemma_ == "be" for t in outside)


def according_to(block: ParsedBlock, quoted: list[bool], covered: list[tuple[int, int]]) -> list[Found]:
    """ "…, according to X." : the rest of the sentence is what X says.

    Skipped where the sentence already holds a statement ("… ,” Gallant said, according to his office.").
    Example: "Talks will resume, according to the ministry." -> "Talks will resume", the ministry.
    """
    doc = block.doc
    out = []
    for tok in doc:
        if tok.lower_ != "according" or quoted[tok.i] or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        sent = tok.sent
        s_start, s_end = block.offset + sent.start_char, block.offset + sent.end_char
        if any(a < s_end and b > s_start for a, b in covered):
            continue
        phrase_lo, phrase_hi = tok.i, obj.right_edge.i + 1
        before = _trim(doc, sent.start, phrase_lo)
        after = _trim(doc, phrase_hi, sent.end)
        sides = [s for s in (before, after) if s is not None]
        if not sides:
            continue
        # the side that holds the sentence's main verb: "Prices rose, according to X, and wages fell" -> the first
        with_root = [s for s in sides if s[0] <= sent.root.i < s[1]]
        lo, hi = with_root[0] if with_root else max(sides, key=lambda s: s[1] - s[0])
        if any(quoted[i] for i in range(lo, hi)):
            continue
        out.append(
            Found(
                block.offset + doc[lo].idx,
                block.offset + doc[hi - 1].idx + len(doc[hi - 1].text),
                "indirect",
                block=block,
                cue_text="according to",
                subject=obj,
                subject_span=noun_phrase(obj),
                anchor=block.offset + tok.idx,
            )
        )
    return out


# --- speakers ---------------------------------------------------------------------------------------------


@dataclass
class Referent:
    """Someone a pronoun may point back to: a speaker or the subject of a main clause."""

    offset: int
    text: str
    key: str
    category: str  # person | group | thing


class SpeakerResolver:
    """Resolves speaker noun phrases to actors of the article, and pronouns to what they point back to."""

    def __init__(self, parsed: ParsedArticle, result: ArticleExtraction):
        self.text = parsed.text
        self.entities: dict[str, Entity] = {e.key: e for e in result.actors}
        self.mentions = sorted(result.actor_mentions, key=lambda m: m.start)
        self.roles = self._roles(parsed)
        self.referents: list[Referent] = []
        self.subject_offsets: set[int] = set()  # article offsets of the heads of all subjects

    def _roles(self, parsed: ParsedArticle) -> dict[str, set[str]]:
        """Each person's roles: the actor's role, and the title words written before a mention of them
        ("Defense Minister Yoav Gallant" -> "defense minister")."""
        roles: dict[str, set[str]] = {}
        for key, ent in self.entities.items():
            if ent.role:
                roles.setdefault(key, set()).add(_norm(ent.role))
        starts = [b.offset for b in parsed.blocks]
        for m in self.mentions:
            ent = self.entities.get(m.key)
            if ent is None or ent.type != "person":
                continue
            bi = bisect.bisect_right(starts, m.start) - 1
            if bi < 0:
                continue
            block = parsed.blocks[bi]
            span = block.doc.char_span(m.start - block.offset, m.end - block.offset, alignment_mode="expand")
            if span is None:
                continue
            words: list[str] = []
            i = span.start - 1
            while i >= 0 and block.doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and len(words) < 5:
                if block.doc[i].ent_type_ == "PERSON":
                    break
                words.insert(0, block.doc[i].text)
                i -= 1
            if words:
                roles.setdefault(m.key, set()).add(_norm(" ".join(words)))
        return roles

    def key_for_span(self, start: int, end: int, head_start: int, head_end: int) -> str:
        """The actor whose mention covers the head of a speaker's noun phrase."""
        best = ""
        for m in self.mentions:
            if m.start <= head_start and head_end <= m.end and start <= m.start and m.end <= end + 2:
                best = m.key
        if best:
            return self._full_name(best)
        return ""

    def _full_name(self, key: str) -> str:
        """A surname-only person actor stands for the one full name ending in it, if there is exactly one."""
        ent = self.entities.get(key)
        if ent is None or ent.type != "person" or len(ent.name.split()) > 1:
            return key
        fulls = [
            k
            for k, e in self.entities.items()
            if k != key and e.type == "person" and len(e.name.split()) > 1 and e.name.split()[-1] == ent.name
        ]
        return fulls[0] if len(fulls) == 1 else key

    def key_for_text(self, phrase: str, offset: int) -> str:
        """An actor named by the words of a phrase: a name or alias, a surname, or a role description.

        Example: "the defense minister" -> the actor with role Defense Minister mentioned last before it.
        """
        norm = _norm(re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE))
        if not norm:
            return ""
        for key, ent in self.entities.items():
            if norm == _norm(ent.name) or norm in {_norm(a) for a in ent.aliases}:
                return self._full_name(key)
        if INDEFINITE.match(phrase.strip()):
            return ""  # "a senior official", "two officials": someone not named, whatever their role
        words = norm.split()
        if words and words[0] in HONORIFICS:
            words = words[1:]
        if len(words) == 1:
            people = [k for k, e in self.entities.items() if e.type == "person" and _norm(e.name).split()[-1:] == words]
            if len(people) == 1:
                return people[0]
        # a role description: every word of the phrase is in the role, and the last words agree
        fits = [
            key
            for key, roles in self.roles.items()
            if any(set(words) <= set(r.split()) and r.split()[-1] == words[-1] for r in roles)
        ]
        if len(fits) == 1:
            return fits[0]
        if fits:
            last_seen = {
                k: max((m.start for m in self.mentions if m.key == k and m.start < offset), default=-1) for k in fits
            }
            best = max(fits, key=lambda k: last_seen[k])
            return best if last_seen[best] >= 0 else ""
        return ""

    def last_body(self, noun: str, offset: int) -> str:
        """The organisation last named before `offset` that "the <noun>" can stand for.

        Example: "Volkswagen will cut 2,000 jobs, the company said." -> Volkswagen.
        """
        fits = []
        for m in sorted((m for m in self.mentions if m.start < offset), key=lambda m: -m.start):
            ent = self.entities.get(m.key)
            if ent is None or ent.type == "person":
                continue
            if noun in ent.name.lower() or (noun in BUSINESS_WORDS and ent.type == "organization"):
                fits.append(m)
        # a body that was the subject of a clause ("Volkswagen will cut …") before one only mentioned in passing
        subjects = [m for m in fits if any(m.start <= o < m.end for o in self.subject_offsets)]
        return (subjects or fits or [None])[0].key if fits else ""

    def pronoun(self, word: str, offset: int) -> Referent | None:
        """What a pronoun points back to: he/she -> the last person, they -> the last group, it -> the last body."""
        word = word.lower()
        wanted = "person" if word in PRONOUNS_PERSON else "group" if word in PRONOUNS_PLURAL else "thing"
        earlier = sorted((r for r in self.referents if r.offset < offset), key=lambda r: r.offset)
        for r in reversed(earlier):
            if r.category == wanted:
                return r
        if wanted == "group":
            for r in reversed(earlier):
                if r.category in ("thing", "person"):
                    return r
        if wanted == "thing":
            for r in reversed(earlier):
                if r.category == "group":
                    return r
        return None

    def category(self, key: str, head: Token, span_has_conj: bool) -> str:
        if span_has_conj:
            return "group"
        ent = self.entities.get(key)
        if ent is not None:
            return "person" if ent.type == "person" or head.ent_type_ == "PERSON" else "thing"
        if head.ent_type_ == "PERSON" or head.lemma_.lower() in PERSON_NOUNS and head.tag_ == "NN":
            return "person"
        if head.lower_ in PRONOUNS_PLURAL or (
            head.tag_ in ("NNS", "NNPS") and (head.lower_ in SPEAKER_NOUNS or head.lemma_.lower() in SPEAKER_NOUNS)
        ):
            return "group"  # "critics", "the judges" (but "data from Moneyfacts" is a thing)
        return "thing"

    def resolve(self, block: ParsedBlock, head: Token, span: tuple[int, int]) -> tuple[str, str, str]:
        """(speaker text, actor key, category) for the noun phrase `span` headed by `head`."""
        doc = block.doc
        lo, hi = span
        phrase = doc[lo:hi]
        start, end = block.span_offsets(phrase)
        text = self.text[start:end]
        if head.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING and hi - lo == 1:
            ref = self.pronoun(head.lower_, block.offset + head.idx)
            if ref is None:
                return text, "", "person" if head.lower_ in PRONOUNS_PERSON else "group"
            # The speaker column keeps the text's own words ("he") when speaker_id says who it is; a pronoun
            # with no actor behind it ("a US official ... he added") borrows the phrase it points back to.
            return (text if ref.key in self.entities else ref.text), ref.key, ref.category
        has_conj = any(c.dep_ == "conj" for c in head.children)
        hs, he = block.span_offsets(head)
        key = "" if has_conj else self.key_for_span(start, end, hs, he)
        if not key and not has_conj and head.lemma_.lower() in STANDS_FOR_POSSESSOR:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                if owner.lower_ in ("his", "her"):
                    ref = self.pronoun("he", block.offset + owner.idx)
                    key = ref.key if ref is not None else ""
                else:
                    olo, ohi = noun_phrase(owner)
                    os_, oe = block.span_offsets(doc[olo:ohi])
                    hs2, he2 = block.span_offsets(owner)
                    key = self.key_for_span(os_, oe, hs2, he2) or self.key_for_text(
                        re.sub(r"[’']s$", "", self.text[os_:oe]), start
                    )
                return text, key, "person" if key else "thing"
        if not key and not has_conj and (head.pos_ in ("NOUN", "PROPN")):
            key = self.key_for_text(text, start)
        if not key and not has_conj and head.pos_ == "PROPN" and hi - lo <= 2:
            # "Ionescu shrugs." after "Vasile Ionescu …": the surname of someone named before
            surname = head.text
            for ref in sorted(self.referents, key=lambda r: -r.offset):
                if ref.offset < start and len(ref.text.split()) > 1 and ref.text.split()[-1] == surname:
                    return text, ref.key, ref.category
        if not key and not has_conj:
            # "His lawyer, Tomasz Zielinski, said": the name in apposition
            for appos in (c for c in head.children if c.dep_ == "appos"):
                alo, ahi = noun_phrase(appos)
                a_start, a_end = block.span_offsets(doc[alo:ahi])
                h_start, h_end = block.span_offsets(appos)
                key = self.key_for_span(a_start, a_end, h_start, h_end)
                if key:
                    break
        body = BODY_DESCRIPTION.match(text)
        if not key and not has_conj and body:
            key = self.last_body(body.group(1).lower(), start)
        if not key and not has_conj and DESCRIBES_A_PERSON.match(text):
            # "the 52-year-old said", "the Dutchman said": the person last spoken of
            ref = self.pronoun("he", start)
            if ref is not None and ref.key:
                return text, ref.key, "person"
        return text, key, self.category(key, head, has_conj)

    @staticmethod
    def _has_personal_possessive(subject: Token) -> bool:
        """Whether the clause of a subject says "his"/"her"/"himself"/"herself" (so the subject is a person)."""
        return any(t.lower_ in ("his", "her", "himself", "herself") for t in subject.head.subtree)

    def note_subjects(self, blocks: list[ParsedBlock], quoted: list[list[bool]]) -> None:
        """Record the subjects of main clauses (people and bodies) outside quotations, for pronouns to point back to."""
        for block, mask in zip(blocks, quoted, strict=True):
            for tok in block.doc:
                if mask[tok.i]:
                    continue
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    self.subject_offsets.add(block.offset + tok.idx)
                if (
                    tok.dep_ not in ("nsubj", "nsubjpass")
                    or tok.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING
                ):
                    continue
                main = tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")
                if not main or not is_speaker_like(tok):
                    continue
                text, key, category = self.resolve(block, tok, noun_phrase(tok))
                if tok.ent_type_ in ("GPE", "NORP") and not key:
                    category = "thing"
                if category == "thing" and tok.pos_ == "PROPN" and self._has_personal_possessive(tok):
                    category = "person"  # "Vasile Ionescu unties his boat": a person, whatever the tagger said
                self.referents.append(Referent(block.offset + tok.idx, text, key, category))


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace(".", "").lower()
    s = re.sub(r"[^\w\s'-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


# --- the table ------------------------------------------------------------------------------------------------


def extract_statements(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find the statements of the body of an article and attribute each to its speaker.

    Example: “We will not give up,” Smith said. -> speaker Smith, cue said, kind direct.
    """
    blocks = parsed.zone_blocks(BODY)
    if not blocks:
        return
    finder = QuoteFinder(blocks)
    found = finder.statements()
    used_by_block: dict[int, set[int]] = {}
    for bi, ti in finder.used_cues:
        used_by_block.setdefault(bi, set()).add(ti)
    for bi, block in enumerate(blocks):
        indirect = reported_speech(block, finder.quoted[bi], used_by_block.get(bi, set()), finder.quotations[bi])
        for item in indirect:
            item.paragraph = bi
            # the partial quotations the reported clause holds are part of it
            found = [f for f in found if not (f.kind == "partial" and item.start <= f.start and f.end <= item.end)]
        found.extend(indirect)
        covered = [(f.start, f.end) for f in found] + [(f.anchor, f.anchor + 1) for f in found if f.cue is not None]
        for item in according_to(block, finder.quoted[bi], covered):
            item.paragraph = bi
            found.append(item)
    found.sort(key=lambda f: (f.start, f.end))

    resolver = SpeakerResolver(parsed, result)
    resolver.note_subjects(blocks, finder.quoted)
    previous: tuple[str, str, int, str] | None = None  # speaker text, key, paragraph, cue of the last statement
    for item in found:
        speaker, key, cue = "", "", item.cue_text
        if item.subject is not None and item.block is not None and item.subject_span is not None:
            speaker, key, category = resolver.resolve(item.block, item.subject, item.subject_span)
            if speaker.lower() not in PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING:
                resolver.referents.append(Referent(item.anchor, speaker, key, category))  # not an unresolved "he"
        elif item.from_context and previous is not None and item.paragraph - previous[2] <= 2:
            speaker, key = previous[0], previous[1]
            cue = cue or previous[3]
        if item.from_context and not speaker and item.kind == "partial":
            continue  # a quoted fragment nobody is said to have said: a scare quote
        quote = parsed.text[item.start : item.end]
        if not quote.strip():
            continue
        result.statements.append(
            Statement(
                speaker=speaker or "unknown",
                quote=quote,
                kind=item.kind,
                cue=cue or "unattributed",
                start=item.start,
                end=item.end,
                speaker_key=key,
                addressee=item.addressee,
            )
        )
        if speaker:
            previous = (speaker, key, item.paragraph, cue)
