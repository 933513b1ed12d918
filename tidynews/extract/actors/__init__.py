"""Actors: people and organisations, one per real entity, with type, role and country.

The stages, one module each:
- `lexicon`: the curated tables and word lists (`data/actor_*.csv`) and the lookups built on them;
- `names`: where a name starts and ends, its spellings, its type, the title or role around it;
- `candidates`: the `finds` rules that propose spans naming actors in a block;
- `drops`: the `drops` rules that reject a candidate;
- `grouping`: within one article, the spellings of one entity grouped into one actor (the `merges` rules);
- `references`: later mentions of an actor the article has named (a name repeated, "the ministry", "the minister");
- `results`: teams and players of results lines, standings and scorecards;
- `article`: the stages run in order for one article, role, country and type set, mention rows written
  (`extract_actors`);
- `corpus`: across the corpus, one row per entity with a stable actor_id (`resolve_actors`).

Every mention row carries the id of the rule that found it; `tidynews explain FILE --table actors` lists every
candidate, the rule that proposed it and the rule that dropped or merged it.
"""

from tidynews.extract.actors.article import extract_actors
from tidynews.extract.actors.corpus import resolve_actors

__all__ = ["extract_actors", "resolve_actors"]
