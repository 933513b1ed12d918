"""The rule registry and the trace: every row names the rule that made it, and `tidynews explain` shows the rest.

A rule is one named, registered function (`@register_rule`) or one pattern with an id loaded from a data file
(`register_pattern_rule`). Its id is `<table>.<name>` (`statements.reported_that_clause`, `figures.temperature`,
`places.dateline`, `actors.titled_person`), the value of the `rule` column of the rows it makes. Its docstring says
what it finds (first line) and gives one example sentence on a line `Example: ...` (`Example (headline): ...` for a
rule that reads headlines); `tests/test_rules.py` puts every rule's example in a small article (after the headline
"Report", or as the headline) and checks that a row or a trace event with that rule id comes out, so no rule is dead
and every rule is documented. RULES.md is generated from here.

Kinds: `finds` rules propose rows; `drops` rules reject a candidate (the model: figures.py's named rejection
predicates); `merges` rules fold one candidate into another (an alias into its actor, a split quote into one).

The trace records, for one article, every candidate the rules considered: its text and span, the rule that
proposed it, and the rule that dropped or merged it, with why. A build runs with `NULL_TRACE` (no cost);
`tidynews explain` passes a `Trace`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TypeVar

TABLES = ("statements", "figures", "actors", "places")
KINDS = ("finds", "drops", "merges")
RULE_ID = re.compile(r"^(statements|figures|actors|places)\.[a-z][a-z0-9_]*$")
_EXAMPLE = re.compile(r"^\s*Example(?: \((headline|body)\))?:\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    description: str
    example: str
    source: str  # where the rule is defined: "module.function" or "data file:line"
    example_zone: str = "body"  # where the example goes in the test article: the headline or the first paragraph

    @property
    def table(self) -> str:
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}

F = TypeVar("F", bound=Callable)


def _add(rule: Rule) -> None:
    if not RULE_ID.match(rule.id):
        raise ValueError(f"rule id {rule.id!r} is not '<table>.<snake_case_name>' with table one of {TABLES}")
    if rule.kind not in KINDS:
        raise ValueError(f"rule {rule.id}: kind {rule.kind!r} is not one of {KINDS}")
    if not rule.example:
        raise ValueError(f"rule {rule.id}: no example sentence ('Example: ...' in its docstring)")
    old = RULES.get(rule.id)
    if old is not None and old.source != rule.source:
        raise ValueError(f"rule id {rule.id} registered twice: {old.source} and {rule.source}")
    RULES[rule.id] = rule


def first_paragraph(doc: str) -> str:
    """What a rule finds: its docstring's first paragraph on one line (a sentence often wraps), without Example."""
    paragraph = doc.strip().split("\n\n", 1)[0]
    lines = [line.strip() for line in paragraph.splitlines() if not _EXAMPLE.match(line)]
    return " ".join(line for line in lines if line)


def register_rule(rule_id: str, kind: str = "finds") -> Callable[[F], F]:
    """Register a function as the rule `rule_id`; its docstring gives the description and `Example:` line."""

    def decorate(func: F) -> F:
        doc = func.__doc__ or ""
        example = _EXAMPLE.search(doc)
        description = first_paragraph(doc)
        _add(
            Rule(
                rule_id,
                kind,
                description,
                example.group(2) if example else "",
                f"{func.__module__}.{func.__qualname__}",
                (example.group(1) if example else None) or "body",
            )
        )
        func.rule_id = rule_id  # type: ignore[attr-defined]
        return func

    return decorate


def register_pattern_rule(
    rule_id: str, description: str, example: str, source: str, kind: str = "finds", example_zone: str = "body"
) -> None:
    """Register a Matcher/PhraseMatcher/DependencyMatcher pattern (its id is the match id) as a rule."""
    _add(Rule(rule_id, kind, description, example, source, example_zone))


def rules_for(table: str) -> list[Rule]:
    return sorted((r for r in RULES.values() if r.table == table), key=lambda r: r.id)


# --- trace -------------------------------------------------------------------------------------------


@dataclass
class TraceEvent:
    table: str
    text: str
    start: int
    end: int
    proposed_by: str
    outcome: str = "kept"  # kept | dropped | merged
    decided_by: str = ""
    reason: str = ""
    into: str = ""  # for merges: what it was merged into

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Trace:
    """Every candidate of one article, in the order the rules saw them."""

    events: list[TraceEvent] = field(default_factory=list)
    enabled: bool = True

    def propose(self, table: str, text: str, start: int, end: int, rule: str) -> TraceEvent:
        event = TraceEvent(table, text, start, end, rule)
        self.events.append(event)
        return event

    def drop(self, table: str, text: str, start: int, end: int, rule: str, reason: str, proposed_by: str = "") -> None:
        """A candidate rejected by `rule` (a `drops` rule), with why."""
        self.events.append(TraceEvent(table, text, start, end, proposed_by, "dropped", rule, reason))

    def merge(
        self, table: str, text: str, start: int, end: int, rule: str, into: str, reason: str = "", proposed_by: str = ""
    ) -> None:
        self.events.append(TraceEvent(table, text, start, end, proposed_by, "merged", rule, reason, into))


class _NullTrace(Trace):
    """The trace of a build: records nothing."""

    def __init__(self) -> None:
        super().__init__(events=[], enabled=False)

    def propose(self, table: str, text: str, start: int, end: int, rule: str) -> TraceEvent:  # noqa: ARG002
        return _DISCARDED

    def drop(self, *args, **kwargs) -> None:  # noqa: ARG002
        return None

    def merge(self, *args, **kwargs) -> None:  # noqa: ARG002
        return None


_DISCARDED = TraceEvent("", "", 0, 0, "")
NULL_TRACE: Trace = _NullTrace()
