"""Actors across the corpus: one row per real entity, with a stable `actor_id` (`resolve_actors`).

People merge by full name; a person known only by a surname joins the one full name in the corpus with that
surname. Organisations merge by curated name, by normal form and country, or, without a country, by their name.
The actor_id is the slug of the canonical (fullest) name, with the country code (or a number) appended only when
two different entities would get the same slug.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tidynews.extract.actors.franchises import (
    franchise_by_full_name,
    franchise_by_nickname,
    franchise_by_place,
    sport_of_league,
    sports,
)
from tidynews.extract.actors.grouping import person_key
from tidynews.extract.actors.lexicon import (
    GOVERNMENT_HEADS,
    STATE_BODIES,
    known_organisations,
)
from tidynews.extract.actors.names import (
    TABLE,
    company_core,
    initials_match,
    is_acronym,
    is_initial,
    name_tokens,
    org_parts,
    surname_variants,
)
from tidynews.extract.actors.results import TeamEntity
from tidynews.extract.actors.sports_places import is_team_place
from tidynews.extract.common import ArticleExtraction, Entity, slugify
from tidynews.extract.rules import Trace, register_rule
from tidynews.extract.titles import is_honorific

# how many times more articles name one person in full than all others of the surname, for the surname alone to be
# that person's
DOMINANT = 4


def resolve_actors(extractions: list[ArticleExtraction]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Merge per-article entities into corpus actors; return rows and (article_id, key) -> actor_id.

    People with the same full name are one; a person known only by a surname (or "Mr Surname") joins
    the one full name in the corpus with that surname (Biden -> Joe Biden). Organisations with the same
    normal form are one (a country-less form joins the country form when only one country has it).
    The id is the slug of the canonical name; only if two different entities share it, the country code
    (or a number) is appended.
    """
    items = [(ex.article_id, ent) for ex in extractions for ent in ex.actors]
    items = one_type_per_name(teams_tagged_as_people(people_tagged_as_organisations(items)))
    clusters = CorpusClusters(given_names=given_names(items))
    teams = {key: team for ex in extractions for key, team in franchises_of_article(ex.actors).items()}
    # full-name people and organisations first, surname-only people after; teams read under a competition
    # heading before teams read without one
    # shorter full names before longer ones: "Unseeded Ana Ruiz" finds "Ana Ruiz"
    for aid, ent in sorted(items, key=lambda it: (_known_only_in_part(it[1]), _person_words(it[1]))):
        if team := teams.get(id(ent)):
            idx = clusters.franchise_cluster(team)
        elif ent.type == "person":
            idx = clusters.person_cluster(ent, aid)
        else:
            idx = clusters.organisation_cluster(ent)
        clusters.members[idx].append((aid, ent))
    clusters.join_teams_named_in_prose()
    clusters.join_clubs_named_without_town_or_prefix()
    return actor_rows(clusters.members, {i: name for name, i in clusters.franchises.items()})


@register_rule("actors.same_franchise_across_articles", kind="merges")
def franchises_of_article(actors: list[Entity]) -> dict[int, str]:
    """The franchise (data/sports_teams.csv) each organisation of one article names, keyed by id() of the entity:
    its full name in any article; its place in a results table, with the sport of the headline and the league of
    the heading above (`franchise_by_place`); its nickname (also one spaCy took for a person), or its place in
    prose, when the article names a franchise of that sport in full or lists teams under that sport's headline.
    One franchise is one actor across articles however it is written.

    Example: The Chicago White Sox beat the Toronto Blue Jays 5-3, and the White Sox lead the division."""
    found: dict[int, str] = {}
    context: set[str] = set()
    rest = []
    for ent in actors:
        if ent.type == "person" and not franchise_by_full_name(ent.name):  # "the Chicago Cubs" tagged PERSON
            if ent.name.endswith("s") and " " not in ent.name:
                rest.append(ent)  # a plural nickname spaCy took for a person ("the Brewers rallied")
            continue
        if team := franchise_by_full_name(ent.name):
            found[id(ent)] = team.value
            context.add(team.sport)
        elif isinstance(ent, TeamEntity):
            sport, _, league = ent.competition.partition("|")
            sport = sport if sport in sports() else sport_of_league(league)
            if sport and (team := franchise_by_place(ent.name, sport, league)):
                found[id(ent)] = team.value
                context.add(sport)
        else:
            rest.append(ent)
    for ent in rest:
        hits = {
            t.value
            for sport in context
            if (
                t := franchise_by_nickname(ent.name, sport)
                or ent.type != "person"
                and franchise_by_place(ent.name, sport)
            )
        }
        if len(hits) == 1:
            found[id(ent)] = hits.pop()
    return found


def trace_franchises(result: ArticleExtraction, trace: Trace) -> None:
    """Record, for `tidynews explain`, each mention of a franchise that `franchises_of_article` reads in this
    article: across articles it joins that franchise's actor."""
    teams = franchises_of_article(result.actors)
    names = {e.key: teams[id(e)] for e in result.actors if id(e) in teams}
    rule = franchises_of_article.rule_id
    for m in result.actor_mentions:
        if m.key in names:
            trace.merge(TABLE, m.text, m.start, m.end, rule, names[m.key], "one franchise across articles", m.rule)


@dataclass
class CorpusClusters:
    """Entities of every article put in clusters, one per real entity, with the indexes that find a cluster."""

    members: list[list[tuple[str, Entity]]] = field(default_factory=list)
    person_full: dict[str, int] = field(default_factory=dict)  # full name, lower case -> cluster
    org_norm: dict[tuple[str, str], int] = field(default_factory=dict)  # (country, normal form) -> cluster
    org_name: dict[str, int] = field(default_factory=dict)  # slug of the company core -> first cluster
    teams: dict[tuple[str, str], int] = field(default_factory=dict)  # (competition, slug) -> cluster
    org_name_clusters: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    cluster_codes: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    franchises: dict[str, int] = field(default_factory=dict)  # a franchise's name -> its cluster
    given_names: frozenset[str] = frozenset()  # first words of two-word person names, lower case

    def join_teams_named_in_prose(self) -> None:
        """A club known in one story only from results lines is the organisation other stories name in prose the same
        way, when the corpus has one team and one organisation of that name and the results are of a sport the
        headline names, and no story naming the organisation has results of another sport only: a team's identity is
        tied to its competition only to keep two clubs of one town apart ("Castleford 326 and 109" in a cricket table,
        "Castleford captain Piet Okoro said" in another story)."""
        teams: dict[str, set[int]] = defaultdict(set)
        sports_of_team: dict[int, set[str]] = defaultdict(set)
        for (competition, _), i in self.teams.items():
            if sport := competition.partition("|")[0]:
                sports_of_team[i].add(sport)
        # the sports of each story's results tables: a story of one sport names no club of another
        story_sports: dict[str, set[str]] = defaultdict(set)
        for members in self.members:
            for aid, e in members:
                if isinstance(e, TeamEntity) and e.competition.partition("|")[0]:
                    story_sports[aid].add(e.competition.partition("|")[0])
        # only the results of a sport the headline names: motor racing and cycling teams carry a sponsor's name, and
        # the sponsor named in prose is the company
        for (competition, slug), i in self.teams.items():
            if not competition.startswith("|"):
                teams[slug].add(i)
        special = set(self.teams.values()) | set(self.franchises.values())
        prose: dict[str, set[int]] = defaultdict(set)
        for i, members in enumerate(self.members):
            if i not in special and members and all(e.type != "person" for _, e in members):
                for _, e in members:
                    prose[slugify(e.name)].add(i)
        for slug, found in teams.items():
            if len(found) == 1 and len(prose.get(slug, ())) == 1:
                team, other = found.pop(), prose[slug].pop()
                if any(
                    story_sports[aid] and not story_sports[aid] & sports_of_team[team] for aid, _ in self.members[other]
                ):
                    continue
                self.members[team] += self.members[other]
                self.members[other] = []

    def join_clubs_named_without_town_or_prefix(self) -> None:
        """A club named with its town or a club prefix in some stories and without it in others is one club, when
        one of the two is a team of a results table and each name has one cluster only: "Kestrel Rotterdam" and
        "Kestrel", "FC Kestrel" and "Kestrel" (but "Athletic" is neither "Athletic Leeds" nor "Athletic York")."""
        special = set(self.franchises.values())
        person_words = {
            w.lower() for members in self.members for _, e in members if e.type == "person" for w in e.name.split()
        }
        by_slug: dict[str, set[int]] = defaultdict(set)
        teams: set[int] = set()
        for i, members in enumerate(self.members):
            if i in special or not members or any(e.type == "person" for _, e in members):
                continue
            for _, e in members:
                by_slug[slugify(e.name)].add(i)
                if isinstance(e, TeamEntity):
                    teams.add(i)
        shorter: dict[int, set[int]] = defaultdict(set)  # short cluster -> long clusters
        for slug, found in by_slug.items():
            if len(found) != 1:
                continue
            long = next(iter(found))
            words = slug.split("-")
            for word, rest, at_end in ((words[0], words[1:], False), (words[-1], words[:-1], True)):
                if len(words) > 1 and (short := by_slug.get("-".join(rest))) and len(short) == 1:
                    i = next(iter(short))
                    if (
                        i != long
                        and (i in teams or long in teams)
                        and _club_word(word, self.members[long], at_end, person_words)
                        and not {aid for aid, _ in self.members[i]} & {aid for aid, _ in self.members[long]}
                    ):
                        shorter[i].add(long)
        for i, longs in sorted(shorter.items()):
            if len(longs) == 1 and self.members[i] and self.members[long := longs.pop()]:
                self.members[long] += self.members[i]
                self.members[i] = []

    def franchise_cluster(self, name: str) -> int:
        """The one cluster of a sports franchise (`franchises_of_article`), whatever form each article wrote."""
        if name not in self.franchises:
            self.franchises[name] = self.new_cluster()
        return self.franchises[name]

    def new_cluster(self) -> int:
        self.members.append([])
        return len(self.members) - 1

    def person_cluster(self, ent: Entity, article_id: str) -> int:
        """The cluster of a person: the same full name, else the one longer name ending with this one, other than
        a person of the same article (which the article kept apart from this one)."""
        toks = name_tokens(ent.name)
        key = person_key(toks)
        idx = self.person_full.get(key)
        if idx is None and len(toks) > 2 and toks[0].lower() not in self.given_names:
            # "Unseeded Ana Ruiz", "Spaniard Ana Ruiz": a word opening a sentence or describing the person, glued
            # before a full name of the corpus, and no one's given name
            idx = self.person_full.get(person_key(toks[1:]))
        if idx is None:
            hits = {
                i
                for full, i in self.person_full.items()
                if len(full.split()) > len(toks)
                and key in {v.lower() for v in surname_variants(full.split())}
                and all(aid != article_id for aid, _ in self.members[i])
            }
            if not hits and is_initial(toks[0]):  # "D. Marsh" of a scorecard is the one "Dan Marsh" of the corpus
                hits = {i for full, i in self.person_full.items() if initials_match(toks, full.split())}
            if len(hits) > 1 and len(toks) == 1:
                hits = self.dominant_person(hits)
            idx = hits.pop() if len(hits) == 1 else self.new_cluster()
        self.person_full.setdefault(key, idx)
        return idx

    def dominant_person(self, hits: set[int]) -> set[int]:
        """Of several people with one surname, the one named in full in at least `DOMINANT` times as many articles as
        all the others together (and in `DOMINANT` articles at least): a story that writes the surname alone, with no
        full name, means the person the news names most (a president named in full in dozens of stories, not the
        spouse named in two)."""
        articles = {i: len({aid for aid, e in self.members[i] if len(name_tokens(e.name)) > 1}) for i in hits}
        top = max(hits, key=lambda i: (articles[i], -i))
        rest = sum(articles.values()) - articles[top]
        return {top} if articles[top] >= DOMINANT * max(rest, 1) else hits

    def organisation_cluster(self, ent: Entity) -> int:
        """The cluster of an organisation: a curated name, the same normal form and country, or (without a
        country) the same name; else the one cluster of that normal form with or without a country. A team known
        only from results lines joins only the team of the same name in the same competition."""
        if isinstance(ent, TeamEntity):
            return self.team_cluster(ent)
        code, norm = org_parts(ent.name)
        code = code or ent.country_code
        known = ent.name in known_organisations()
        k = ("known:" + ent.name, "") if known else (code, norm)
        # without a country only the same name merges: "Defense Ministry" in one story and
        # "Ministry of Defence" in another may be two countries' ministries
        # "Globex" in one story and "Globex Inc." in another are one company
        name_key = slugify(company_core(ent.name))
        idx = self.org_norm.get(k) if (known or code) else self.org_name.get(name_key)
        if not (known or code) and len(self.org_name_clusters[name_key]) > 1:
            idx = None  # "foreign ministry" of Peru and of Chile: a country-less one is neither
        if idx is None and not known and norm not in STATE_BODIES and norm not in GOVERNMENT_HEADS:
            idx = self.one_cluster_of_normal_form(norm, code)
        if idx is None:
            idx = self.new_cluster()
        self.org_name.setdefault(name_key, idx)
        self.org_name_clusters[name_key].add(idx)
        if code:
            self.cluster_codes[idx].add(code)
        self.org_norm.setdefault(k, idx)
        return idx

    def team_cluster(self, ent: TeamEntity) -> int:
        """The cluster of the team of this name in this competition; a team read without a competition heading
        joins the one team of its name in its sport (any sport when none is named), if there is just one."""
        sport, _, section = ent.competition.partition("|")
        team = (ent.competition, slugify(ent.name))
        idx = self.teams.get(team)
        if idx is None and not section:
            same = {i for (comp, slug), i in self.teams.items() if slug == team[1] and comp.startswith(sport + "|")}
            if not sport:
                same = {i for (_, slug), i in self.teams.items() if slug == team[1]}
            idx = same.pop() if len(same) == 1 else None
        if idx is None:
            idx = self.new_cluster()
        self.teams.setdefault(team, idx)
        return idx

    def one_cluster_of_normal_form(self, norm: str, code: str) -> int | None:
        """The one cluster with this normal form and the other kind of country (one with, one without); "the Army"
        of one story is not the "Syrian army" of another (state bodies never come here)."""
        same = {i for (c, n), i in self.org_norm.items() if n == norm and c and not code}
        same |= {i for (c, n), i in self.org_norm.items() if n == norm and not c and code}
        # a country-less cluster that already took another country's body is not this one's
        same = {i for i in same if not code or self.cluster_codes[i] <= {code}}
        return same.pop() if len(same) == 1 else None


def actor_rows(
    clusters: list[list[tuple[str, Entity]]], names: dict[int, str] | None = None
) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """One row per cluster, sorted by slug, with a unique actor_id; and (article_id, key) -> actor_id. `names` gives
    the name of a cluster that has one of its own (a franchise's)."""
    built = []
    for i, members in enumerate(clusters):
        if not members:
            continue
        ents = [e for _, e in members]
        name = (names or {}).get(i) or _canonical_name(ents)
        types = [e.type for e in ents]
        kind = next((t for t in types if t not in {"organization", "other"}), types[0])
        if i in (names or {}):
            kind = "organization"  # a franchise, also where spaCy took its nickname for a person
        role = next((e.role for e in ents if e.role), "")
        country = next((e.country_code for e in ents if e.country_code), "")
        aliases = set().union(*(e.aliases | {e.name} for e in ents)) - {name}
        built.append((name, kind, role, country, aliases, members))
    built.sort(key=lambda b: (slugify(b[0]), b[3], b[0]))
    rows: list[dict] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for name, kind, role, country, aliases, members in built:
        actor_id = unique_actor_id(name, country, used)
        used.add(actor_id)
        rows.append(
            {
                "actor_id": actor_id,
                "name": name,
                "type": kind,
                "role": role,
                "country_code": country,
                "aliases": " | ".join(sorted(aliases)),
            }
        )
        for aid, ent in members:
            mapping[(aid, ent.key)] = actor_id
    return rows, mapping


def unique_actor_id(name: str, country: str, used: set[str]) -> str:
    """The slug of the name; with the country code, then a number, appended when the slug is taken."""
    actor_id = slugify(name)
    if actor_id in used:
        actor_id = f"{actor_id}-{country.lower()}" if country else actor_id
        n = 2
        while actor_id in used:
            actor_id = f"{slugify(name)}-{n}"
            n += 1
    return actor_id


def people_tagged_as_organisations(items: list[tuple[str, Entity]]) -> list[tuple[str, Entity]]:
    """A one-word 'organisation' that is the surname of exactly one person named in full elsewhere in
    the corpus is that person: spaCy tags a lone "Biden" or "Macron" ORG when no full name is near (and a headline's
    "MACRON")."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for _, ent in items:
        toks = name_tokens(ent.name)
        if ent.type == "person" and len(toks) > 1:
            surnames[toks[-1]].add(" ".join(toks))
    out = []
    for aid, ent in items:
        if (
            ent.type == "organization"
            and not isinstance(ent, TeamEntity)
            and " " not in ent.name
            and not is_acronym(ent.name)
            and ent.name not in known_organisations()
            and len(surnames.get(ent.name.title() if ent.name.isupper() else ent.name, ())) == 1
        ):
            ent = retyped(ent, "person")
        out.append((aid, ent))
    return out


def one_type_per_name(items: list[tuple[str, Entity]]) -> list[tuple[str, Entity]]:
    """A name of two or more words typed a person in some articles and an organisation in others is one entity: it
    takes the type most articles give it (on a tie, person when its last word is written alone as a person somewhere
    in the corpus, else none). spaCy tags "Tomas Ferreira" ORG in a list of names and a club "Kestrel Rotterdam"
    PERSON in a short fixture line; each article alone cannot tell. A results-table team stays a team unless one
    article only read the name as a team (a list of players taken for a table)."""
    votes: dict[str, set[tuple[str, bool]]] = defaultdict(set)  # name -> (article, typed person) pairs
    table_articles: dict[str, set[str]] = defaultdict(set)
    for aid, ent in items:
        if len(ent.name.split()) > 1 and ent.name not in known_organisations():
            votes[ent.name.lower()].add((aid, ent.type == "person"))
            if isinstance(ent, TeamEntity):
                table_articles[ent.name.lower()].add(aid)
    # surnames written alone and typed person somewhere: on a tie, the name ending in one is a person's
    lone_surnames = {ent.name.lower() for _, ent in items if ent.type == "person" and " " not in ent.name}
    kinds: dict[str, bool] = {}
    for name, seen in votes.items():
        tally = Counter(is_person for _, is_person in seen)
        if len(tally) == 2 and tally[True] != tally[False]:
            kinds[name] = tally[True] > tally[False]
        elif len(tally) == 2 and name.split()[-1] in lone_surnames:
            kinds[name] = True
    out = []
    for aid, ent in items:
        is_person = kinds.get(ent.name.lower(), ent.type == "person")
        misread_table = len(table_articles[ent.name.lower()]) == 1
        if is_person != (ent.type == "person") and (not isinstance(ent, TeamEntity) or is_person and misread_table):
            kind = "person" if is_person else "organization"
            ent = retyped(ent, kind)
        out.append((aid, ent))
    return out


def teams_tagged_as_people(items: list[tuple[str, Entity]]) -> list[tuple[str, Entity]]:
    """A one-word 'person' that is the name of a team of some results table of the corpus, and no one's first name
    or surname there, is that team: spaCy tags a county or club named alone in prose ("Nottinghamshire were bowled
    out") a person when no sports word is near."""
    teams = {slugify(ent.name) for _, ent in items if isinstance(ent, TeamEntity) and ent.type != "person"}
    person_words = {
        w.lower() for _, ent in items if ent.type == "person" and len(toks := name_tokens(ent.name)) > 1 for w in toks
    }
    out = []
    for aid, ent in items:
        if (
            ent.type == "person"
            and not isinstance(ent, TeamEntity)
            and len(name_tokens(ent.name)) == 1
            and " " not in ent.name
            and slugify(ent.name) in teams
            and ent.name.lower() not in person_words
        ):
            ent = retyped(ent, "organization")
        out.append((aid, ent))
    return out


def retyped(ent: Entity, kind: str) -> Entity:
    """A copy of an article's actor with another type: a plain Entity (a team read as a person is no team)."""
    return Entity(ent.key, ent.name, kind, ent.role, ent.country_code, set(ent.aliases))


def _club_word(slug_word: str, members: list[tuple[str, Entity]], at_end: bool, person_words: set[str]) -> bool:
    """A word a club's name may go without, as one of the cluster's names writes it: its town after the name
    ("Kestrel Rotterdam", `is_team_place`; not a word of a person's name: a town that is also a surname), or a short
    prefix written with two capitals before it ("FC", "AC", "SV")."""
    for _, e in members:
        for word in e.name.split():
            if slugify(word) != slug_word:
                continue
            if at_end and word.lower() not in person_words and is_team_place(word):
                return True
            if not at_end and len(word) <= 3 and sum(ch.isupper() for ch in word) >= 2:
                return True
    return False


def given_names(items: list[tuple[str, Entity]]) -> frozenset[str]:
    """The first words of the two-word person names of the corpus, lower case ("ana" of "Ana Ruiz")."""
    return frozenset(
        toks[0].lower() for _, ent in items if ent.type == "person" and len(toks := name_tokens(ent.name)) == 2
    )


def _person_words(ent: Entity) -> int:
    """The number of words of a full name (0 for anything else): the order full names are clustered in."""
    return len(name_tokens(ent.name)) if ent.type == "person" and not _known_only_in_part(ent) else 0


def _known_only_in_part(ent: Entity) -> bool:
    """A person known by one word only, or a team read without its competition's heading."""
    if isinstance(ent, TeamEntity):
        return ent.competition.endswith("|")
    toks = name_tokens(ent.name)
    return ent.type == "person" and (len(toks) < 2 or is_initial(toks[0]))


def _canonical_name(ents: list[Entity]) -> str:
    """The fullest form: a curated name, else the person name with most words, else the longest."""
    for e in ents:
        if e.name in known_organisations() and known_organisations()[e.name].name == e.name:
            return e.name
    if ents[0].type == "person":
        names = list(dict.fromkeys(e.name for e in ents))
        # not "Unseeded Ana Ruiz" when the cluster also has "Ana Ruiz"
        names = [n for n in names if len(name_tokens(n)) < 3 or " ".join(name_tokens(n)[1:]) not in names] or names
        return max(names, key=lambda n: (len(name_tokens(n)), not is_honorific(n.split()[0]), len(n)))
    return max((e.name for e in ents), key=lambda n: (len(n.split()), len(n)))
