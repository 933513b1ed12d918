"""Actors: people and organisations, one per real entity, with type and role.

Rules run per article (find mentions, group spellings of one entity), then `resolve_actors`
merges the per-article entities across the corpus into rows with stable ids.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Span

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.nlp import ParsedArticle, ParsedBlock

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization"}
_GOVERNMENT = re.compile(
    r"\b(ministry|department|army|forces|military|court|government|cabinet|parliament|"
    r"treasury|police|navy|air force|commission|white house|office|agency|council)\b",
    re.IGNORECASE,
)
_MEDIA = re.compile(r"\b(news|times|post|reuters|afp|associated press|bbc|cnn|tv|radio|press)\b", re.IGNORECASE)


def actor_type(name: str, label: str) -> str:
    """Type of an actor from its spaCy label and the words of its name.

    Example: "the Defense Ministry" (ORG) -> government; "Yoav Gallant" (PERSON) -> person.
    """
    if label == "PERSON":
        return "person"
    if _MEDIA.search(name):
        return "media"
    if _GOVERNMENT.search(name):
        return "government"
    return "organization"


def is_photo_credit(span: Span) -> bool:
    """A photo credit such as "(Ariel Hermoni/Defense Ministry)": a name joined by '/' to an agency."""
    return "/" in span.text or (span.start > 0 and span.doc[span.start - 1].text == "/")


def title_before(span: Span) -> str:
    """Title words written right before a person's name: "Defense Minister Yoav Gallant" -> "Defense Minister"."""
    doc = span.doc
    i = span.start
    words: list[str] = []
    while i > 0:
        tok = doc[i - 1]
        if tok.is_title or tok.is_upper or (tok.lower_ in {"of", "the"} and words):
            if tok.ent_type_ in {"PERSON"}:
                break
            words.insert(0, tok.text)
            i -= 1
            continue
        break
    while words and words[0].lower() in {"of", "the"}:
        words.pop(0)
    return " ".join(words)


def mention_spans(block: ParsedBlock) -> list[tuple[Span, str]]:
    """Named-entity spans that name actors in a block, with their spaCy label."""
    out = []
    for ent in block.doc.ents:
        if ent.label_ not in ACTOR_LABELS or is_photo_credit(ent):
            continue
        out.append((ent, ent.label_))
    return out


def extract_actors(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find actor mentions and group the spellings of one entity within the article."""
    entities: dict[str, Entity] = {}
    surname_key: dict[str, str] = {}
    pending: list[tuple[str, Mention]] = []
    for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION):
        for ent, label in mention_spans(block):
            start, end = block.span_offsets(ent)
            text = parsed.text[start:end]
            name = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip()
            kind = actor_type(name, label)
            if kind == "person":
                parts = name.split()
                if len(parts) > 1:
                    key = slugify(name)
                    surname_key.setdefault(parts[-1].lower(), key)
                else:
                    key = "?" + parts[0].lower()
            else:
                key = slugify(name)
            ent_obj = entities.setdefault(key, Entity(key=key, name=name, type=kind))
            ent_obj.aliases.add(name)
            role = title_before(ent) if kind == "person" else ""
            if role and not ent_obj.role:
                ent_obj.role = role
            pending.append((key, Mention(key, text, start, end, block.zone)))
    # a lone surname joins the full name it belongs to
    for key in [k for k in entities if k.startswith("?")]:
        full = surname_key.get(key[1:])
        single = entities.pop(key)
        if full:
            entities[full].aliases |= single.aliases
            if not entities[full].role:
                entities[full].role = single.role
        else:
            single.key = slugify(single.name)
            entities.setdefault(single.key, single).aliases |= single.aliases
    for key, mention in pending:
        if key.startswith("?"):
            key = surname_key.get(key[1:], slugify(key[1:]))
        mention.key = key
        result.actor_mentions.append(mention)
    result.actors.extend(entities.values())


def resolve_actors(extractions: list[ArticleExtraction]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Merge per-article entities into corpus actors; return rows and (article_id, key) -> actor_id.

    A person known only by a surname in one article joins the one full name with that surname
    elsewhere in the corpus (Biden -> Joe Biden). The id is the slug of the canonical name.
    """
    merged: dict[str, Entity] = {}
    for ex in extractions:
        for ent in ex.actors:
            cur = merged.setdefault(ent.key, Entity(ent.key, ent.name, ent.type))
            cur.aliases |= ent.aliases
            if len(ent.name) > len(cur.name):
                cur.name = ent.name
            cur.role = cur.role or ent.role
            cur.country_code = cur.country_code or ent.country_code
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, ent in merged.items():
        if ent.type == "person" and len(ent.name.split()) > 1:
            by_surname[ent.name.split()[-1].lower()].append(key)
    redirect: dict[str, str] = {}
    for key, ent in list(merged.items()):
        if ent.type == "person" and len(ent.name.split()) == 1:
            fulls = by_surname.get(ent.name.lower(), [])
            if len(fulls) == 1:
                redirect[key] = fulls[0]
                merged[fulls[0]].aliases |= ent.aliases
                del merged[key]
    rows = []
    for key in sorted(merged):
        ent = merged[key]
        rows.append(
            {
                "actor_id": key,
                "name": ent.name,
                "type": ent.type,
                "role": ent.role,
                "country_code": ent.country_code,
                "aliases": " | ".join(sorted(a for a in ent.aliases if a != ent.name)),
            }
        )
    mapping = {
        (ex.article_id, ent.key): redirect.get(ent.key, ent.key) for ex in extractions for ent in ex.actors
    }
    return rows, mapping
