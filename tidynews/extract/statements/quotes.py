"""Pass 1 of statements: quotations, each attributed to the reporting clause around it or to the speaker before it.

Owns `QuoteFinder` and its rules: a reporting clause after the quotation (`statements.quote_cue_after`), before it
(`statements.quote_cue_before`, also "Smith said:" ending the paragraph before), a quoted fragment under a reporting
verb (`statements.partial_quote`) or under a speaker subject (`statements.partial_quote_of_subject`), a quotation
standing alone (`statements.quote_of_last_speaker`); and what is not a statement (`statements.quoted_name_or_title`,
`statements.unspoken_dash_list`). A quotation left open at a paragraph end runs on where the next paragraph reopens.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.statements.lexicon import (
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    QUOTE_CUES,
    SENTENCE_PUNCT,
    TITLE_SMALL_WORDS,
    words,
)
from tidynews.extract.statements.quotation_marks import Quotation, find_quotations, reporting_tail
from tidynews.extract.statements.syntax import (
    Found,
    addressee_of,
    cue_text,
    depth,
    is_capitalised_name,
    is_cue,
    is_speaker_like,
    letter_words,
    noun_phrase,
    second_clause_cut,
    subject_after_clause,
    subject_of,
    trim,
)
from tidynews.nlp import ParsedBlock

# --- the rules: each names one way a quotation is attributed, or one reason it is no statement -----------------


@register_rule("statements.quote_cue_after")
def quote_cue_after(after: list[Token], quote_text: str) -> Token | None:
    """A quotation attributed by the reporting clause right after it: “…,” he said / “…?” asked Smith.

    Every word between the quotation and the verb must belong to the verb's subject or be an adverb
    ("…,” the minister later said), so '“wipe out” the gang if it struck' is no attribution.
    Example: “We will rebuild the bridge,” the mayor said.
    """
    words = [t for t in after if not t.is_punct]
    if not words:
        return None
    ends_open = quote_text.rstrip().rstrip("’'\"”")[-1:] in ",?!…—–:;" or after[0].text in (",", "—", "–")
    if not ends_open and not words[0].is_lower:
        return None
    cue = next((t for t in words[:12] if is_cue(t, QUOTE_CUES)), None)
    if cue is None:
        return None
    subj = subject_of(cue)
    if subj is not None and subj.i < after[0].i:
        return None  # "The promise to “…” appeals to …, said X": the quotation is inside the writer's clause
    subject_ids = {t.i for t in subj.subtree} if subj is not None else set()
    for tok in words:
        if tok.i >= cue.i:
            break
        if tok.i not in subject_ids and not (tok.head.i == cue.i and tok.dep_ in ("advmod", "aux", "neg", "npadvmod")):
            return None
    return cue


@register_rule("statements.quote_then_bare_cue_sentence")
def bare_cue_sentence(after: list[Token]) -> Token | None:
    """A quotation closed by a full stop and followed by a sentence that is nothing but its reporting clause
    ("Lena Park said.", "she added on Friday."): that clause attributes it, full stop or not.

    Example: “The ferry will sail again in May.” Lena Park said.
    """
    words = [t for t in after if not t.is_punct and not t.is_space]
    if not words or len(words) > 8 or after[-1].text != ".":
        return None
    cue = next((t for t in words if is_cue(t, QUOTE_CUES)), None)
    if cue is None or cue.i == words[0].i or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children):
        return None  # "Said Smith." is rare; "Smith said it." / "Smith said no." report something of their own
    subj = subject_of(cue)
    if subj is None or subj.i > cue.i or not is_speaker_like(subj):
        return None
    subject_ids = {t.i for t in subj.subtree}
    for tok in words:
        if tok.i == cue.i or tok.i in subject_ids or tok.ent_type_ in ("DATE", "TIME"):
            continue
        if tok.head.i == cue.i and tok.dep_ in ("advmod", "npadvmod", "aux", "prep"):
            if tok.dep_ != "prep" or all(c.ent_type_ in ("DATE", "TIME") for c in tok.children):
                continue  # "later", "on Friday": when, not what
        return None
    return cue


@register_rule("statements.quote_cue_before")
def quote_cue_before(before: list[Token], quote_text: str, split: bool = False) -> bool:
    """A quotation introduced by the words before it: they end with ':', or with ',' and hold a reporting verb,
    before a capital or between two parts of one quotation (“…,” he said, “and …”); also "Smith said:" ending the
    paragraph before a quotation.

    Example: The mayor said: “We will rebuild the bridge.”
    """
    if not before:
        return False
    last = before[-1].text
    if last == ":":
        return True
    return last == "," and (quote_text[:1].isupper() or split) and any(is_cue(t, QUOTE_CUES) for t in before)


@register_rule("statements.quoted_name_or_title", kind="drops")
def is_quoted_name_or_title(quote_text: str, before: list[Token]) -> bool:
    """A short quotation in which every word is capitalised (or written as a title: "Meet the Press") is a name or a
    title, and one after "so-called" or "dubbed" is a label: not a statement (an exclamation, or words right after a
    verb like "chanted", are spoken).

    Example: The council backed the “Green Corridor” plan on Monday.
    """
    if named_by_a_speaker(before) or announced_by_a_speaker(before):
        return False  # "Critics dubbed it “the Ghost Bridge”": a name a speaker gave, in their words
    if before and before[-1].lower_ in ("so-called", "dubbed"):
        return True
    words = letter_words(quote_text)
    if before and before[-1].lemma_ == "tell" and not quote_text.rstrip(" ,.’'\"”").endswith("!"):
        return is_title_case(words)  # "told “Face the Nation”": whom he told, a programme, not what he said
    if quote_text.rstrip(" ,.’'\"”").endswith("!") or (before and is_cue(before[-1], QUOTE_CUES)):
        return False  # "chanted “Four more years!”", "shouted “Stop the Count”": cried out, not a title
    return is_title_shaped(words)


def is_title_shaped(words: list[str]) -> bool:
    """A few words all capitalised, or words written as a title."""
    return is_capitalised_name(words) or is_title_case(words)


# a quotation right after one of these ("chants of “…”", "singing “…”") is words voiced, not a title
VOICED_WORDS = words("statement_words", "voiced_word")


@register_rule("statements.voiced_words")
def voiced_by(before: list[Token]) -> Token | None:
    """A quotation right after a verb or noun of chanting, singing or shouting ("chanting “…”", "chants of “…”",
    "cries of “…”") holds the words voiced, not a title or a label: the verb or noun (None when there is none).

    Example: Supporters greeted the mayor with chants of “Four more years!”
    """
    words_before = [t for t in before if not t.is_space]
    if words_before and words_before[-1].lower_ == "of":
        words_before = words_before[:-1]
    if not words_before:
        return None
    last = words_before[-1]
    return last if last.lemma_.lower() in VOICED_WORDS or last.lower_ in VOICED_WORDS else None


@register_rule("statements.quote_after_colon")
def clause_before_colon(before: list[Token]) -> Token | None:
    """A quotation after a colon that ends a clause of the writer's (with a verb of its own, not only a name) is
    what the clause announces: its main verb (None when the words before the colon hold no verb).

    Example: The mayor's reply to the council was short: “We will not pay.”
    """
    words_before = [t for t in before[:-1] if not t.is_punct and not t.is_space]
    verbs = [t for t in words_before if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None  # "Lena Holt: “…”" is a label (see own_source.py), not a clause
    colon = before[-1]
    head = colon.head
    if head.i != colon.i and head.pos_ in ("VERB", "AUX") and head.i < colon.i:
        return head
    return next((t for t in words_before if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), verbs[0])


NAMING_VERBS = {"call", "dub", "brand", "label", "nickname", "christen", "deride", "hail", "mock", "tag"}


def named_by_a_speaker(before: list[Token]) -> bool:
    """Whether the words right before a quotation are a naming verb in the active voice whose subject can speak,
    with at most a short object between them ("dubbed", "has called the plan", "who he branded"): the quotation is
    the name that speaker gave, not a title. A participle without a subject ("a group called …") is no speaker's.

    Example: "The mayor has dubbed the new ferry “the Floating Shed”." -> True.
    """
    words = [t for t in before if not t.is_punct]
    verb = next((t for t in reversed(words[-4:]) if t.pos_ == "VERB" and t.lemma_.lower() in NAMING_VERBS), None)
    if verb is None or any(t.pos_ == "VERB" for t in words if t.i > verb.i):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and is_speaker_like(subj)


@register_rule("statements.slogan_of_a_speaker")
def announced_by_a_speaker(before: list[Token]) -> bool:
    """Whether the words right before a quotation are a verb that attributes quotations (proclaimed, declared,
    announced) in the active voice, with a subject that can speak and at most a short object and "of" between them
    ("proclaimed a goal of “…”", "declared “…”"), right before the mark or through "of": the quotation is that
    speaker's slogan, not a title ("said on “Meet the Press”" names a programme, "the “Green Corridor” plan" a plan).

    Example: The coach proclaimed a motto of “Run Hard, Rest Later.”
    """
    words_before = [t for t in before if not t.is_punct]
    if not words_before or (words_before[-1].lower_ != "of" and not is_cue(words_before[-1], QUOTE_CUES)):
        return False  # "announced the “Green Corridor” plan", "wrote under the pseudonym “…”": a name
    verb = next((t for t in reversed(words_before[-4:]) if t.pos_ == "VERB" and is_cue(t, QUOTE_CUES)), None)
    if (
        verb is None
        or verb.lemma_.lower() in ("tell", "say")
        or any(t.pos_ == "VERB" for t in words_before if t.i > verb.i)
    ):
        return False  # "told “Face the Nation”", "said “The Deal” was …" are read elsewhere
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and is_speaker_like(subj)


def is_title_case(words: list[str]) -> bool:
    """Words written as a title: the first and at least two capitalised, the rest short words left in lower case
    ("Meet the Press", "The Art of the Harbour"), at most twelve."""
    capitalised = [w for w in words if w[0].isupper()]
    return (
        0 < len(words) <= 12
        and words[0][0].isupper()
        and len(capitalised) >= 2
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    )


@register_rule("statements.unspoken_dash_list", kind="drops")
def is_unspoken_dash_list(q: Quotation, qi: int, pending: tuple | None, previous_dash_spoken: bool) -> bool:
    """A paragraph opening with a dash that nobody is said to speak is a list item, not a quotation.

    Example: — Bread, milk and eggs for the week.
    """
    return q.dash and qi == 0 and pending is None and not previous_dash_spoken


# what a verb reports after it: objects, object predicates, complements ("called the plan “a disaster”")
COMPLEMENT_DEPS = {"dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "attr", "acomp"}


def clause_around_quotation(verb: Token, root: Token) -> tuple[int, int] | None:
    """The token range a verb reports around a quoted fragment: the complement after the verb that holds the
    fragment, from the verb's first object or complement (so "the plan" of "called the plan “a disaster”");
    a that-clause alone, without whom it was told to and without a second clause of its own; None when the
    fragment hangs on the verb in another way (a subject, an adverbial clause) or comes before it.

    Example: "She called the plan “a disaster” on Monday." -> "the plan “a disaster”".
    """
    child = root
    while child.head.i != verb.i:
        if child.head.i == child.i:
            return None
        child = child.head
    if child.i < verb.i or child.dep_ not in COMPLEMENT_DEPS or _is_time(child):
        return None
    lo, hi = child.left_edge.i, child.right_edge.i + 1
    if child.dep_ == "ccomp":
        cut = second_clause_cut(child)
        if cut is not None:
            hi = min(hi, cut)
    else:
        before = [c for c in verb.children if verb.i < c.i < child.i and c.dep_ in COMPLEMENT_DEPS and not _is_time(c)]
        lo = min([lo] + [c.left_edge.i for c in before])
    first = verb.doc[lo]
    if first.dep_ == "prep" and first.head.i == verb.i and first.i == child.i and child.lower_ != "as":
        lo += 1  # "warned of “a long winter”": what was said is the object of the preposition
    return trim(verb.doc, lo, hi)


def _is_time(token: Token) -> bool:
    """A complement that says when: "on Monday", "last week"."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


# the writer's words between two quoted pieces of one claim: “…” and “…”, “…” but to “…”, “…” or, simply, “…”
COORDINATION = re.compile(r"\s*,?\s*(?:and|or|but|nor)(?:\s*,?\s*(?:then|also|simply|even|to))?\s*,?\s*")


@register_rule("statements.coordinated_quotations", kind="merges")
def joins_coordinated_quotation(first: Found, second: Found, text: str, q1: Quotation, q2: Quotation) -> bool:
    """Two quoted fragments of one sentence joined by "and", "or" or "but" and reported by the same verb are one
    statement: the second is merged into the first (the words between them belong to the claim).

    Example: The ferries are “a lifeline” and “cannot be cut,” the pilot said.
    """
    if first.kind != "partial" or second.kind != "partial" or first.cue is None or second.cue is None:
        return False
    if first.cue.doc is not second.cue.doc or first.cue.i != second.cue.i:
        return False  # reported by two verbs: two statements
    return not q1.unclosed and COORDINATION.fullmatch(text[q1.close_end : q2.open_at]) is not None


DASHES = {"—", "―", "–", "--"}  # em dash, horizontal bar, en dash, a typed double hyphen


class QuoteFinder:
    """Finds the quotations of an article's body and attributes each to a reporting clause."""

    def __init__(self, blocks: list[ParsedBlock], text: str = "", trace: Trace = NULL_TRACE):
        self.blocks = blocks
        self.text = text  # the article's text (for the trace)
        self.trace = trace
        self.quotations = [find_quotations(b.text) for b in blocks]
        self._close_forgotten_marks()
        self.token_starts = [[t.idx for t in b.doc] for b in blocks]
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
            tail = reporting_tail(self.blocks[bi].text, q.start, q.end)
            if tail is not None:
                quotations[-1] = Quotation(q.start, tail, q.open_at, tail)

    @staticmethod
    def _quoted_mask(block: ParsedBlock, quotations: list[Quotation]) -> list[bool]:
        """Per token: is it inside a quotation (marks included)? One sweep over the characters, not per quotation."""
        n = len(block.text) + 1
        depth_at = [0] * (n + 1)
        for q in quotations:
            lo, hi = q.open_at, max(q.close_end, q.end)
            if hi > lo:
                depth_at[lo] += 1
                depth_at[min(hi, n)] -= 1
        inside, running = [False] * n, 0
        for c in range(n):
            running += depth_at[c]
            inside[c] = running > 0
        return [inside[tok.idx] if tok.idx < n else False for tok in block.doc]

    def statements(self) -> list[Found]:
        found: list[Found] = []
        pending: tuple[int, Token] | None = None  # "Smith said:" ending the previous paragraph
        last: tuple[int, int] | None = None  # (paragraph, quotation) of the statement found last
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
                if item is not None and qi > 0 and found and last == (bi, qi - 1):
                    if joins_coordinated_quotation(found[-1], item, self.blocks[bi].text, quotations[qi - 1], q):
                        self._join(found.pop(), item, bi, quotations[qi - 1], q)
                last = (bi, qi) if item is not None else None
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
        """The first token that starts at or after `char` (len(doc) if none)."""
        return bisect.bisect_left(self.token_starts[bi], char)

    def _propose(self, found: Found, rule: str) -> Found:
        found.rule = rule
        if self.trace.enabled:
            self.trace.propose("statements", self.text[found.start : found.end], found.start, found.end, rule)
        return found

    def _drop(self, found: Found, rule: str, reason: str) -> None:
        if self.trace.enabled:
            text = self.text[found.start : found.end]
            self.trace.drop("statements", text, found.start, found.end, rule, reason, proposed_by=found.rule)

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
        # 0. a name signed after a dash: “…” — Ana Kovacs
        signer = self._trailing_dash_speaker(after)
        if signer is not None:
            dash = next(t for t in after if not t.is_space)
            found.block, found.subject, found.subject_span = self.blocks[last_bi], signer, noun_phrase(signer)
            found.cue_text = dash.text if dash.text in DASHES else dash.nbor(-1).text[-1]
            found.anchor = self.blocks[last_bi].offset + dash.idx
            if signer.i >= found.subject_span[1] or signer.i < found.subject_span[0]:
                found.subject_span = (signer.i, signer.i + 1)
            return self._propose(found, self._trailing_dash_speaker.rule_id)
        # 1. the reporting clause after the quotation: “…,” he said. / “…,” said Smith.
        named_before = pending is not None and not before_words
        split = bool(before) and before[0].i > 0 and self.quoted[bi][before[0].i - 1]
        if not named_before and quote_text.rstrip().rstrip("’'\"”").endswith("."):
            cue = bare_cue_sentence(after)
            if cue is not None:
                self._set_cue(found, self.blocks[last_bi], cue, last_bi)
                found.kind = "direct" if not before_words or quote_cue_before(before, quote_text, split) else "partial"
                if found.subject is not None:
                    return self._propose(found, bare_cue_sentence.rule_id)
        if not after_is_new_sentence:
            cue = quote_cue_after(after, quote_text)
            subj = subject_of(cue) if cue is not None else None
            if named_before and subj is not None and subj.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL:
                cue = None  # "Smith said:" / “… / …,” he added: the name before says more than the pronoun
            if cue is not None:
                self._set_cue(found, self.blocks[last_bi], cue, last_bi)
                attributive = quote_cue_before(before, quote_text, split)
                found.kind = "direct" if not before_words or attributive else "partial"
                if found.subject is not None or found.from_context:
                    if found.kind == "partial" and self._widen_to_writers_subject(found, bi, q, cue):
                        return self._propose(found, self._widen_to_writers_subject.rule_id)
                    return self._propose(found, quote_cue_after.rule_id)
        # 2. the reporting clause before it: Smith said: “…” / he said, “…” / “…,” he said, “…”
        if before_words and quote_cue_before(before, quote_text, split):
            cue = next((t for t in reversed(before) if is_cue(t, QUOTE_CUES)), None)
            if cue is not None:
                self._set_cue(found, block, cue, bi)
                found.kind = "direct"
                return self._propose(found, quote_cue_before.rule_id)
        if before_words and before[-1].text == ":":
            if clause_before_colon(before) is not None:
                return self._after_colon(found, bi)
        if named_before:
            pbi, cue = pending
            self._set_cue(found, self.blocks[pbi], cue, pbi)
            return self._propose(found, quote_cue_before.rule_id)
        # 3. a fragment in the writer's sentence: the outermost reporting verb that governs it
        if before_words or (after and not after_is_new_sentence):
            found.kind = "partial"
            voice = voiced_by(before)
            if voice is not None:
                return self._voiced(found, bi, voice)
            if is_quoted_name_or_title(quote_text, before):
                self._propose(found, self._governing_cue.rule_id)
                self._drop(found, is_quoted_name_or_title.rule_id, "a name, a title or a label in quotation marks")
                return None
            cue = self._governing_cue(bi, q)
            if cue is None:
                cue = next((t for t in reversed(before) if is_cue(t, QUOTE_CUES)), None)
            if cue is not None:
                self._set_cue(found, block, cue, bi, governing=True)
                if found.subject is not None:
                    self._widen_to_clause(found, bi, q, cue)
                    slogan = is_title_shaped(letter_words(quote_text))
                    if slogan and announced_by_a_speaker(before):
                        return self._propose(found, announced_by_a_speaker.rule_id)
                    return self._propose(found, self._governing_cue.rule_id)
            holder = self._governing_subject(bi, q)
            if holder is not None:
                found.cue_text = holder.head.text
                found.subject = holder
                found.subject_span = noun_phrase(holder)
                found.block = block
                verb = self._subject_holding_verb(bi, q)
                if verb is not None:
                    self._widen_to_clause(found, bi, q, verb[0])
                return self._propose(found, self._governing_subject.rule_id)
            found.cue_text = ""
            return self._last_speaker(found)
        # 4. a quotation standing alone: "Smith said:" at the end of the paragraph before, or the last speaker
        if is_unspoken_dash_list(q, qi, pending, bi - 1 in self.dash_spoken):
            self._propose(found, self._last_speaker.rule_id)
            self._drop(found, is_unspoken_dash_list.rule_id, "a dash paragraph nobody is said to speak")
            return None
        if pending is not None:
            pbi, cue = pending
            self._set_cue(found, self.blocks[pbi], cue, pbi)
            return self._propose(found, quote_cue_before.rule_id)
        return self._last_speaker(found)

    def _after_colon(self, found: Found, bi: int) -> Found:
        """A quotation the writer's clause introduces with a colon (`statements.quote_after_colon`) is a whole
        quotation, never a scare quote: its speaker is the clause's subject when it can speak (accounts.py's
        `statements.quote_after_colon_clause` decides), else the last speaker."""
        found.kind, found.block, found.cue_text = "direct", self.blocks[bi], ":"
        self._propose(found, clause_before_colon.rule_id)
        return self._last_speaker(found)

    def _voiced(self, found: Found, bi: int, voice: Token) -> Found:
        """A chant or a song (`statements.voiced_words`): the words as voiced, by the subject of the verb ("the band
        leader …, singing “…”") or the owner of the noun ("their chants of “…”"), else by no one named."""
        block = self.blocks[bi]
        found.kind, found.block, found.cue_text = "direct", block, voice.text
        found.anchor = block.offset + voice.idx
        if voice.pos_ in ("VERB", "AUX"):
            subj = subject_of(voice)
        else:
            subj = next((c for c in voice.children if c.dep_ == "poss"), None)
        if subj is not None and not self.quoted[bi][subj.i] and subj.pos_ in ("NOUN", "PROPN", "PRON"):
            found.subject, found.subject_span = subj, noun_phrase(subj)
        return self._propose(found, voiced_by.rule_id)

    @register_rule("statements.trailing_dash_speaker")
    def _trailing_dash_speaker(self, after: list[Token]) -> Token | None:
        """A quotation signed by a name after a dash (the name may be followed by a comma and who they are): the
        name is the speaker (its head; None when the words after the dash do not start with a short proper name).

        Example: “We want the bridge open before the first snow.” — Ana Kovacs, a ferry pilot.
        """
        words = [t for t in after if not t.is_space]
        if not words:
            return None
        if words[0].text in DASHES:
            words = words[1:]
        elif not (words[0].i > 0 and words[0].nbor(-1).text[-1:] in "—―–"):  # “…”― Name: the dash glued to the mark
            return None
        name = []
        for tok in words:
            if tok.text == "," or tok.text in SENTENCE_PUNCT:
                break
            name.append(tok)
        if not 1 <= len(name) <= 4 or not all(t.pos_ == "PROPN" and t.is_title for t in name):
            return None
        inside = {t.i for t in name}
        return next((t for t in name if t.head.i not in inside or t.head.i == t.i), name[-1])

    @register_rule("statements.quote_of_last_speaker")
    def _last_speaker(self, found: Found) -> Found:
        """A quotation standing alone (or a fragment with no speaker of its own) belongs to the last speaker, when
        that speaker spoke at most two paragraphs before; a fragment with no speaker at all is a scare quote.

        Example: The mayor said the town would rebuild. “We have done it before.”
        """
        found.from_context = True
        return self._propose(found, self._last_speaker.rule_id)

    def _set_cue(self, found: Found, block: ParsedBlock, cue: Token, bi: int, governing: bool = False) -> None:
        if not governing:
            self.used_cues.add((bi, cue.i))  # the verb attributes this quotation; it reports nothing else
        found.cue = cue
        found.cue_text = cue_text(cue)
        found.block = block
        found.addressee = addressee_of(cue)
        found.anchor = block.offset + cue.idx
        subj = subject_of(cue)
        if subj is not None and self.quoted[bi][subj.i]:
            subj = self._unquoted_subject(bi, cue)
        if subj is not None:
            found.subject = subj
            found.subject_span = noun_phrase(subj)
        else:
            found.from_context = True

    def _unquoted_subject(self, bi: int, cue: Token) -> Token | None:
        """The speaker of a reporting verb whose parsed subject is a word of the quotation: the noun phrase between
        the quotation and the verb, or just after an inverted verb ("“My view, that was wrong,” the aide said"
        -> aide, not "view"); None when there is none outside the quotation."""
        mask = self.quoted[bi]
        doc = self.blocks[bi].doc
        after = [t for t in doc[cue.i + 1 : cue.i + 4] if not mask[t.i]]
        for tok in after:
            if tok.ent_type_ in ("DATE", "TIME"):
                continue  # '…,” Flynn said Thursday morning': when, not who
            if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "attr", "npadvmod")):
                while tok.dep_ == "compound" and tok.head.i > tok.i and not mask[tok.head.i]:
                    tok = tok.head
                return tok
            if tok.pos_ not in ("DET", "ADJ", "ADV", "PUNCT"):
                break
        first = cue.i
        while first > 0 and not mask[first - 1]:
            first -= 1
        between = range(first, cue.i)
        heads = [
            doc[i] for i in between if doc[i].pos_ in ("NOUN", "PROPN", "PRON") and not (first <= doc[i].head.i < cue.i)
        ]
        return heads[-1] if heads else None

    def _quote_roots(self, bi: int, q: Quotation) -> list[Token]:
        doc = self.blocks[bi].doc
        starts = self.token_starts[bi]
        lo, hi = bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)
        return [doc[i] for i in range(lo, hi) if not lo <= doc[i].head.i < hi]

    @register_rule("statements.partial_quote")
    def _governing_cue(self, bi: int, q: Quotation) -> Token | None:
        """A quoted fragment inside the writer's sentence, attributed to the outermost reporting verb above it in
        the parse (outside quotation marks): "said on Thursday that he was briefed on “the situation”" -> said.

        Example: The ministry said on Thursday that the envoy was briefed on “the situation”.
        """
        quoted = self.quoted[bi]
        best = None
        for root in self._quote_roots(bi, q):
            node = root.head
            for _ in range(30):
                if not quoted[node.i] and is_cue(node, QUOTE_CUES):
                    if best is None or depth(node) < depth(best):
                        best = node
                if node.head.i == node.i:
                    break
                node = node.head
        return best

    @register_rule("statements.partial_quote_of_subject")
    def _governing_subject(self, bi: int, q: Quotation) -> Token | None:
        """A quoted fragment with no reporting verb above it, attributed to the subject of its clause when that
        subject can speak: "Coastal states agreed to “step up patrols”" -> states.

        Example: Fishermen want to “take back the sea” this summer.
        """
        found = self._subject_holding_verb(bi, q)
        if found is None:
            return None
        subj = subject_after_clause(found[1])
        return subj if is_speaker_like(subj) and not self.quoted[bi][subj.i] else None

    def _subject_holding_verb(self, bi: int, q: Quotation) -> tuple[Token, Token] | None:
        """The nearest verb outside quotation marks above a quoted fragment that has a subject, and that subject."""
        quoted = self.quoted[bi]
        for root in self._quote_roots(bi, q):
            node = root
            for _ in range(30):
                if node.pos_ in ("VERB", "AUX") and not quoted[node.i]:
                    subj = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
                    if subj is not None:
                        return node, subj
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    def _widen_to_clause(self, found: Found, bi: int, q: Quotation, verb: Token) -> None:
        """A quoted fragment is reported together with the words of the complement around it: the statement is
        that complement, quotation and all, as for reported speech ('called the plan “a disaster”' -> 'the plan
        “a disaster”'), when the complement follows the verb and cuts no other quotation in two."""
        roots = self._quote_roots(bi, q)
        span = clause_around_quotation(verb, roots[0]) if roots else None
        if span is None:
            return
        block = self.blocks[bi]
        doc = block.doc
        start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
        for other in self.quotations[bi]:
            if start < other.open_at and other.start < end < max(other.close_end, other.end):
                if block.text[end : other.end].strip(" .,;:!?"):
                    return  # the quotation goes on after the complement: it is the statement ("was “safe. Nobody …”")
                end = max(other.close_end, other.end)  # the parse hung its closing mark elsewhere: it ends the span
        if not (start <= q.open_at and max(q.close_end, q.end) <= end) or self.quoted[bi][span[0]]:
            return  # the span must hold the whole quotation, and begin in the writer's words
        for other in self.quotations[bi]:
            lo, hi = other.open_at, max(other.close_end, other.end)
            if lo < end and hi > start and not (start <= lo and hi <= end):
                return  # it would cut another quotation in two
        found.quotation = (found.start, found.end)
        found.start, found.end = block.offset + start, block.offset + end

    @register_rule("statements.quote_with_subject_before_it")
    def _widen_to_writers_subject(self, found: Found, bi: int, q: Quotation, cue: Token) -> bool:
        """A quotation that finishes a clause whose subject the writer gives before it, attributed by the reporting
        clause after it: the statement is that clause, subject and all ('The ferry “will sail in May,” she said' ->
        'The ferry “will sail in May,”'); only when the words before the mark are the subject's and nothing else.

        Example: The old ferry “will sail again in May,” the harbour master said.
        """
        start = self._writers_subject_start(bi, q, cue)
        if start is None:
            return False
        found.quotation = (found.start, found.end)
        found.start = self.blocks[bi].offset + start
        found.end = self.blocks[bi].offset + max(q.close_end, q.end)
        return True

    def _writers_subject_start(self, bi: int, q: Quotation, cue: Token) -> int | None:
        """Where the subject the writer gives before a quotation starts (block offset), or None."""
        doc, quoted = self.blocks[bi].doc, self.quoted[bi]
        if q.unclosed or q.dash or not self.blocks[bi].text[q.start : q.start + 1].islower():
            return None  # a quotation opening with a capital is a sentence of its own, not the end of the writer's
        open_tok = self._token_at(bi, q.open_at)
        frame = self._frame_before(bi, open_tok)
        roots = self._quote_roots(bi, q)
        if not frame or not roots or (frame[0].i > 0 and quoted[frame[0].i - 1]):
            return None  # the words before follow another quotation of the same sentence
        node, subj = roots[0], None
        for _ in range(30):
            if node.i >= cue.i:
                return None  # the quotation hangs on the reporting verb itself: it is what was said
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < open_tok), None)
            if subj is not None or node.head.i == node.i:
                break
            node = node.head
        if subj is None or quoted[subj.i] or subj.left_edge.i < frame[0].i:
            return None
        lo = subj.left_edge.i
        clause = {t.i for t in node.subtree}
        if any(t.i not in clause or t.text in DASHES or t.text in (":", ";") for t in frame if t.i >= lo):
            return None  # words between the subject and the mark that are not its clause's, or a break in them
        if any(t.pos_ in ("VERB", "AUX") for t in frame if t.i < lo):
            return None  # a clause of the writer's own before the subject ("Smith argued that X “…”")
        return doc[lo].idx

    def _join(self, first: Found, second: Found, bi: int, q1: Quotation, q2: Quotation) -> None:
        """Merge the statement of the quoted fragment before into `second` (`statements.coordinated_quotations`):
        it starts where the first one starts, or at the subject the writer gives before the first fragment."""
        lo = self.blocks[bi].offset + q1.open_at
        hi = self.blocks[bi].offset + max(q2.close_end, q2.end)
        start = min(first.start, second.start, lo)  # from the first opening mark at least
        subject_start = self._writers_subject_start(bi, q1, second.cue) if second.cue is not None else None
        if subject_start is not None:
            start = min(start, self.blocks[bi].offset + subject_start)
        if self.trace.enabled:
            text = self.text[first.start : first.end]
            self.trace.merge(
                "statements",
                text,
                first.start,
                first.end,
                joins_coordinated_quotation.rule_id,
                into=self.text[start : second.end],
                proposed_by=first.rule,
            )
        second.quotation, second.joined = (lo, hi), True
        second.start = start
        if not q2.unclosed and second.end < self.blocks[bi].offset + q2.close_end:
            second.end = self.blocks[bi].offset + q2.close_end  # the span opens with a mark: it closes with one
