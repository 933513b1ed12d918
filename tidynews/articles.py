"""Read articles: decode, normalise, and split each into zones (headline, standfirst, body, caption).

An article is a plain-text file: the first non-empty line is the headline, then paragraphs
separated by blank lines. Everything downstream indexes into `Article.text`, which is the file
decoded (UTF-8, BOM removed; Windows-1252 only when UTF-8 fails and the bytes are plainly text),
with line endings normalised to "\\n". No other change is made, so offsets stay honest.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidynews.errors import BadArticleError, Problem

MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few kB; 5 MB is a book, or a mistake.
# spaCy parses each block on its own; its max_length is 1,000,000 characters and the parser needs about
# 1 GB of memory per 100,000. A longer line (a whole article without line breaks) is cut at sentence ends.
MAX_BLOCK_CHARS = 100_000
# In Windows-1252 text most letters are ASCII; a file where non-ASCII letters are this common is in some other
# 8-bit encoding (Cyrillic, Greek, Mac Roman ...) that cp1252 would turn into mojibake.
MAX_CP1252_NON_ASCII_SHARE = 0.3

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")  # the files of a seeds folder that are articles

HEADLINE, STANDFIRST, BODY, CAPTION = "headline", "standfirst", "body", "caption"


@dataclass(frozen=True)
class Block:
    """A line of the article with its zone. Offsets index into Article.text."""

    start: int
    end: int
    zone: str


@dataclass
class Article:
    article_id: str
    source_file: str
    sha256: str
    encoding: str
    text: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # metadata (tidynews.metadata.METADATA_FIELDS), normalised; "" when the input does not say
    published: str = ""
    outlet: str = ""
    url: str = ""
    authors: str = ""
    language: str = ""
    licence: str = ""
    # a row of a corpus file (1 = the first article), to locate problems; None for an article file
    source_row: int | None = None

    @property
    def text_sha256(self) -> str:
        """SHA-256 of `text` as UTF-8: what a user who obtains the text elsewhere can check theirs against."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# --- decoding -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plausible_cp1252(text: str) -> bool:
    """Windows-1252 text of a Western European language: accented letters are a minority among letters."""
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if not c.isascii())
    return non_ascii <= MAX_CP1252_NON_ASCII_SHARE * max(len(letters), 1)


# A UTF-8 character of two to four bytes (a lead byte and its continuation bytes)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _first_utf8_character(data: bytes) -> re.Match[bytes] | None:
    """The first run of bytes that is a real UTF-8 character: the byte pattern alone also matches sequences that
    do not decode (an overlong form, a code point past U+10FFFF such as F4 91 80 91)."""
    for run in _UTF8_MULTIBYTE.finditer(data):
        try:
            run.group().decode("utf-8")
        except UnicodeDecodeError:
            continue
        return run
    return None


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 text without a byte-order mark: in Latin-script text every other byte (odd or even) is NUL."""
    head = data[:8192]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / max(len(odd), 1)) > 0.9


def decode_article(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of an article file, or raise BadArticleError.

    UTF-8 (with or without BOM) is tried first and accepted as is, so a UTF-8 file is never mis-read as
    Windows-1252. Bytes that are not UTF-8 are decoded as Windows-1252 (a superset of Latin-1 for printable
    text) only if the result has no control characters and reads like Western European text; anything else
    is refused with the reason and what to do.
    """

    def bad(rule: str, message: str) -> BadArticleError:
        return BadArticleError(f"cannot read {source}", [Problem(rule, message, file=source)])

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise bad("encoding", "the file is UTF-16 (it starts with a UTF-16 byte-order mark); re-save it as UTF-8")
    if b"\x00" in data[:8192] and _looks_like_utf16(data):
        raise bad(
            "encoding",
            "the file is UTF-16 without a byte-order mark (every other byte is NUL); re-save it as UTF-8",
        )
    if b"\x00" in data[:8192]:
        raise bad(
            "binary",
            "the file holds NUL bytes: it is binary (an image, a document?), not a plain-text "
            "article; remove it, or export the article as .txt",
        )
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8-sig", data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, bad_byte = "", exc.start
    else:
        bad_byte = -1
    if bad_byte >= 0:
        where = f"not UTF-8 (byte {bad_byte}: {data[bad_byte : bad_byte + 1]!r})"
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise bad("encoding", f"{where} and not Windows-1252 text either; re-save the file as UTF-8") from None
        if _CONTROL.search(text):
            raise bad("binary", f"{where} and holds control characters: it is not a text article; remove it")
        utf8_run = _first_utf8_character(data)
        if utf8_run:  # "café" in UTF-8 and "naïve" in Windows-1252 in one file: one decoding would garble the other
            raise bad(
                "encoding",
                f"{where}, yet byte {utf8_run.start()} starts a UTF-8 character "
                f"({data[utf8_run.start() : utf8_run.end()].decode('utf-8')!r}): the file mixes UTF-8 and "
                "Windows-1252, and either reading would garble part of it; re-save the file as UTF-8",
            )
        if not _plausible_cp1252(text):
            raise bad(
                "encoding",
                f"{where}, and as Windows-1252 most of its letters would be accented: it is in "
                "another encoding; re-save the file as UTF-8",
            )
        encoding = "cp1252"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise bad(
            "binary",
            f"the text holds a control character ({control.group()!r} at character "
            f"{control.start()}): it looks binary, not an article; remove the character or the file",
        )
    return text, encoding


# --- zoning ---------------------------------------------------------------------------------

# A photo credit at the end of a caption: "(Ariel Hermoni/Defense Ministry)", "(Photo: AP)".
_CREDIT_END = re.compile(r"\((?:[^()]*/[^()]*|(?:photo|image|picture|credit|file photo)[^()]*)\)\s*$", re.IGNORECASE)
_CAPTION_START = re.compile(r"^(?:photo|image|picture|caption|file photo)\s*[:\-–]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# Page furniture and credit lines: not the story.
_FURNITURE = re.compile(
    r"^(?:most popular|most read|read more|related|advertisement|share this|"
    r"sign up|subscribe|follow us|recommended|you may also like|see also)\b.{0,40}$"
    # a credit line on its own, not a whole report whose last sentence is the credit
    r"|^.{0,200}contributed to this report\.?$|^(?:reporting|writing|editing|additional reporting) by\b",
    re.IGNORECASE,
)


def is_caption(line: str) -> bool:
    """A photo caption: a line that ends with a credit in brackets, or starts with 'Photo:'.

    Example: "Gallant meets Hochstein in Tel Aviv, January 4, 2024. (Ariel Hermoni/Defense Ministry)"
    """
    return bool(_CREDIT_END.search(line) or _CAPTION_START.match(line))


def is_furniture(line: str) -> bool:
    """Page furniture or a credit line, not part of the story.

    Example: "Most Popular", "read more:", "Times of Israel staff contributed to this report."
    """
    return bool(_FURNITURE.search(line.strip()))


# Where a long line may be cut: after a sentence end and its closing quotes or brackets, before white space.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def split_long_span(text: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """Cut text[start:end] into pieces of at most `limit` characters, at the last sentence end before the limit.

    Without a sentence end the cut is at the last white space, and without that at the limit itself.
    Pieces never start or end with white space. Example: a 300,000-character paragraph -> three or four pieces.
    """
    pieces = []
    # a span given with white space at either end would otherwise yield a piece of white space only
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > limit:
        window = text[start : start + limit]
        cut = 0
        for m in _SENTENCE_BREAK.finditer(window):
            cut = m.end()
        if cut == 0:
            space = max(window.rfind(" "), window.rfind("\t"))
            cut = space + 1 if space > 0 else limit
        piece_end = start + cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def split_zones(text: str) -> list[Block]:
    """Split the text into lines with a zone each; furniture and repeated captions are left out.

    The first non-empty line is the headline. A line right after it that does not end a sentence
    ("Minister calls for 'a new reality': 'We will not tolerate...'") is the standfirst.
    A line longer than MAX_BLOCK_CHARS becomes several blocks of the same zone, cut at sentence ends.
    """
    blocks = _split_lines(text)
    if all(b.end - b.start <= MAX_BLOCK_CHARS for b in blocks):
        return blocks
    return [Block(s, e, b.zone) for b in blocks for s, e in split_long_span(text, b.start, b.end, MAX_BLOCK_CHARS)]


def _split_lines(text: str) -> list[Block]:
    blocks: list[Block] = []
    seen_captions: set[str] = set()
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        # trim surrounding white space so spans never start or end in a space
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if not blocks:
            blocks.append(Block(start, end, HEADLINE))
            continue
        if is_caption(stripped):
            if stripped not in seen_captions:
                blocks.append(Block(start, end, CAPTION))
            seen_captions.add(stripped)
            continue
        if is_furniture(stripped):
            continue
        if len(blocks) == 1 and len(stripped) < 400 and not _SENTENCE_END.search(stripped):
            blocks.append(Block(start, end, STANDFIRST))
            continue
        blocks.append(Block(start, end, BODY))
    return blocks


# --- reading --------------------------------------------------------------------------------


def article_id_for(relative: Path) -> str:
    """The article id: the path relative to the seeds folder, '/'-separated, without '.txt' (or '.html', '.htm')."""
    rel = relative.as_posix()
    for suffix in ARTICLE_SUFFIXES:
        if rel.lower().endswith(suffix):
            rel = rel[: -len(suffix)]
            break
    return unicodedata.normalize("NFC", rel)


def read_file_bytes(path: Path, source: str) -> bytes:
    """The bytes of one article file; a file too large to be one article is refused before it is read."""
    size = path.stat().st_size  # before reading: a 50 MB mistake is refused without loading it
    if size > MAX_ARTICLE_BYTES:
        raise BadArticleError(
            f"cannot read {source}",
            [
                Problem(
                    "too-large",
                    f"{size:,} bytes is more than the {MAX_ARTICLE_BYTES:,} a single article "
                    "may have: it is not one news article; split it into one file per article",
                    file=source,
                )
            ],
        )
    return path.read_bytes()


def read_article(path: Path, root: Path) -> Article:
    """Read one article file; raise BadArticleError naming the file when it cannot be used."""
    rel = path.relative_to(root)
    source = rel.as_posix()
    data = read_file_bytes(path, source)
    text, encoding = decode_article(data, source)
    if not text.strip():
        what = "is empty" if not data else "holds only white space"
        raise BadArticleError(
            f"cannot read {source}",
            [
                Problem(
                    "empty",
                    f"the file {what}; put the article in it (headline on the first line) or remove it",
                    file=source,
                )
            ],
        )
    blocks = split_zones(text)
    title = text[blocks[0].start : blocks[0].end]
    article = Article(
        article_id=article_id_for(rel),
        source_file=unicodedata.normalize("NFC", source),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        title=title,
        blocks=blocks,
    )
    if encoding == "cp1252":
        article.warnings.append(f"{source}: not UTF-8; decoded as Windows-1252")
    return article


def _is_candidate(path: Path, seeds_dir: Path, suffixes: tuple[str, ...]) -> bool:
    """An article file, or a link that read_or_problem must refuse (dangling, or to a file or folder outside)."""
    if path.is_symlink() and link_problem(path, seeds_dir) is not None:
        return True  # reported, never read; a link inside the folder is read like the file it points to
    return path.is_file() and path.suffix.lower() in suffixes


def find_article_files(seeds_dir: Path, suffixes: tuple[str, ...] = (".txt",)) -> list[Path]:
    """Every .txt file (or file with one of `suffixes`) under seeds_dir, in a stable order (sorted by relative path)."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise BadArticleError(
            f"no seeds folder at {seeds_dir}",
            [Problem("no-seeds", "the folder does not exist; give --seeds DIR", file=str(seeds_dir))],
        )
    files = sorted(
        (p for p in seeds_dir.rglob("*") if _is_candidate(p, seeds_dir, suffixes)),
        key=lambda p: p.relative_to(seeds_dir).as_posix(),
    )
    if not files:
        raise BadArticleError(
            f"no articles in {seeds_dir}",
            [
                Problem(
                    "no-seeds",
                    "the folder holds no .txt files" + (" nor .html pages" if ".html" in suffixes else ""),
                    file=str(seeds_dir),
                )
            ],
        )
    return files


@dataclass
class ReadResult:
    articles: list[Article]
    skipped: list[Problem]
    warnings: list[str]


def read_articles(seeds_dir: Path, skip_bad: bool = False) -> ReadResult:
    """Read every .txt article in seeds_dir. Every bad file is reported in one go, not only the first.

    Without skip_bad a bad file fails the whole read; with it the bad files are skipped and listed.
    The same text under two names is kept once, with a warning.
    """
    seeds_dir = Path(seeds_dir)
    return collect_articles(
        (read_or_problem(path, seeds_dir) for path in find_article_files(seeds_dir)), str(seeds_dir), skip_bad
    )


def link_problem(path: Path, root: Path) -> Problem | None:
    """A file or folder link that leaves the seeds folder, or leads nowhere: never read.

    A credentials file linked into the seeds (`ln -s ~/.aws/credentials s/a.txt`) must not be published.
    """
    source = path.relative_to(root).as_posix()
    if not path.is_symlink() and path.resolve().is_relative_to(Path(root).resolve()):
        return None
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(
            "broken-link",
            f"a link to {os.readlink(path) if path.is_symlink() else '?'}, which does not exist; remove it",
            file=source,
        )
    if not real.is_relative_to(Path(root).resolve()):
        kind = "folder" if real.is_dir() else "file"
        return Problem(
            "outside-seeds",
            f"a link to the {kind} {real}, outside the seeds folder: tidynews reads only files inside it; copy the "
            "article into the folder if it belongs to the corpus, else remove the link",
            file=source,
        )
    return None


def read_or_problem(path: Path, root: Path) -> Article | list[Problem]:
    """The article in the file, or the problems that keep it out."""
    link = link_problem(path, root)
    if link is not None:
        return [link]
    try:
        return read_article(path, root)
    except BadArticleError as exc:
        return exc.problems
    except OSError as exc:
        return [Problem("unreadable", str(exc), file=path.relative_to(root).as_posix())]


def collect_articles(
    items: Iterable[Article | list[Problem]], where: str, skip_bad: bool = False, unit: str = "article file(s)"
) -> ReadResult:
    """Keep the articles of a stream of articles and problems: every problem reported together, the same text under
    two names kept once with a warning, two ids differing only in case kept with a warning, one id twice refused.

    Without skip_bad any problem fails the whole read; with it the bad items are skipped and listed.
    Texts are compared by their SHA-256, so the check holds no second copy of the corpus.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    warnings: list[str] = []
    by_text: dict[str, Article] = {}
    by_folded_id: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for article in items:
        if not isinstance(article, Article):
            problems.extend(article)
            continue
        text_key = article.text_sha256
        first = by_text.get(text_key)
        if first is not None:
            warnings.append(
                f"{article.source_file}: same text as {first.source_file}; kept once, as {first.article_id}"
            )
            continue
        twin = by_folded_id.get(article.article_id.casefold())
        if twin is not None:
            warnings.append(
                f"{article.source_file}: name differs from {twin.source_file} only in case; "
                "both kept, but tools on case-insensitive file systems will confuse them"
            )
        same_id = by_id.get(article.article_id)
        if same_id is not None:
            # "café.txt" written in two Unicode normal forms, or one id on two rows of a corpus
            problems.append(
                Problem(
                    "duplicate-id",
                    f"its id {article.article_id!r} is the same as that of {same_id.source_file}"
                    + ("" if article.source_row else " once Unicode-normalised (NFC)")
                    + ("; give each row its own id" if article.source_row else "; rename one of them"),
                    file=article.source_file.split("#")[0],
                    row=article.source_row,
                    column="id" if article.source_row else None,
                )
            )
            continue
        by_id[article.article_id] = article
        by_text[text_key] = article
        by_folded_id[article.article_id.casefold()] = article
        warnings.extend(article.warnings)
        articles.append(article)
    if problems and not skip_bad:
        raise BadArticleError(
            f"{len(problems)} {unit} in {where} cannot be read (fix or remove them, or build with --skip-bad)",
            problems,
        )
    return ReadResult(articles, problems, warnings)
