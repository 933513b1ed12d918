"""Actors within one article: the spellings of one entity grouped into one actor, its later mentions found.

Owns `extract_actors`: candidates (`candidates.py`) are grouped, people by full name and partial names
("Gallant", "Mr Haddad" join "Yoav Gallant"), organisations by normal form, acronym and curated alias
(`merges` rules); later occurrences of a known name, "the ministry", "the city council" and "the defense minister"
become mentions of the one actor they refer to; each actor gets its role, country and type, and one row per
mention is written with the rule that found it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.actors.candidates import (
    find_candidates,
)
from tidynews.extract.actors.drops import (
    credit_char_ranges,
    drop_defined_non_actors,
    in_ranges,
    is_city_not_person,
)
from tidynews.extract.actors.lexicon import (
    ORG,
    ORG_HEADS,
    PERSON,
    KnownOrg,
    country_or_demonym_code,
    group_words,
    known_organisations,
)
from tidynews.extract.actors.names import (
    Candidate,
    actor_type,
    company_short_forms,
    initials,
    is_acronym,
    is_age,
    is_shouting,
    make_candidate,
    merged,
    name_tokens,
    org_parts,
    propose,
    reject,
    role_after,
    role_country,
    surname_variants,
    title_before,
)
from tidynews.extract.actors.results import TEAM_RULES, TeamEntity, competition_of
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.titles import is_honorific, is_title_word, title_kinds
from tidynews.nlp import ParsedArticle, ParsedBlock


def article_country(blocks: list[ParsedBlock]) -> str:
    """The country an article is about: the one its place and nationality names point to most often
    ("" when two tie or none is named).

    Example: "Floods hit Peru ... Peruvian rescuers ... in Chile" -> "PE"."""
    counts: dict[str, int] = defaultdict(int)
    for block in blocks:
        for ent in block.doc.ents:
            if ent.label_ in {"GPE", "NORP"}:
                code = country_or_demonym_code(ent.text)
                if code:
                    counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def set_the_countrys_ministry(cands: list[Candidate], blocks: list[ParsedBlock]) -> None:
    """ "the country's health ministry" belongs to the country the article is about.

    Example: "Protests spread across Peru. The country's health ministry said..." -> "PE"."""
    possessed = [
        c
        for c in cands
        if c.source == "lowercase"
        and not c.country_code
        and re.search(r"\b(?:country|nation)['’]s\s+$", c.block.text[: c.start - c.block.offset])
    ]
    if possessed:
        code = article_country(blocks)
        for c in possessed:
            c.country_code = code


BARE_MINISTRY = re.compile(r"\b[Tt]he (ministry)(?! of\b)(?![\w-])")


def attach_reference(
    block: ParsedBlock, start: int, end: int, host: Group, taken: list[tuple[int, int]], rule: str, trace: Trace
) -> None:
    """Make block.text[start:end] ("the ministry", "the city council") a mention of `host`, found by `rule`,
    unless that text already belongs to another mention."""
    s, e = block.offset + start, block.offset + end
    if any(s < te and ts < e for ts, te in taken):
        return
    span = block.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    cand = make_candidate(block, span.start, span.end, ORG, "role", rule=rule)
    if cand:
        host.members.append(propose(trace, cand))
        taken.append((cand.start, cand.end))


@register_rule("actors.ministry_reference")
def scan_ministry_references(
    blocks: list[ParsedBlock], orgs: list[Group], taken: list[tuple[int, int]], trace: Trace = NULL_TRACE
) -> None:
    """ "the ministry" is a mention of the one ministry the article names, in any case ("the interior
    ministry", "Interior Ministry", "Ministry of Health"); with two ministries named it stays nobody's.

    Example: The defence ministry said drills would go on. Later the ministry published photos."""
    hosts = [g for g in orgs if any("ministry" in n.lower().split() and n.lower() != "ministry" for n in g.names)]
    if len(hosts) != 1:
        return
    for block in blocks:
        for m in BARE_MINISTRY.finditer(block.text):
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken, "actors.ministry_reference", trace)


GENERIC_LOCAL_BODY = re.compile(
    r"\b[Tt]he ((?:city|county|district|borough|town|parish|municipal|state|regional|provincial)\s+"
    r"(?:council|government|assembly|authority|administration|legislature))(?![\w-])",
    re.IGNORECASE,
)


@register_rule("actors.local_body_reference")
def scan_local_body_references(
    blocks: list[ParsedBlock], orgs: list[Group], taken: list[tuple[int, int]], trace: Trace = NULL_TRACE
) -> None:
    """ "the city council" after "Leeds city council" (or "Leeds City Council") is a mention of it, when it is
    the only named body of that kind in the article.

    Example: Leeds city council met on Monday. Later the city council said it had no money."""
    for block in blocks:
        for m in GENERIC_LOCAL_BODY.finditer(block.text):
            phrase = " ".join(m.group(1).lower().split())
            hosts = [g for g in orgs if any(n.lower().endswith(" " + phrase) and len(n) > len(phrase) for n in g.names)]
            if len(hosts) != 1:
                continue
            attach_reference(block, m.start(1), m.end(1), hosts[0], taken, "actors.local_body_reference", trace)


@dataclass
class Group:
    kind: str
    members: list[Candidate] = field(default_factory=list)
    known: KnownOrg | None = None
    country_code: str = ""
    role: str = ""
    honorific: str = ""
    roles: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Names as written; role references ("the defense minister") are not names."""
        return [m.name for m in self.members if m.source != "role"]

    def full_name(self) -> str:
        """The fullest form: for people the longest name without honorifics, else honorific + surname."""
        if self.known:
            return self.known.name
        if self.kind == PERSON:
            best = max((name_tokens(n) for n in self.names), key=lambda t: (len(t), sum(map(len, t))))
            if len(best) == 1 and self.honorific:
                return f"{self.honorific} {best[0]}"
            return " ".join(best)
        return max(self.names, key=lambda n: (len(n.split()), len(n), n[0].isupper()))


@register_rule("actors.same_person", kind="merges")
def group_people(cands: list[Candidate]) -> list[Group]:
    """Group spellings of one person: full names first, then partial names join the full name they end
    (or, for names written family-name first like "Li Wenhao", begin) with. When the article calls that person by
    the first name alone, a bare surname is someone else of the family (`bare_surname_of_another`).

    Example: Maria Ortega won the vote. Ortega thanked her supporters."""
    people = [c for c in cands if c.kind == PERSON]
    groups: list[Group] = []
    by_full: dict[str, Group] = {}
    for c in sorted(people, key=lambda c: -len(name_tokens(c.name))):
        toks = name_tokens(c.name)
        key = " ".join(toks).lower()
        c.merged_by = ""
        if key in by_full:
            by_full[key].members.append(c)
            c.merged_by = "actors.same_person"
            continue
        target = _find_person(groups, toks, c.start)
        if target is None:
            target = Group(PERSON)
            groups.append(target)
        else:
            c.merged_by = "actors.same_person"
        target.members.append(c)
        by_full.setdefault(key, target)
    for group in list(groups):
        if (rest := bare_surname_of_another(group)) is None:
            continue
        surname = name_tokens(rest.members[0].name)
        others = [
            h for h in groups if h is not group and len(full := name_tokens(h.full_name())) > 1 and full[-1:] == surname
        ]
        if len(others) == 1:  # "Ana Ruiz", "Ana", "Luis Ruiz" and "Ruiz": the bare surname is Luis
            others[0].members = sorted(others[0].members + rest.members, key=lambda c: c.start)
            for c in rest.members:
                c.merged_by = "actors.same_person"
        else:
            groups.append(rest)
    return groups


def bare_surname_of_another(g: Group) -> Group | None:
    """Take the bare surnames out of a person the article also calls by the first name alone, and return them as
    a person of their own: a writer names "Ana Ruiz" and then "Ana" to keep her apart from another Ruiz of the
    story, who is the bare "Ruiz" ("Ruiz and his wife Ana Ruiz arrived; Ana waved")."""
    full = name_tokens(g.full_name())
    if len(full) < 2:
        return None
    first_only = [c for c in g.members if name_tokens(c.name) == full[:1]]
    surname_only = [c for c in g.members if name_tokens(c.name) == full[-1:]]
    if not first_only or not surname_only:
        return None
    g.members = [c for c in g.members if c not in surname_only]
    for c in surname_only:
        c.merged_by = ""
    return Group(PERSON, members=surname_only)


def _find_person(groups: list[Group], toks: list[str], at: int) -> Group | None:
    """The group a partial name belongs to: a suffix match first, then a prefix match; when several
    people share it, the one named last before `at`."""
    name = " ".join(toks).lower()
    for mode in ("suffix", "prefix"):
        hits = []
        for g in groups:
            full = name_tokens(g.full_name())
            if len(full) <= len(toks):
                continue
            forms = surname_variants(full) if mode == "suffix" else [" ".join(full[:k]) for k in range(1, len(full))]
            if any(f.lower() == name for f in forms):
                hits.append(g)
        if len(hits) == 1:
            return hits[0]
        if hits:
            before = [(max((m.start for m in g.members if m.start < at), default=-1), i) for i, g in enumerate(hits)]
            return hits[max(before)[1]]
    return None


@register_rule("actors.organisation_alias", kind="merges")
def same_curated_organisation() -> None:
    """Two names of one organisation in data/actor_organisations.csv are one actor.

    Example: The United Nations called for a ceasefire, and the UN sent food."""


@register_rule("actors.organisation_normal_form", kind="merges")
def same_normal_form() -> None:
    """Organisation names with one normal form are one actor: country prefix off, British and American spellings
    one, "Ministry of X" = "X Ministry", a company's legal form off ("Acme Holdings Plc" = "Acme").

    Example: The Ministry of Fisheries said quotas would fall. The Fisheries Ministry gave no figures."""


@register_rule("actors.organisation_acronym", kind="merges")
def same_acronym() -> None:
    """An acronym joins the organisation whose initials it is, or the one it is defined after in brackets.

    Example: The Kestrel Wildlife Service (KWS) said rangers were out. The KWS later added more patrols."""


def group_orgs(cands: list[Candidate], text: str) -> list[Group]:
    """Group spellings of one organisation: curated aliases, normal form, acronyms (one merges rule each)."""
    groups: list[Group] = []
    by_known: dict[str, Group] = {}
    by_norm: dict[tuple[str, str], Group] = {}
    for c in sorted((c for c in cands if c.kind == ORG), key=lambda c: (is_acronym(c.name), c.start)):
        if c.known is None and c.name in known_organisations():
            c.known = known_organisations()[c.name]
        c.merged_by = ""
        if c.known:
            g = by_known.get(c.known.name)
            if g is None:
                g = by_known[c.known.name] = Group(ORG, known=c.known, country_code=c.known.country_code)
                groups.append(g)
            else:
                c.merged_by = "actors.organisation_alias"
            g.members.append(c)
            continue
        code, norm = org_parts(c.name)
        code = code or c.country_code
        g = by_norm.get((code, norm))
        merged_by = "actors.organisation_normal_form"
        if g is None and is_acronym(c.name):
            merged_by = "actors.organisation_acronym"
            acr = c.name.replace(".", "").lower()
            hits = [x for x in groups if any(acr in initials(n) for n in x.names if not is_acronym(n))]
            hits += [x for x in groups if x.known and acr in initials(x.known.name)]
            defined = re.search(r"([A-Z][\w'’ -]+?) \(" + re.escape(c.name) + r"\)", text)
            if defined:
                hits += [x for x in groups if any(defined.group(1).endswith(n) for n in x.names)]
            g = hits[0] if hits else None
        if g is None:
            # "State Department" joins "US State Department" when one country has that body
            same = [x for (k, n), x in by_norm.items() if n == norm and (not code or not k)]
            g = same[0] if len({id(x) for x in same}) == 1 else None
            merged_by = "actors.organisation_normal_form"
        if g is None:
            g = Group(ORG)
            groups.append(g)
        else:
            c.merged_by = merged_by
        g.members.append(c)
        g.country_code = g.country_code or code
        by_norm.setdefault((code, norm), g)
    return groups


@register_rule("actors.generic_body_word", kind="merges")
def join_generic_orgs(groups: list[Group]) -> list[Group]:
    """A one-word generic body ("the Council", "the Ministry") is the one organisation of the article
    whose name ends with that word: "Council leader Mike Ross" after "Hull City Council".

    Example: Hull City Council voted on Monday. The Council said the vote was close."""
    out = []
    for g in groups:
        names = {n.lower() for n in g.names}
        if not g.known and all(" " not in n and n in ORG_HEADS for n in names):
            word = next(iter(names))
            hosts = [h for h in groups if h is not g and any(n.lower().endswith(" " + word) for n in h.names)]
            if len(hosts) == 1:
                for c in g.members:
                    c.merged_by = "actors.generic_body_word"
                hosts[0].members.extend(g.members)
                continue
        out.append(g)
    return out


def _scan_pattern(form: str) -> re.Pattern:
    return re.compile(r"(?<![\w\-‑])" + re.escape(form) + r"(?![\w\-‑])")


@register_rule("actors.known_name_repeated")
def scan_known_names(
    parsed: ParsedArticle,
    blocks: list[ParsedBlock],
    groups: list[Group],
    taken: list[tuple[int, int]],
    credits: dict[int, list],
    trace: Trace = NULL_TRACE,
) -> None:
    """Find every later occurrence of a name already known in the article, by string match at word
    boundaries, capitalised: spaCy misses surnames that are English words ("Gallant said").

    Example: Defence Minister Tomas Gallant visited the base. Gallant said the drills would go on."""
    forms: list[tuple[str, Group]] = []
    for g in groups:
        if g.kind == PERSON:
            full = name_tokens(g.full_name())
            variants = [" ".join(full), *surname_variants(full)]
        else:
            variants = [n for n in g.names if len(n) >= 2]
            # "Acme Holdings Plc" is written "Acme" later: "an Acme spokesman said"
            variants += [f for n in list(variants) for f in company_short_forms(n)]
            # "the Kenya Wildlife Service (KWS)": the acronym defined in brackets is a name too
            for n in list(variants):
                m = re.search(re.escape(n) + r" \(([A-Z][A-Za-z.]{1,7})\)", parsed.text)
                if m and is_acronym(m.group(1)):
                    variants.append(m.group(1))
        for v in dict.fromkeys(variants):
            if len(v) < 3 and not is_acronym(v) or not v[0].isupper() and not re.match(r"(?:al|el)-", v):
                continue
            if country_or_demonym_code(v) or v.lower() in group_words() or is_title_word(v):
                continue
            forms.append((v, g))
    # people sharing a surname: the variant is ambiguous, skip it
    owners: dict[str, set[int]] = defaultdict(set)
    for v, g in forms:
        owners[v].add(id(g))
    forms.sort(key=lambda vg: -len(vg[0]))
    for block in blocks:
        text = block.text
        shouting = is_shouting(text)  # a headline in capitals writes "GALLANT" for Gallant
        for v, g in forms:
            written = v.upper() if shouting else v
            if len(owners[v]) > 1 or written not in text:
                continue
            for m in _scan_pattern(written).finditer(text):
                s, e = block.offset + m.start(), block.offset + m.end()
                if any(s < te and ts < e for ts, te in taken) or in_ranges(m.start(), m.end(), credits[id(block)]):
                    continue
                span = block.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or not shouting and not _name_boundaries_ok(block.doc, span, g.kind):
                    continue
                if shouting and any(t.ent_type_ in {"DATE", "TIME"} for t in span):
                    continue
                cand = make_candidate(
                    block, span.start, span.end, g.kind, "scan", g.known, "actors.known_name_repeated"
                )
                if cand is None:
                    continue
                cand.name = v
                g.members.append(propose(trace, cand))
                taken.append((cand.start, cand.end))


def _name_boundaries_ok(doc: Doc, span: Span, kind: str) -> bool:
    """A surname found by string match is not part of another capitalised name ("Hillary Clinton" when
    the known person is "Bill Clinton", "Gallant Street")."""
    if kind != PERSON:
        return True
    if any(t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"AUX", "VERB", "DET", "ADP", "PRON", "ADV"} for t in span):
        return False  # "in May", "Will the ..." are no mentions of Theresa May or John Will
    if span.start > 0:
        prev = doc[span.start - 1]
        if (
            prev.is_title
            and not prev.is_sent_start
            and not is_title_word(prev.text)
            and prev.ent_type_ not in {"GPE", "NORP", "ORG"}
            and not country_or_demonym_code(prev.text)
        ):
            return False
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and nxt.pos_ == "PROPN" and not is_title_word(nxt.text) and nxt.ent_type_ not in {"DATE"}:
            return False
    return True


def role_phrases(groups: list[Group]) -> dict[str, Group]:
    """Lower-case role phrases that name one person of the article: "defense minister" for
    "Defense Minister Yoav Gallant", "u.s. president" and "president" (when no one else is one)."""
    seen: dict[str, set[int]] = defaultdict(set)
    owner: dict[str, Group] = {}
    for g in groups:
        if g.kind != PERSON:
            continue
        for role in g.roles:
            words = role.lower().split()
            forms = {" ".join(words)}
            # without the leading country word: "us secretary of state" -> "secretary of state"
            k = 0
            while k < len(words) - 1 and (country_or_demonym_code(words[k]) or words[k] in {"former", "the"}):
                k += 1
                forms.add(" ".join(words[k:]))
            heads = [w for w in words if "head" in title_kinds(w)]
            if heads:
                forms.add(heads[-1])
            for f in forms:
                if any(title_kinds(w) & {"head", "rank"} for w in f.split()):
                    seen[f].add(id(g))
                    owner[f] = g
    return {f: owner[f] for f, gs in seen.items() if len(gs) == 1}


@register_rule("actors.role_reference")
def scan_role_references(
    blocks: list[ParsedBlock], groups: list[Group], taken: list[tuple[int, int]], trace: Trace = NULL_TRACE
) -> None:
    """ "The defense minister" after "Defense Minister Yoav Gallant" is a mention of Gallant, when that
    role names one person only in the article.

    Example: Foreign Minister John Smith arrived on Monday. The foreign minister said talks would resume."""
    phrases = role_phrases(groups)
    if not phrases:
        return
    pattern = re.compile(
        r"\b[Tt]he (" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")(?![\w-])",
        re.IGNORECASE,
    )
    for block in blocks:
        for m in pattern.finditer(block.text):
            s, e = block.offset + m.start(1), block.offset + m.end(1)
            if any(s < te and ts < e for ts, te in taken):
                continue
            span = block.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or span.end < len(block.doc) and block.doc[span.end].ent_type_ == "PERSON":
                continue  # a title before a name, not a reference
            g = phrases[m.group(1).lower()]
            cand = make_candidate(block, span.start, span.end, PERSON, "role", rule="actors.role_reference")
            if cand:
                g.members.append(propose(trace, cand))
                taken.append((cand.start, cand.end))


@register_rule("actors.person_named_elsewhere", kind="merges")
def promote_weak(
    cands: list[Candidate], people: list[Group], orgs: list[Group], trace: Trace = NULL_TRACE
) -> list[Candidate]:
    """A weak or organisation candidate whose text is a known person's name or surname is that person
    ("Okafor" tagged ORG, "Blinken" tagged GPE); a weak acronym that abbreviates a known organisation
    joins it ("MoD" tagged GPE). Other weak candidates are dropped (`actors.unconfirmed_name`).

    Example: Tomas Brandt won the race. Brandt Racing is his team, said Brandt."""
    person_forms: dict[str, Group] = {}
    for g in people:
        full = name_tokens(g.full_name())
        if len(full) > 1:
            for v in [" ".join(full), *surname_variants(full)]:
                person_forms.setdefault(v.lower(), g)
    out = []
    for c in cands:
        if c.kind in {ORG, "weak"} and c.known is None and c.name.lower() in person_forms:
            c.kind = PERSON
            person_forms[c.name.lower()].members.append(c)
            c.merged_by = "actors.person_named_elsewhere"
            continue
        if c.kind == "weak":
            if is_acronym(c.name) and any(
                c.name.replace(".", "").lower() in initials(n) for g in orgs for n in g.names if not is_acronym(n)
            ):
                c.kind = ORG
                out.append(c)
            else:
                reject(trace, c, "actors.unconfirmed_name", "tagged neither person nor organisation and no known name")
            continue
        out.append(c)
    return out


@register_rule("actors.unconfirmed_name", kind="drops")
def unconfirmed_name() -> None:
    """A name spaCy tags neither person nor organisation is dropped unless it proves to be a known one.

    Example: Floods swept across Europe on Sunday."""


def person_from_apposition(cands: list[Candidate]) -> None:
    """A one-word 'organisation' followed by an age or a person's description is a person:
    "Smith, 45, a teacher," (spaCy often tags a lone surname ORG)."""
    for c in cands:
        if c.kind in {ORG, "weak"} and c.known is None and c.tok_end - c.tok_start == 1 and c.source == "spacy":
            doc = c.doc
            i = c.tok_end
            if i + 2 < len(doc) and doc[i].text == "," and is_age(doc[i + 1].text) and doc[i + 2].text == ",":
                c.kind = PERSON


def extract_actors(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find actor mentions and group the spellings of one entity within the article."""
    trace = result.trace
    blocks = parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION)
    credits = {id(b): credit_char_ranges(b) for b in blocks}
    cands = [c for block in blocks for c in find_candidates(block, credits[id(block)], trace)]
    cands = settle_kinds(cands, blocks, parsed, trace)
    people, orgs = group_candidates(cands, parsed.text, trace)
    groups = people + orgs
    taken = [(c.start, c.end) for g in groups for c in g.members]
    scan_known_names(parsed, blocks, groups, taken, credits, trace)
    scan_local_body_references(blocks, orgs, taken, trace)
    scan_ministry_references(blocks, orgs, taken, trace)
    describe_people(people, orgs)
    scan_role_references(blocks, people, taken, trace)
    if trace.enabled:
        trace_merges(groups, trace)
    emit(groups, result, blocks)


def settle_kinds(
    cands: list[Candidate], blocks: list[ParsedBlock], parsed: ParsedArticle, trace: Trace
) -> list[Candidate]:
    """Country of "the country's ministry", person or organisation from the words around a candidate, and the
    acronyms of agreements dropped."""
    set_the_countrys_ministry(cands, blocks)
    person_from_apposition(cands)
    people_named_like_organisations(cands)
    cands = drop_shouted_unknown_names(cands, parsed.text, trace)
    # names used as titles are no actors: drop treaty acronyms "(CSP)" defined after a dropped name
    return drop_defined_non_actors(cands, parsed, trace)


@register_rule("actors.shouted_unknown_name", kind="drops")
def drop_shouted_unknown_names(cands: list[Candidate], text: str, trace: Trace = NULL_TRACE) -> list[Candidate]:
    """In a line written in capitals spaCy takes headline words for names ("RAIN STOPS PLAY", "DEFEAT"): a
    name found there by spaCy is kept only when the article also writes it in lower case letters elsewhere
    ("Gallant" for "GALLANT"), or it is a curated organisation or a results line's team.

    Example (headline): STORM DELAYS HARVEST IN NORTH"""
    out = []
    for c in cands:
        if c.source == "spacy" and c.known is None and is_shouting(c.block.text):
            written = c.name.title()
            if not re.search(r"(?<![\w-])" + re.escape(written) + r"(?![\w-])", text):
                reject(
                    trace, c, drop_shouted_unknown_names, "written in capitals only, and nowhere else in the article"
                )
                continue
        out.append(c)
    return out


def group_candidates(cands: list[Candidate], text: str, trace: Trace) -> tuple[list[Group], list[Group]]:
    """People and organisations of the article, each a group of the candidates that spell it."""
    people = []
    for g in group_people([c for c in cands if c.kind == PERSON]):
        if is_city_not_person(g):
            for c in g.members:
                reject(trace, c, is_city_not_person, "a big city, never written with a first name or honorific")
        else:
            people.append(g)
    orgs = group_orgs([c for c in cands if c.kind == ORG], text)
    cands = promote_weak(cands, people, orgs, trace)
    orgs = join_number_forms(join_generic_orgs(group_orgs([c for c in cands if c.kind == ORG], text)))
    return people, orgs


def _singular(name: str) -> str:
    low = name.lower()
    return low[:-1] if low.endswith("s") and not low.endswith("ss") and len(low.split()[-1]) > 4 else low


@register_rule("actors.singular_and_plural_of_a_name", kind="merges")
def join_number_forms(groups: list[Group]) -> list[Group]:
    """An organisation named in the plural and in the singular is one: a team's nickname is plural as a noun and
    singular before another noun ("the Hornets", "a Hornet player"), in any case.

    Example: The Arden Hornets signed two players. Arden Hornet captain Piet Okoro said the club was ready."""
    out: list[Group] = []
    for g in groups:
        forms = {_singular(n) for n in g.names}
        host = next((h for h in out if not g.known and not h.known and forms & {_singular(n) for n in h.names}), None)
        if host is None:
            out.append(g)
            continue
        for c in g.members:
            c.merged_by = "actors.singular_and_plural_of_a_name"
        host.members = sorted(host.members + g.members, key=lambda c: c.start)
    return out


def describe_people(people: list[Group], orgs: list[Group]) -> None:
    """Role, honorific and country of each person, from the titles and appositions around their mentions."""
    person_tokens: dict[int, frozenset[int]] = defaultdict(frozenset)
    for g in people:
        for c in g.members:
            person_tokens[id(c.block)] |= frozenset(range(c.tok_start, c.tok_end))
    for g in people:
        set_person_details(g, person_tokens)
        g.country_code = g.country_code or country_from_role_orgs(g.role, orgs)


def trace_merges(groups: list[Group], trace: Trace) -> None:
    """Record, for each spelling folded into an actor, the merges rule that did it."""
    for g in groups:
        name = g.full_name() if g.names else ""
        for c in g.members:
            if c.merged_by:
                merged(trace, c, c.merged_by, name)


def people_named_like_organisations(cands: list[Candidate]) -> None:
    """A one-word 'person' written exactly as an organisation of the same article (or its short form) is that
    organisation: spaCy tags "Globex" PERSON in "after Globex said" when "Globex Inc." is named before."""
    org_names = {c.name for c in cands if c.kind == ORG}
    org_names |= {f for n in list(org_names) for f in company_short_forms(n)}
    for c in cands:
        if c.kind == PERSON and c.source == "spacy" and " " not in c.name and c.name in org_names:
            c.kind = ORG


def set_person_details(g: Group, person_tokens: dict[int, frozenset[int]] | None = None) -> None:
    """Role, honorific and country of a person from the words around each of their mentions."""
    for c in sorted(g.members, key=lambda c: c.start):
        if c.source == "role":
            continue
        role, honorific = title_before(c.doc, c.tok_start)
        if honorific and not g.honorific:
            g.honorific = honorific
        others = (person_tokens or {}).get(id(c.block), frozenset()) - set(range(c.tok_start, c.tok_end))
        after = role_after(c.doc, c.tok_end, frozenset(others))
        for r in (role, after):
            if r and r not in g.roles:
                g.roles.append(r)
    # the fullest title wins: "US special envoy to the region" over a headline's "US envoy"
    g.role = (
        max(
            g.roles,
            key=lambda r: (bool(title_kinds(r.split()[-1]) & {"head", "rank"}) or " of " in r or " to " in r, len(r)),
        )
        if g.roles
        else ""
    )
    for r in g.roles:
        code = role_country(r)
        if code:
            g.country_code = code
            break


def country_from_role_orgs(role: str, orgs: list[Group]) -> str:
    """Country of a person whose title names an organisation with a country:
    "IDF Chief of Staff" -> IL, "White House press secretary" -> US."""
    if not role:
        return ""
    for g in orgs:
        if g.known:
            # a state body or armed group gives its people a country; a company or broadcaster does not
            code = g.known.country_code if g.known.type in {"government", "armed_group"} else ""
        else:
            code = g.country_code if actor_type(g.full_name(), None, ORG) == "government" else ""
        if code and any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", role) for n in g.names):
            return code
    return ""


def _mention_span(c: Candidate, honorific: str) -> tuple[int, int]:
    """A person's mention includes an honorific written right before it: "Mr Haddad"."""
    if c.kind != PERSON or not honorific:
        return c.start, c.end
    doc = c.doc
    i = c.tok_start
    while i > 0 and is_honorific(doc[i - 1].text):
        i -= 1
    return c.block.offset + doc[i].idx, c.end


ARMED_CONTEXT = re.compile(
    r"\b(rebels?|militants?|jihadists?|militias?|insurgents?|guerrillas?|paramilitar(?:y|ies)|armed group|"
    r"terror(?:ist)? (?:group|organi[sz]ation))\b",
    re.IGNORECASE,
)


def armed_context(c: Candidate) -> bool:
    """An organisation described as a non-state armed group right before or after its name:
    "the jihadist group Nusra Front", "the Free Syrian Army, a rebel alliance,"."""
    doc = c.doc
    before = doc[max(0, c.tok_start - 6) : c.tok_start].text
    after = (
        doc[c.tok_end : min(len(doc), c.tok_end + 5)].text
        if c.tok_end < len(doc) and doc[c.tok_end].text == ","
        else ""
    )
    return bool(ARMED_CONTEXT.search(before) or ARMED_CONTEXT.search(after))


def emit(groups: list[Group], result: ArticleExtraction, blocks: list[ParsedBlock]) -> None:
    used_keys: set[str] = set()
    for g, competition in (part for group in groups for part in team_parts(group, blocks)):
        if not g.members:
            continue
        name = g.full_name()
        kind = g.kind
        key = slugify(name)
        if key in used_keys:
            key = f"{key}-{len(used_keys)}"
        used_keys.add(key)
        country = g.country_code or (g.known.country_code if g.known else "")
        etype = actor_type(name, g.known, kind)
        if (
            kind == ORG
            and not g.known
            and etype in {"organization", "government"}
            and any(map(armed_context, g.members))
        ):
            etype = "armed_group"
        if kind == ORG and not g.known and etype != "government":
            country = ""  # "Syrian American Medical Society" is not a Syrian body: only state bodies take the prefix
        if competition is None:
            ent = Entity(key=key, name=name, type=etype, role=g.role, country_code=country)
        else:
            ent = TeamEntity(key, name, etype, g.role, country, competition=competition)
        for c in g.members:
            start, end = _mention_span(c, g.honorific)
            text = result_text(c, start, end)
            if c.source != "role":
                ent.aliases.add(c.name)
                if text != c.name and "[" not in text:
                    ent.aliases.add(text)
            result.actor_mentions.append(Mention(key, text, start, end, c.block.zone, rule=c.rule))
        ent.aliases.discard(name)
        result.actors.append(ent)


def team_parts(g: Group, blocks: list[ParsedBlock]) -> list[tuple[Group, str | None]]:
    """A team the article names only in results lines (and their repetitions), one part per competition it is
    listed in: "Arden" of the first division table and "Arden" of the women's table are two teams. Any other
    actor is one part without a competition (None)."""
    rules = {c.rule for c in g.members}
    if g.kind != ORG or g.known or not rules & TEAM_RULES or rules - TEAM_RULES - {"actors.known_name_repeated"}:
        return [(g, None)]
    parts: dict[str, list[Candidate]] = {}
    for c in g.members:
        if c.rule in TEAM_RULES:
            parts.setdefault(competition_of(blocks, c.block), []).append(c)
    first = next(iter(parts))
    for c in g.members:
        if c.rule not in TEAM_RULES:  # a repetition joins the part of its own line's competition, else the first
            parts.get(competition_of(blocks, c.block), parts[first]).append(c)
    return [(replace(g, members=sorted(members, key=lambda c: c.start)), comp) for comp, members in parts.items()]


def result_text(c: Candidate, start: int, end: int) -> str:
    off = c.block.offset
    return c.block.text[start - off : end - off]
