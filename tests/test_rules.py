"""The rule registry: every registered rule's own example fires, every row names a registered rule, RULES.md is
current, and the extraction steps are ordered by what they require and assign."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import tidynews.extract  # noqa: F401 -- registers every rule
from tidynews.articles import read_article
from tidynews.extract import STEPS, Step, StepOrderError, extract_article, step_order
from tidynews.extract.rules import RULES, Trace
from tidynews.paths import REPO_ROOT, table_path

SPAN_TABLES = ("statements", "figures", "actor_mentions", "place_mentions")
RULES_MD = REPO_ROOT / "RULES.md"


@pytest.fixture(scope="module")
def nlp():
    from tidynews.nlp import load_nlp

    return load_nlp()


def example_article(rule, folder: Path) -> Path:
    """The rule's example as the first paragraph after the headline "Report", or as the headline itself."""
    text = f"{rule.example}\n" if rule.example_zone == "headline" else f"Report\n\n{rule.example}\n"
    path = folder / "example.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_fires_on_its_own_example(rule_id, nlp, tmp_path):
    from tidynews.nlp import parse_articles

    rule = RULES[rule_id]
    path = example_article(rule, tmp_path)
    parsed = next(parse_articles([read_article(path, tmp_path)], nlp))
    trace = Trace()
    result = extract_article(parsed, trace=trace)
    rows = [*result.statements, *result.figures, *result.actor_mentions, *result.place_mentions]
    made_rows = [r for r in rows if r.rule == rule_id]
    events = [e for e in trace.events if rule_id in (e.proposed_by, e.decided_by)]
    assert made_rows or events, (
        f"{rule.source}: its example {rule.example!r} ({rule.example_zone}) gives no row and no trace event "
        f"with rule {rule_id!r}"
    )


def test_every_rule_is_documented():
    for rule in RULES.values():
        assert rule.description and not rule.description.startswith("Example"), rule.source
        assert rule.example.strip(), rule.source


def test_every_row_of_the_seed_build_names_a_registered_rule(seed_package):
    empty, unknown = [], []
    for table in SPAN_TABLES:
        with open(table_path(seed_package, table), encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                if not row["rule"]:
                    empty.append(f"{table}.csv line {line}")
                elif row["rule"] not in RULES:
                    unknown.append(f"{table}.csv line {line}: {row['rule']}")
    assert not empty and not unknown, f"empty rule: {empty[:5]} ({len(empty)}); unregistered: {unknown[:5]}"


def test_rules_md_is_generated_from_the_registry():
    from tidynews.codebook import rules_markdown

    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), (
        "RULES.md is out of date: regenerate it with `python scripts/write_rules.py`"
    )


def test_rules_md_lists_a_rule_with_its_example(monkeypatch):
    from tidynews.codebook import rules_markdown
    from tidynews.extract.rules import Rule

    rule = Rule("figures.test_only", "finds", "A made-up rule of this test.", "Ten | people came.", "tests.x")
    monkeypatch.setitem(RULES, rule.id, rule)
    text = rules_markdown()
    assert "| `figures.test_only` | finds | A made-up rule of this test. | Ten \\| people came. |" in text
    assert text.index("## figures") < text.index("`figures.test_only`") < text.index("## places")


# --- steps -----------------------------------------------------------------------------------------


def noop(parsed, result) -> None:
    return None


def test_statements_run_after_the_actors_they_require():
    names = [s.name for s in step_order(STEPS)]
    assert names.index("actors") < names.index("statements")
    # declared in the other order, the order is still computed from requires/assigns
    names = [s.name for s in step_order(tuple(reversed(STEPS)))]
    assert names.index("actors") < names.index("statements")


def test_every_list_of_the_extraction_is_assigned_by_one_step():
    from tidynews.extract import EXTRACTION_FIELDS

    assigned = [name for step in STEPS for name in step.assigns]
    assert sorted(assigned) == sorted(EXTRACTION_FIELDS)
    assert {"actors", "actor_mentions", "places", "place_mentions", "statements", "figures"} <= set(assigned)


def test_a_requirement_no_step_assigns_is_an_error():
    steps = [Step("statements", noop, requires=("actors",), assigns=("statements",))]
    with pytest.raises(StepOrderError, match="'statements' requires 'actors', which no step assigns"):
        step_order(steps)


def test_steps_that_require_each_other_are_an_error():
    steps = [
        Step("a", noop, requires=("places",), assigns=("actors",)),
        Step("b", noop, requires=("actors",), assigns=("places",)),
    ]
    with pytest.raises(StepOrderError, match="cycle"):
        step_order(steps)


def test_a_field_the_extraction_does_not_have_is_an_error():
    with pytest.raises(StepOrderError, match="'quotes'"):
        step_order([Step("statements", noop, assigns=("quotes",))])


def test_a_rule_is_described_by_its_whole_first_paragraph(monkeypatch):
    from tidynews.extract.rules import register_rule

    monkeypatch.setattr("tidynews.extract.rules.RULES", {})

    @register_rule("figures.test_wrapped")
    def wrapped():
        """A number before a counted noun, written over
        two lines of the docstring.

        Example: Forty people came.
        More words after the example.
        """

    from tidynews.extract import rules

    rule = rules.RULES["figures.test_wrapped"]
    assert rule.description == "A number before a counted noun, written over two lines of the docstring."
    assert rule.example == "Forty people came."
