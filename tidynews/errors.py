"""Errors the library raises; the CLI turns them into a message and a non-zero exit, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


class TidynewsError(Exception):
    """Base class: anything the user can act on."""


@dataclass
class Problem:
    """One thing wrong, located as precisely as we can: file, table, row, column and the rule broken."""

    rule: str
    message: str
    file: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.table:
            where.append(f"table {self.table}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        loc = ", ".join(where)
        return f"{loc}: [{self.rule}] {self.message}" if loc else f"[{self.rule}] {self.message}"


@dataclass
class ProblemsError(TidynewsError):
    """Several problems found in one run; all of them are reported, not only the first."""

    summary: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [self.summary] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class BadArticleError(ProblemsError):
    """One or more input articles cannot be read."""


class ValidationError(ProblemsError):
    """A package broke a rule of its schemas or one of the checks a schema cannot express."""


class SchemaError(ProblemsError):
    """A schema file in schemas/ is missing, not JSON, or not a valid Table Schema."""
