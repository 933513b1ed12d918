"""Quotation marks: where the quoted passages of a paragraph begin and end (pass 1 of statements reads them).

Owns: telling quotation marks from apostrophes (`quotation_marks`), the outermost quotations of a paragraph
(`find_quotations`), paragraphs that open with a dash (`dash_quotations`) and a short reporting clause that ends a
quoted piece (`reporting_tail`). Works on plain text; no parse needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidynews.extract.statements.lexicon import DASH_REPORTING_WORDS

DOUBLE_OPEN, DOUBLE_CLOSE = "“«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘‹", "’›"
OPENERS_BEFORE = " \t([{—–-/“‘«\"'"
DASH_QUOTE = re.compile(r"^[—–]\s*")
CLOSING_DASH = re.compile(r"[,.!?]?\s+[—–]\s+")


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
    An opening double mark glued to the word before it and followed by a space closes ("“It is late,“ she said").
    A closing double mark that opens the paragraph opens it: nothing before it can be closed, and a quoted paragraph
    typed with the wrong curl ("”We will stay,” she said.") is still a quotation.
    Example: 'He said “it’s ‘fine’”.' -> “ open, ‘ open, ’ close, ” close (the ’ of it’s is skipped).
    """
    marks = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in DOUBLE_OPEN and nxt.isspace() and prev not in OPENERS_BEFORE and not prev.isspace():
            marks.append((i, "double", "close"))  # “…,“ she said: an opening mark typed to close (glued, a space after)
        elif ch in DOUBLE_OPEN or (ch in DOUBLE_CLOSE and not text[:i].strip()):
            marks.append((i, "double", "open"))  # a ” that starts the paragraph can only open
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
    if text[open_pos] == "'" and text[start : start + 1] == "'":
        start += 1  # ''…'': two apostrophes typed for a double quotation mark
        if text[close_end : close_end + 1] == "'" and text[inner_end : inner_end + 1] == "'":
            close_end += 1
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
        tail = reporting_tail(text, p_start, p_end)
        if tail is not None:
            out.append(Quotation(p_start, tail, p_dash, tail, dash=True))
            continue
        last = k == len(pieces) - 1
        out.append(Quotation(p_start, p_end, p_dash, p_next, unclosed=last, dash=True))
        expect_quote = False
    return [q for q in out if q.end > q.start]


def reporting_tail(text: str, start: int, end: int) -> int | None:
    """Where a short reporting clause after a comma ends a quoted piece: "We will win, said the mayor."

    Returns the end of the quotation (just after its comma), or None.
    """
    for m in reversed(list(re.finditer(r"[,!?]\s", text[start:end]))):
        tail = text[start + m.end() : end]
        if len(tail.split()) <= 14 and DASH_REPORTING_WORDS.search(tail):
            return start + m.start() + 1
    return None
