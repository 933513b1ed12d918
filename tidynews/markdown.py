"""Text from file names and data, made safe for the Markdown files tidynews writes (CHANGELOG.md, CODEBOOK.md,
README examples): one line each (a newline in a file name must not start a fake heading), Markdown syntax in
the data shown as text, and pipes escaped inside table cells."""

from __future__ import annotations

import re

# Line breaks and other control characters (C0, DEL, NEL, line and paragraph separators): shown as escapes
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Characters that start Markdown or HTML syntax inside a line
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


def one_line(text: object) -> str:
    """The text on one line: every line break or control character written as an escape (\\n, \\u0085)."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), str(text))


def md_text(text: object) -> str:
    """Plain text inside a Markdown line: one line, and every character that would start syntax escaped."""
    return one_line(_SPECIAL.sub(r"\\\1", str(text)))


def md_code(text: object, in_table: bool = False) -> str:
    """A code span holding the text verbatim (one line), fenced by more backticks than it contains.

    In a table cell a pipe must be escaped even inside a code span (GitHub's table rule).
    """
    body = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if body.startswith(("`", " ")) or body.endswith(("`", " ")) else ""
    if in_table:
        body = body.replace("|", "\\|")
    return f"{fence}{pad}{body}{pad}{fence}"


def md_cell(text: object) -> str:
    """Trusted text (schema descriptions, with their `code` spans) for one table cell: one line, pipes escaped."""
    return one_line(text).replace("|", "\\|")
