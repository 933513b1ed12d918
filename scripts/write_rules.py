"""Write RULES.md at the repository root from the rule registry: `python scripts/write_rules.py`.

`tidynews publish` writes it too (beside CODEBOOK.md, and into the release); tests/test_rules.py checks it is current.
"""

from __future__ import annotations

from tidynews.codebook import rules_markdown
from tidynews.paths import REPO_ROOT, RULES_NAME


def main() -> None:
    path = REPO_ROOT / RULES_NAME
    path.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
