import re

import pytest
from typer.testing import CliRunner

from tidynews.cli import app
from tidynews.paths import REPO_ROOT

runner = CliRunner()
# every command the CLI registers, read from the app itself: a command added later is walked too
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_commands_are_the_ones_we_document():
    assert {"build", "validate", "publish", "diff", "query", "explain"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and command in result.output
    assert f"tidynews {command}" in README, f"README.md does not show `tidynews {command}`"


def test_build_into_other_folder_then_query(articles_dir, tmp_path):
    out = tmp_path / "x"
    result = runner.invoke(app, ["build", "--seeds", str(articles_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "datapackage.json").exists()
    assert (out / "datapackage" / "tidynews.duckdb").exists()
    result = runner.invoke(
        app, ["query", "--package", str(out), "--format", "csv", "select article_id from articles order by 1"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == "article_id\nflood_relief\nharbour_strike\n"


def test_validate_reports_valid_package(built_package):
    result = runner.invoke(app, ["validate", str(built_package)])
    assert result.exit_code == 0, result.output
    assert result.output == f"valid: {built_package}\n"


def test_query_error_is_a_message_not_a_traceback(built_package):
    result = runner.invoke(app, ["query", "--package", str(built_package), "select nope from articles"])
    assert result.exit_code == 1
    assert "query failed" in result.output
    assert "Traceback" not in result.output


def test_build_of_missing_folder_fails_cleanly(tmp_path):
    result = runner.invoke(app, ["build", "--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert re.search(r"no seeds folder at .*nowhere", result.output)
    assert not (tmp_path / "o" / "datapackage.json").exists()
