"""Read articles: decode, normalise, and split each into zones (headline, standfirst, body, caption).

An article is a plain-text file: the first non-empty line is the headline, then paragraphs
separated by blank lines. Everything downstream indexes into `Article.text`, which is the file
decoded (UTF-8, BOM removed; Windows-1252 only when UTF-8 fails and the bytes are plainly text),
with line endings normalised to "\\n". No other change is made, so offsets stay honest.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidynews.errors import BadArticleError, Problem

MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few kB; 5 MB is a book, or a mistake.

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

    def zone_at(self, offset: int) -> str | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.zone
        return None


# --- decoding -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_article(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of an article file, or raise BadArticleError.

    UTF-8 (with or without BOM) is accepted as is. Bytes that are not UTF-8 are decoded as
    Windows-1252 (a superset of Latin-1 for printable text) only if the result has no control
    characters, which is what a real Latin-1 news text looks like; anything else is refused.
    """
    def bad(rule: str, message: str) -> BadArticleError:
        return BadArticleError(f"cannot read {source}", [Problem(rule, message, file=source)])

    if b"\x00" in data[:8192]:
        raise bad("binary", "the file holds NUL bytes: it is binary, not a text article")
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8-sig", data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise bad(
                "encoding",
                f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}) "
                "and not Windows-1252 text either; re-save the file as UTF-8",
            ) from None
        if _CONTROL.search(text):
            raise bad("binary", "not UTF-8 and holds control characters: not a text article")
        encoding = "cp1252"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        raise bad("binary", "the text holds control characters: it looks binary, not an article")
    return text, encoding


# --- zoning ---------------------------------------------------------------------------------

# A photo credit at the end of a caption: "(Ariel Hermoni/Defense Ministry)", "(Photo: AP)".
_CREDIT_END = re.compile(
    r"\((?:[^()]*/[^()]*|(?:photo|image|picture|credit|file photo)[^()]*)\)\s*$", re.IGNORECASE
)
_CAPTION_START = re.compile(r"^(?:photo|image|picture|caption|file photo)\s*[:\-–]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# Page furniture and credit lines: not the story.
_FURNITURE = re.compile(
    r"^(?:most popular|most read|read more|related|advertisement|share this|"
    r"sign up|subscribe|follow us|recommended|you may also like|see also)\b.{0,40}$"
    r"|contributed to this report\.?$|^(?:reporting|writing|editing|additional reporting) by\b",
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


def split_zones(text: str) -> list[Block]:
    """Split the text into lines with a zone each; furniture and repeated captions are left out.

    The first non-empty line is the headline. A line right after it that does not end a sentence
    ("Minister calls for 'a new reality': 'We will not tolerate...'") is the standfirst.
    """
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
    """The article id: the path relative to the seeds folder, '/'-separated, without '.txt'."""
    rel = relative.as_posix()
    return unicodedata.normalize("NFC", rel[:-4] if rel.lower().endswith(".txt") else rel)


def read_article(path: Path, root: Path) -> Article:
    """Read one article file; raise BadArticleError naming the file when it cannot be used."""
    rel = path.relative_to(root)
    source = rel.as_posix()
    data = path.read_bytes()
    if len(data) > MAX_ARTICLE_BYTES:
        raise BadArticleError(
            f"cannot read {source}",
            [Problem("too-large", f"{len(data):,} bytes is more than the {MAX_ARTICLE_BYTES:,} "
                     "a single article may have; split it into articles", file=source)],
        )
    text, encoding = decode_article(data, source)
    if not text.strip():
        raise BadArticleError(
            f"cannot read {source}",
            [Problem("empty", "the file is empty or holds only white space", file=source)],
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


def find_article_files(seeds_dir: Path) -> list[Path]:
    """Every .txt file under seeds_dir, in a stable order (sorted by relative path)."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise BadArticleError(
            f"no seeds folder at {seeds_dir}",
            [Problem("no-seeds", "the folder does not exist; give --seeds DIR", file=str(seeds_dir))],
        )
    files = sorted(
        (p for p in seeds_dir.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"),
        key=lambda p: p.relative_to(seeds_dir).as_posix(),
    )
    if not files:
        raise BadArticleError(
            f"no articles in {seeds_dir}",
            [Problem("no-seeds", "the folder holds no .txt files", file=str(seeds_dir))],
        )
    return files


@dataclass
class ReadResult:
    articles: list[Article]
    skipped: list[Problem]
    warnings: list[str]


def read_articles(seeds_dir: Path, skip_bad: bool = False) -> ReadResult:
    """Read every article in seeds_dir. Every bad file is reported in one go, not only the first.

    Without skip_bad a bad file fails the whole read; with it the bad files are skipped and listed.
    The same text under two names is kept once, with a warning.
    """
    seeds_dir = Path(seeds_dir)
    articles: list[Article] = []
    problems: list[Problem] = []
    warnings: list[str] = []
    by_text: dict[str, Article] = {}
    by_folded_id: dict[str, Article] = {}
    for path in find_article_files(seeds_dir):
        try:
            article = read_article(path, seeds_dir)
        except BadArticleError as exc:
            problems.extend(exc.problems)
            continue
        except OSError as exc:
            problems.append(Problem("unreadable", str(exc), file=path.relative_to(seeds_dir).as_posix()))
            continue
        first = by_text.get(article.text)
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
        by_text[article.text] = article
        by_folded_id[article.article_id.casefold()] = article
        warnings.extend(article.warnings)
        articles.append(article)
    if problems and not skip_bad:
        raise BadArticleError(
            f"{len(problems)} article file(s) in {seeds_dir} cannot be read "
            "(fix or remove them, or build with --skip-bad)",
            problems,
        )
    return ReadResult(articles, problems, warnings)


def iter_body_blocks(article: Article, zones: tuple[str, ...] = (BODY,)) -> Iterator[Block]:
    return (b for b in article.blocks if b.zone in zones)
