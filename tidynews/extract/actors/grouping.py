"""Grouping within one article: the spellings of one entity made one actor (the `merges` rules).

People by full name and partial names ("Gallant", "Mr Haddad" join "Yoav Gallant"); organisations by curated alias,
normal form, acronym, a generic body word and the plural/singular of a name; weak candidates promoted when they
spell a known person or abbreviate a known organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from tidynews.extract.actors.drops import (
    is_city_not_person,
)
from tidynews.extract.actors.lexicon import (
    ORG,
    ORG_HEADS,
    PERSON,
    KnownOrg,
    country_or_demonym_code,
)
from tidynews.extract.actors.names import (
    Candidate,
    company_core,
    initials,
    initials_match,
    is_acronym,
    is_initial,
    known_organisation,
    name_tokens,
    org_parts,
    reject,
    surname_variants,
)
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule


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
        # each spelling once, in order of first use (the first of equal keys wins, as over all names): an actor of a
        # long article has thousands of mentions, and this is asked for every candidate grouped
        spellings = dict.fromkeys(self.names)
        if self.kind == PERSON:
            best = max((name_tokens(n) for n in spellings), key=lambda t: (len(t), sum(map(len, t))))
            if len(best) == 1 and self.honorific:
                return f"{self.honorific} {best[0]}"
            return " ".join(best)
        return max(spellings, key=lambda n: (len(n.split()), len(n), n[0].isupper()))


@register_rule("actors.same_person", kind="merges")
def group_people(cands: list[Candidate]) -> list[Group]:
    """Group spellings of one person: full names first, then partial names join the full name they end
    (or, for names written family-name first like "Li Wenhao", begin) with. When the article calls that person by
    the first name alone, a bare surname is someone else of the family (`bare_surname_of_another`). A name written
    with initials ("M. Ortega") joins the one full name whose given names they are.

    Example: Maria Ortega won the vote. Ortega thanked her supporters."""
    people = [c for c in cands if c.kind == PERSON]
    groups: list[Group] = []
    by_full: dict[str, Group] = {}
    # names with given names before names written with initials: "D. Marsh" joins "Dan Marsh"
    for c in sorted(people, key=lambda c: (-len(name_tokens(c.name)), is_initial(name_tokens(c.name)[0]))):
        toks = name_tokens(c.name)
        key = person_key(toks)
        c.merged_by = ""
        if key in by_full:
            by_full[key].members.append(c)
            written = " ".join(toks).lower()
            same = any(written == " ".join(name_tokens(m.name)).lower() for m in by_full[key].members[:-1])
            c.merged_by = "actors.same_person" if same else given_name_spelling.rule_id
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


@register_rule("actors.given_name_spelling", kind="merges")
def given_name_spelling(word: str) -> str:
    """A given name reduced to a key its other transliterations share: "ks" and "x", "c" and "k", "y" and "i", "ph"
    and "f" one, accents off, doubled letters single (Aleksander/Alexander, Marc/Mark, Andrei/Andrey; Ann and Anne
    stay two).
    A person written with either spelling and the same surname is one person, in an article and across articles.

    Example: Aleksander Novak spoke first. Alexander Novak later denied it."""
    key = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()
    for old, new in (("ks", "x"), ("ph", "f"), ("c", "k"), ("y", "i")):
        key = key.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", key)


def person_key(toks: list[str]) -> str:
    """The key one person's full names share: the given names by `given_name_spelling`, the surname as written."""
    if len(toks) < 2 or any(is_initial(t) for t in toks):
        return " ".join(toks).lower()
    return " ".join([*(given_name_spelling(t) for t in toks[:-1]), toks[-1].lower()])


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
    initialled = [g for g in groups if initials_match(toks, name_tokens(g.full_name()))]
    if len(initialled) == 1:
        return initialled[0]
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
    """Two names of one organisation in data/actor_organisations.csv are one actor, also when a name is written
    with another spelling of its words or without its apostrophe ("Organisation", "Workers Party").

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
        if c.known is None:
            c.known = known_organisation(c.name)
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
    return people, join_short_forms(orgs)


def _org_word_ok(word: str) -> bool:
    """A word that may stand for a whole organisation's name: not a generic body word or an acronym."""
    return len(word) > 2 and word[0].isupper() and word.lower() not in ORG_HEADS and not is_acronym(word)


def settle_kinds_by_spelling(cands: list[Candidate]) -> None:
    """spaCy types the spellings of one name apart; the article's other spellings decide. A bare word tagged
    PERSON that is the first or last word of exactly one organisation's name, and no person's surname, is that
    organisation ("Arden" after "Arden Rovers"); a two- or three-word name tagged ORG whose last word is a person
    the article names by surname alone is that person ("Lena Holt" tagged ORG beside "Holt said"). A name of
    several words tagged PERSON is an organisation when it has a company's legal form ("Globex SpA"), when the
    article writes it as an organisation with one ("Globex Cables Inc"), or when its first word alone is an
    organisation the article names twice or more ("Globex Cables" beside "Globex"), that word being no one's name,
    the name written once and after that word (a person is named in full first: "Wang Lei", then "Wang" tagged ORG).
    A word tagged ORG that is the first name of the one person of the article so named, written after the full
    name, is that person ("Megan" after "Megan Ortiz"). An acronym tagged PERSON is an organisation when it gives
    the initials of one ("KWS" beside "Kenya Wildlife Service")."""
    multi_orgs = {c.name for c in cands if c.kind == ORG and c.known is None and len(c.name.split()) > 1}
    person_words = {c.name for c in cands if c.kind == PERSON and " " not in c.name}
    surnames = {name_tokens(c.name)[-1] for c in cands if c.kind == PERSON and len(name_tokens(c.name)) > 1}
    person_counts = Counter(c.name for c in cands if c.kind == PERSON)
    org_counts = Counter(c.name for c in cands if c.kind == ORG and _org_word_ok(c.name))
    org_words = {w for w, n in org_counts.items() if n > 1} - person_words - surnames
    org_first = {c.name: c.start for c in sorted(cands, key=lambda c: -c.start) if c.name in org_words}
    org_cores = {company_core(c.name) for c in cands if c.kind == ORG and company_core(c.name) != c.name}
    first_names = _first_names_of_one_person(cands, surnames | org_words)
    for c in cands:
        if c.source != "spacy" or c.known is not None:
            continue
        words = c.name.split()
        if c.kind == PERSON and len(words) == 1 and _org_word_ok(c.name) and c.name not in surnames:
            hosts = {n for n in multi_orgs if c.name in (n.split()[0], n.split()[-1])}
            if len(hosts) == 1:
                c.kind = ORG
        elif c.kind == ORG and len(words) == 1 and c.name in first_names and c.start > first_names[c.name]:
            c.kind = PERSON
        elif c.kind == PERSON and c.name.isupper() and is_acronym(c.name):
            if any(c.name.replace(".", "").lower() in initials(n) for n in multi_orgs):
                c.kind = ORG
        elif (
            c.kind == PERSON
            and len(words) > 1
            and (
                company_core(c.name) != c.name
                or c.name in org_cores
                or words[0] in org_words
                and person_counts[c.name] == 1
                and c.start > org_first[words[0]]
            )
        ):
            c.kind = ORG
        elif (
            c.kind == ORG and 1 < len(words) <= 3 and words[-1] in person_words and c.name not in multi_orgs - {c.name}
        ):
            if not any(w.lower() in ORG_HEADS or is_acronym(w) for w in words) and all(w[0].isupper() for w in words):
                c.kind = PERSON


def _first_names_of_one_person(cands: list[Candidate], taken: set[str]) -> dict[str, int]:
    """Each first name that begins exactly one full name of a person in the article, and is no one's surname nor an
    organisation named twice, with where that full name is first written."""
    full: dict[str, dict[str, int]] = {}
    for c in cands:
        toks = name_tokens(c.name)
        if c.kind == PERSON and len(toks) > 1 and not is_initial(toks[0]):
            seen = full.setdefault(toks[0], {})
            seen[" ".join(toks)] = min(seen.get(" ".join(toks), c.start), c.start)
    return {
        first: next(iter(names.values()))
        for first, names in full.items()
        if len(names) == 1 and first not in taken and _org_word_ok(first) and not country_or_demonym_code(first)
    }


@register_rule("actors.short_form_of_a_name", kind="merges")
def join_short_forms(groups: list[Group]) -> list[Group]:
    """An organisation written as the first or last words of its name is that organisation when exactly one
    organisation of the article has those words there: "Arden Rovers" and "Rovers", "Globex Cables" and
    "Globex" (a company and its unit are one actor, as a club and its nickname are), "Valdora Red Stars" and
    "Red Stars" (several words: not a country's name).

    Example: Shares in Torvik Shipping fell. Torvik said its ships were idle."""
    out: list[Group] = []
    for g in groups:
        names = {company_core(n) for n in g.names}
        short = next(iter(names)) if len(names) == 1 else ""
        words = short.split()
        if g.known or not words or not all(_org_word_ok(w) for w in words[:1] + words[-1:]):
            out.append(g)
            continue
        if len(words) > 1 and (country_or_demonym_code(short) or not all(w[0].isupper() for w in words)):
            out.append(g)
            continue
        k = len(words)
        hosts = [
            h
            for h in groups
            if h is not g
            and any(len(n.split()) > k and words in (n.split()[:k], n.split()[-k:]) for n in map(company_core, h.names))
        ]
        if len(hosts) != 1:
            out.append(g)
            continue
        for c in g.members:
            c.merged_by = "actors.short_form_of_a_name"
        hosts[0].members = sorted(hosts[0].members + g.members, key=lambda c: c.start)
    return out


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
