"""An article's metadata: when it was published, by which outlet, at which URL, by whom, in which language, under
which licence. One place that says which fields there are and what a valid value is; every input form (sidecar,
metadata CSV, corpus row, HTML page) goes through `clean_metadata`.

Values are normalised, never guessed: a date in a form we do not know is an error naming the file or row and the
field, not an empty cell. Dates become ISO 8601, as precise as the source gives: `2017-11-02` for a day,
`2017-11-02T14:30:00+01:00` (or without offset, as given) for a time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import urlsplit

from tidynews.errors import Problem

# The articles fields an input may set, in schema order. `published` is the schema name; corpus files call it `date`.
METADATA_FIELDS = ("published", "outlet", "url", "authors", "language", "licence")

# Day forms besides ISO 8601 that news exports use: "November 2, 2017" (the Reuters export), "Nov 2, 2017",
# "2 November 2017", "19-Feb-18", "2017/11/02". Day-first and month-first numeric forms ("02/11/2017") are
# ambiguous and refused.
DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y/%m/%d", "%B %d %Y")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")  # a BCP 47 tag: en, en-GB, pt-BR, zh-Hant
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_published(value: str) -> str:
    """The ISO 8601 form of a publication date or date-time; raise ValueError when it is neither.

    Example: "November 2, 2017 " -> "2017-11-02"; "2024-01-05T10:00:00Z" -> "2024-01-05T10:00:00+00:00".
    """
    text = " ".join(value.split())
    if _ISO_DAY.match(text):
        return date.fromisoformat(text).isoformat()
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", text):
        return datetime.fromisoformat(text).isoformat()
    for form in DAY_FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise ValueError(text)


def check_url(value: str) -> str:
    """An absolute http(s) URL without white space; raise ValueError otherwise."""
    text = value.strip()
    parts = urlsplit(text)
    if not text.startswith(("http://", "https://")) or not parts.netloc or re.search(r"\s", text):
        raise ValueError(text)
    return text


def as_text(value: object) -> str:
    """A metadata value as one string: a list of authors is joined with '; ', a YAML date becomes ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(as_text(v) for v in value if as_text(v))
    if isinstance(value, bool | dict):
        raise TypeError(type(value).__name__)
    return str(value).strip()


def clean_metadata(
    raw: Mapping[str, object], file: str, row: int | None = None, column_names: Mapping[str, str] | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """The metadata fields of `raw` (keys from METADATA_FIELDS), normalised, and one problem per bad value.

    `column_names` maps a field to the input's own name for it (a corpus's `date` column), used in messages.
    """
    names = column_names or {}
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for name in METADATA_FIELDS:
        column = names.get(name, name)

        def problem(rule: str, message: str, column: str = column) -> Problem:
            return Problem(rule, message, file=file, row=row, column=column)

        try:
            value = as_text(raw.get(name))
        except TypeError as exc:
            problems.append(problem("bad-metadata", f"{name} must be text (or a list of texts), not a {exc}"))
            continue
        if not value:
            out[name] = ""
            continue
        try:
            if name == "published":
                value = normalise_published(value)
            elif name == "url":
                value = check_url(value)
            elif name == "language" and not _LANGUAGE.match(value):
                raise ValueError(value)
        except ValueError:
            problems.append(problem(f"bad-{name}", BAD_VALUE[name].format(value=value)))
            continue
        out[name] = value
    return out, problems


BAD_VALUE = {
    "published": "{value!r} is not a date: write it in ISO 8601 (2017-11-02, or 2017-11-02T14:30:00+01:00) or as "
    "'November 2, 2017'",
    "url": "{value!r} is not an absolute http(s) URL (like https://example.org/news/1)",
    "language": "{value!r} is not a language tag: use a BCP 47 tag such as en, en-GB or de",
}
