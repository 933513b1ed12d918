"""Reporting cues beyond a single reporting verb: phrasal verbs ("pointed out that …", "made it clear that …") and
verbs of asking ("asked whether …", "wondered why …"), whose whether/if/wh- clause is what was asked.

Owns `is_reporting_verb` (which tokens reported speech starts from), `is_question_cue` and the rules
`statements.phrasal_cue`, `statements.made_clear`, `statements.reported_question`,
`statements.request_with_infinitive`, `statements.what_x_said_was`, `statements.short_answer` and
`statements.that_clause_after_adverbial`, `statements.gerund_subject_clause`, `statements.clause_beside_quotation`;
which complement a reporting verb reports when the parse gives it several (`own_complement`,
`clause_after_apposition`, `reporting_clause_as_conjunct`) and where a reported clause stops before the speaker's
next act (`participle_act_cut`, `statements.speakers_next_act`); and statements whose speaker the sentence does not
name:
`statements.question_put_to` ("was asked whether …"), `statements.reportedly` and `statements.passive_report`
("it was reported that …", "X was first reported by Y").
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import (
    CLAUSE_ONLY_CUES,
    OBJECT_CUES,
    OBJECT_TO_CUES,
    QUESTION_CUES,
    REPORT_CUES,
    TOPIC_CUES,
    words,
)
from tidynews.extract.statements.syntax import (
    Found,
    has_clause_subject,
    is_cue,
    is_participle_after_comma,
    is_to_infinitive,
    reports_a_finding,
    statement_of_tokens,
    subject_of,
    trim,
)
from tidynews.nlp import ParsedBlock

PHRASAL_CUES = words("statement_words", "phrasal_cue")  # "point out", "make clear"
REQUEST_VERBS = words("statement_words", "request_verb")  # ask
SHORT_ANSWERS = words("statement_words", "short_answer")  # "said yes", "said so", "said the same"
PASSIVE_REPORTS = words("statement_words", "passive_report")  # "it was reported that …", "was confirmed by …"
ANSWER_VERBS = {"say", "answer", "reply", "respond"}
WH_WORDS = {"whether", "if", "what", "why", "how", "who", "whom", "whose", "which", "when", "where"}


@register_rule("statements.phrasal_cue")
def is_phrasal_cue(token: Token) -> bool:
    """A verb and particle that report like a reporting verb: "pointed out that …", "spelled out that …".

    Example: The mayor pointed out that the ferry was older than the bridge.
    """
    if token.pos_ not in ("VERB", "AUX"):
        return False
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return any(f"{token.lemma_.lower()} {p}" in PHRASAL_CUES for p in particles) or _clear_of(token) is not None


def _clear_of(token: Token) -> Token | None:
    """The "clear" of "made (it) clear", if `token` is that "made"."""
    if token.lemma_.lower() != "make" or "make clear" not in PHRASAL_CUES:
        return None
    return next((c for c in token.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp")), None)


def is_question_cue(token: Token) -> bool:
    return is_cue(token, QUESTION_CUES)


def is_reporting_verb(token: Token) -> bool:
    """Whether reported speech may start from this token: a reporting, object or question verb, a finding of
    research, or a phrasal cue."""
    if is_cue(token, OBJECT_TO_CUES) and any(
        c.dep_ == "prep" and c.lower_ == "to" and c.i == token.i + 1 for c in token.children
    ):
        return True
    return is_cue(token, REPORT_CUES | OBJECT_CUES | QUESTION_CUES) or reports_a_finding(token) or is_phrasal_cue(token)


@register_rule("statements.made_clear")
def made_clear(verb: Token) -> tuple[int, int] | None:
    """ "made (it) clear that CLAUSE": the clause is what was said.

    Example: The mayor made it clear that the bridge would not reopen.
    """
    clear = _clear_of(verb)
    if clear is None:
        return None
    clause = next(
        (c for c in clear.children if c.dep_ in ("advcl", "ccomp") and any(m.lower_ == "that" for m in c.children)),
        None,
    )
    if clause is None:
        return None
    return trim(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)


@register_rule("statements.reported_question")
def reported_question(verb: Token) -> tuple[int, int] | None:
    """A question reported by a verb of asking: "asked (the engineers) whether the bridge was safe" -> the
    whether/if/wh- clause, wh-word included.

    Example: The mayor asked the engineers whether the bridge was safe.
    """
    if not is_question_cue(verb) or is_asked_participle(verb):
        return None  # "Asked if …, she said": she was asked; statements.question_put_to reads it
    return _question_clause(verb)


@register_rule("statements.asked_not_asking", kind="drops")
def is_asked_participle(verb: Token) -> bool:
    """A participle of asking with no subject of its own: the subject of the sentence was asked, it did not ask
    ("Asked if …, the mayor said …", "when asked why …"); statements.question_put_to reads the question.

    Example: Asked if the bridge was safe, the mayor said yes.
    """
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and is_question_cue(verb)
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        and _question_clause(verb) is not None
    )


def _question_clause(verb: Token) -> tuple[int, int] | None:
    """The whether/if/wh- clause a verb of asking reports, wh-word included, or None."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        clause = next((c for c in verb.children if _is_if_question(verb, c)), None)
    if clause is None:
        return None
    lo = clause.left_edge.i
    if verb.doc[lo].lower_ not in WH_WORDS:
        return None
    return trim(verb.doc, lo, clause.right_edge.i + 1)


def _is_if_question(verb: Token, clause: Token) -> bool:
    """ "asked workers if they planned to come": the parser hangs the if/whether clause on the verb as an adverbial
    clause; it is the question when it follows the verb (or its object) at once and has a subject of its own."""
    if clause.dep_ != "advcl" or clause.i < verb.i:
        return False
    mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in ("if", "whether")), None)
    if (
        mark is None
        or mark.i != clause.left_edge.i
        or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    ):
        return False
    between = [t for t in verb.doc[verb.i + 1 : mark.i] if t.dep_ in ("dobj", "dative") and t.head.i == verb.i]
    return mark.i == verb.i + 1 or (between and between[-1].right_edge.i + 1 == mark.i)


@register_rule("statements.request_with_infinitive")
def request_with_infinitive(verb: Token) -> tuple[int, int] | None:
    """A request reported by a verb of asking with whom it asks and what to do: "asked the council to approve the
    bridge" -> "the council to approve the bridge" (word list request_verb: ask).

    Example: The mayor asked the council to approve the new bridge.
    """
    if verb.lemma_.lower() not in REQUEST_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    # the infinitive right after the object (the parser sometimes takes it for an adverbial clause of purpose)
    todo = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > obj.i), None)
    if todo is None or (todo.dep_ == "advcl" and todo.left_edge.i != obj.right_edge.i + 1):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" and c.i == todo.left_edge.i for c in todo.children):
        return None
    return trim(verb.doc, obj.left_edge.i, todo.right_edge.i + 1)


@register_rule("statements.what_x_said_was")
def what_x_said_was(verb: Token) -> tuple[int, int] | None:
    """Reported speech in a pseudo-cleft: "What the mayor said was that the bridge would close." -> the clause after
    "was" (the wh-object "what" stands for it, so the verb is not dropped as "what X said").

    Example: What the mayor said was that the old bridge would close in May.
    """
    if verb.dep_ != "csubj" or verb.head.lemma_ != "be" or verb.head.i < verb.i:
        return None
    if not any(c.lower_ == "what" and c.dep_ in ("dobj", "dative") and c.i < verb.i for c in verb.children):
        return None
    clause = next((c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.head.i), None)
    if clause is None or not has_clause_subject(clause):
        return None
    return trim(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)


@register_rule("statements.short_answer")
def short_answer(verb: Token) -> tuple[int, int] | None:
    """A one-word answer right after a verb of saying is what was said: "60 percent said yes", "said no", "said so",
    "said the same (about the airport)" (word list short_answer; "said no more" and "so-called" give nothing).

    Example: Asked about the new bridge, 60 percent said yes.
    """
    if verb.lemma_.lower() not in ANSWER_VERBS or verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.lower_ == "the" and word.i + 1 < len(verb.doc) and verb.doc[word.i + 1].lower_ in SHORT_ANSWERS:
        same = verb.doc[word.i + 1]
        if same.head.i == verb.i and same.dep_ in ("dobj", "npadvmod", "advmod"):
            return same.left_edge.i, same.right_edge.i + 1
        return None
    if word.head.i != verb.i or word.dep_ not in ("advmod", "intj", "dobj", "dep", "ccomp", "npadvmod"):
        return None
    if word.lower_ in ("yes", "no", "so") and word.lower_ in SHORT_ANSWERS:
        after = verb.doc[word.i + 1] if word.i + 1 < len(verb.doc) else None
        if after is not None and (after.is_alpha and after.dep_ not in ("prep", "cc") or after.text == "-"):
            return None  # "said so many", "said no more", "said so-and-so": not an answer
        return word.i, word.i + 1
    return None


@register_rule("statements.that_clause_after_adverbial")
def that_clause_after_adverbial(verb: Token) -> tuple[int, int] | None:
    """A that-clause after an adverbial of the reporting verb, which the parser hung on the adverbial's noun as a
    relative clause: "said for the first time that …", "said during a news conference that …" (the "that" is a
    complementizer: the clause has its own subject and "that" is no part of it).

    Example: The senator said for the first time that some letters had been found.
    """
    if not is_cue(verb, REPORT_CUES) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("prep", "npadvmod", "advmod", "advcl"):
            continue
        for clause in child.subtree:
            if clause.dep_ not in ("relcl", "acl", "ccomp") or clause.i == child.i:
                continue
            first = clause.doc[clause.left_edge.i]
            # a complementizer: parsed as a mark, or as an adverb but tagged IN (a relative "that" is WDT)
            complementizer = first.dep_ == "mark" or (first.dep_ == "advmod" and first.tag_ == "IN")
            if first.lower_ != "that" or not complementizer or first.head.i != clause.i:
                continue
            if has_clause_subject(clause):
                return trim(verb.doc, clause.left_edge.i + 1, clause.right_edge.i + 1)  # without the "that"
    return None


def clause_after_apposition(verb: Token) -> Token | None:
    """The clause right after a reporting verb whose first complement, before it, gave no statement: a clause of the
    subject's apposition, or of the sentence before, that the parser hung on the verb ("Ana Ruiz, a nurse whose union
    has been busing members to rallies, said her group planned …" -> "her group planned …"); read by
    statements.reported_that_clause. Only when the clause starts at the verb and has a subject of its own that is no
    relative pronoun ("… reports that track spending")."""
    after = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if after is None or after.left_edge.i != verb.i + 1:
        return None
    subject = next((c for c in after.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ == "that":
        return None
    return after


def participle_act_cut(clause: Token) -> int | None:
    """Where a reported clause stops before a closing participle of speaking (", calling …", ", noting …", ", saying
    …"): the speaker's next act, not part of what the clause reports ("said the fare was fair, calling the old one a
    scandal" -> "the fare was fair"), or None. The participle has no subject of its own and ends the clause."""
    for token in clause.subtree:
        if token.i <= clause.i or not is_participle_after_comma(token) or token.right_edge.i != clause.right_edge.i:
            continue
        if is_reporting_verb(token) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token.i - 1
    return None


@register_rule("statements.clause_beside_quotation")
def reports_clause_beside_quotation(verb: Token, quoted: list[bool]) -> bool:
    """A reporting verb taken as the cue of a quotation before it may still report a clause of its own right after
    it, with no quotation mark in it: 'Although she admitted that they had “met a few times,” the mayor claimed they
    had never talked about the port' (the quotation is hers too, but the clause after "claimed" is her claim).

    Example: Although the mayor admitted that the two had “met a few times,” she claimed they had never spoken.
    """
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not has_clause_subject(clause) or clause.left_edge.i > verb.i + 2:
        return False
    if any(quoted[i] or verb.doc[i].is_quote for i in range(verb.i, clause.right_edge.i + 1)):
        return False
    return any(quoted[i] for i in range(verb.sent.start, verb.i))


def own_complement(verb: Token) -> Token | None:
    """The clausal complement a reporting verb reports: the first ccomp, except that a ccomp before the verb which is
    itself a reporting verb with a subject of its own is an earlier statement the parser hung on this one ("Six in 10
    said A; 46 percent said B": B's verb gets A's "said" as a ccomp), so the ccomp after the verb is taken then."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not ccomps:
        return None
    first = ccomps[0]
    after = next((c for c in ccomps if c.i > verb.i), None)
    if first.i < verb.i and after is not None and is_reporting_verb(first) and subject_of(first) is not None:
        return after
    if first.i < verb.i and after is not None and clause_before_joiner(verb, first):
        return after
    return first


# the tense a speaker's next act shares with the reporting verb ("accuse … and urge": the tagger calls urge VB)
ACT_TENSES = {"VBD": "past", "VBZ": "present", "VBP": "present", "VB": "present"}


@register_rule("statements.speakers_next_act")
def speakers_next_act(verb: Token, lo: int, hi: int, quoted: list[bool]) -> tuple[int, Token] | None:
    """Where a reported complement after `verb` stops before "and" + a reporting verb with no subject of its own, in
    the reporting verb's tense, that the parser hung on a word of the complement: the speaker's next act, a statement
    of its own with the same speaker ("said it was opposed to the plan and warned of a response"; "accuse the board
    of being misled and urge it to …"); returns (the index of that "and", the second verb), or None.

    Example: The fishermen's guild said the new quota was unfair to small boats and called on the minister to drop it.
    """
    doc = verb.doc
    tense = ACT_TENSES.get(verb.tag_)
    if tense is None or lo <= verb.i or verb.dep_ == "relcl":  # "a report which said A and accused B": one description
        return None
    for token in doc[lo:hi]:
        joint = token.left_edge.i - 1
        if token.dep_ != "conj" or not lo <= token.head.i < hi or joint <= lo + 1 or doc[joint].lower_ != "and":
            continue
        if ACT_TENSES.get(token.tag_) != tense or quoted[token.i] or not is_reporting_verb(token):
            continue
        if is_cue(token, TOPIC_CUES) or (token.tag_ == "VB" and token.head.tag_ == "VB"):
            continue  # "talked about …" tells what A was about; "he'd sit … and tell …" hangs on "would"
        if _in_subordinate(token, verb) or any(doc[i].is_quote for i in range(token.i, hi)):
            continue  # a quotation after the second verb: its words may carry the first report on (left as one)
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children):
            continue
        if not any(c.dep_ in ("prep", "xcomp", "ccomp", "oprd") for c in token.children):
            continue  # "said A and denied any wrongdoing": a bare noun object, one statement (the parse cannot tell)
        return joint, token
    return None


def _in_subordinate(token: Token, verb: Token) -> bool:
    """Whether a conjunct lies in a relative or adverbial clause of the complement ("… which he was doing when the
    guards stopped him and sent him home": sent is the guards'), not on its main line."""
    node = token.head
    for _ in range(12):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "advcl", "acl"):
            return True
        node = node.head
    return True


SENTENCE_JOINERS = {":", ";", "-", "--", "—", "–"}


def clause_before_joiner(verb: Token, before: Token) -> bool:
    """Whether `before`, a ccomp before the reporting verb `verb`, is a clause before a colon, semicolon or dash
    that the parser hung on the next sentence's reporting verb: the writer's, not what the verb reports ("The poll
    asked about jobs: most said wages were too low" -> the clause after "said": the verb's subject comes after the
    colon); read by statements.reported_that_clause."""
    doc = verb.doc
    own = [c.left_edge.i for c in verb.children if c.i < verb.i and c.i != before.i and not c.is_punct]
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children) or not own:
        return False
    start = min(own)
    return start > before.right_edge.i and doc[start - 1].text in SENTENCE_JOINERS


def reporting_clause_as_conjunct(verb: Token) -> bool:
    """ "The plant is hanging on, its chief executive told the Post.": the parser joined the reporting clause to the
    clause before as a conjunct or an adverbial clause; it is one when the verb has its own subject right after the
    comma and no conjunction or mark ("and he said" is a second act)."""
    if verb.dep_ not in ("conj", "advcl") or any(c.dep_ in ("mark", "cc") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i == verb.left_edge.i


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@register_rule("statements.gerund_subject_clause")
def gerund_subject_clause(verb: Token) -> tuple[int, int] | None:
    """A reported clause whose subject is a gerund, which the parser hung on the verb as a participle complement:
    "said legalizing it could put thousands to work" (a verb like "say" takes no participle: what follows is a clause
    when the participle's words hold a finite verb; "recalled meeting her" is no clause and gives nothing here).

    Example: Yet economists, like their colleagues, say taxing fuel encourages savings, investment and growth.
    """
    if verb.lemma_ not in CLAUSE_ONLY_CUES or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if gerund is None or gerund.tag_ != "VBG" or gerund.left_edge.i != verb.i + 1:
        return None
    if not any(t.tag_ in FINITE_TAGS for t in gerund.subtree):
        return None
    hi = gerund.right_edge.i + 1
    for child in verb.children:
        if child.i <= gerund.i or child.is_punct or child.dep_ == "cc":
            continue
        if child.dep_ != "conj" or child.tag_ != "VB":
            return None  # "said leaving was hard and walked out": something else follows
        hi = max(hi, child.right_edge.i + 1)  # "said ending X … would gut the party": the clause's own verb
    return trim(verb.doc, gerund.left_edge.i, hi)


@register_rule("statements.question_put_to")
def questions_put_to(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A question put to someone, told as a participle ("Asked if …, she said", "when asked why …": the question
    that the answer after it replies to, asker unknown unless named) or in the passive with a named asker ("was
    asked by a caller whether …"; "She was asked how the talks went" names none and gives nothing).

    Example: The mayor was asked by a reporter whether the bridge would reopen in May.
    """
    doc = block.doc
    out = []
    for verb in doc:
        if verb.tag_ != "VBN" or quoted[verb.i] or not is_question_cue(verb):
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if not (passive or is_asked_participle(verb)):
            continue
        span = _question_clause(verb)
        if span is None or any(quoted[i] for i in range(*span)):
            continue
        asker = _by_agent(verb)
        if asker is None and passive:
            continue  # "She was asked how the talks went": the passive tells of her, not of a question put
        out.append(statement_of_tokens(block, span, verb, asker, questions_put_to.rule_id))
    return out


@register_rule("statements.reportedly")
def reportedly_clauses(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A clause the writer says was reported without naming by whom: "The club is reportedly spending $1 million on
    ads" -> the clause, speaker unknown (not where its verb reports speech itself: that verb's rules read it).

    Example: The ferry company is reportedly planning to sell two of its boats.
    """
    doc = block.doc
    out = []
    for word in doc:
        if word.lower_ != "reportedly" or quoted[word.i] or word.dep_ != "advmod":
            continue
        clause = word.head
        if clause.pos_ not in ("VERB", "AUX") or is_reporting_verb(clause):
            continue
        if not has_clause_subject(clause):
            continue  # "… reportedly winning over delegates": a fragment, no claim of its own
        span = trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
        if span is None or span[1] - span[0] < 4 or any(quoted[i] for i in range(*span)):
            continue
        out.append(statement_of_tokens(block, span, word, None, reportedly_clauses.rule_id))
    return out


@register_rule("statements.passive_report")
def passive_reports(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A report told in the passive (word list passive_report): "it was reported/revealed that CLAUSE" -> the clause,
    by the by-agent if named, else speaker unknown; "X was first reported by Y" -> X, Y's (with no by-agent the
    passive subject is no statement: "the closure was confirmed" tells of the closure); "X is said/reported to
    have …" -> X and the infinitive; "As reported by Y, CLAUSE" -> the clause, Y's.

    Example: It was revealed last week that the mayor had used a private email account.
    """
    doc = block.doc
    out = []
    for verb in doc:
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in PASSIVE_REPORTS or quoted[verb.i]:
            continue
        agent = _by_agent(verb)
        as_clause = _as_clause_span(verb) if agent is not None else None
        if as_clause is not None:
            span = as_clause  # "As reported by the Courier, the port will be sold": the Courier's
            if not any(quoted[i] for i in range(*span)):
                out.append(statement_of_tokens(block, span, verb, agent, passive_reports.rule_id))
            continue
        if not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if subject is not None and subject.lower_ == "it" and clause is not None:
            if not has_clause_subject(clause):
                continue
            lo = clause.left_edge.i + (1 if doc[clause.left_edge.i].lower_ == "that" else 0)
            span = trim(doc, lo, clause.right_edge.i + 1)
        elif subject is not None and verb.lemma_.lower() in ("report", "say") and (todo := _infinitive_after(verb)):
            # "The mayor is said to be planning a run": the subject and its infinitive are what was reported
            span = trim(doc, subject.left_edge.i, todo.right_edge.i + 1)
        elif subject is not None and agent is not None and subject.pos_ != "PRON" and agent.i > verb.i:
            span = trim(doc, subject.left_edge.i, subject.right_edge.i + 1)
        else:
            continue
        if span is None or any(quoted[i] for i in range(*span)):
            continue
        out.append(statement_of_tokens(block, span, verb, agent, passive_reports.rule_id))
    return out


def _by_agent(verb: Token) -> Token | None:
    """The one named by "by" after a passive verb ("was asked by a caller", "reported by the Courier"), or None."""
    by = next((c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _as_clause_span(verb: Token) -> tuple[int, int] | None:
    """The clause beside an "as reported by X" clause of `verb` (before or after it), or None."""
    head = verb.head
    if verb.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i for c in verb.children):
        return None
    if not has_clause_subject(head):
        return None
    if verb.i < head.i:
        return trim(verb.doc, verb.right_edge.i + 1, head.right_edge.i + 1)
    return trim(verb.doc, head.left_edge.i, verb.left_edge.i)


def _infinitive_after(verb: Token) -> Token | None:
    """The to-infinitive complement right after a passive verb ("was reported to have left"), or None."""
    todo = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if todo is None or not is_to_infinitive(todo):
        return None
    return todo
