"""The semver level for each kind of change in the Data Package versioning recipe, one test each, on two tiny
hand-written packages (a `people` table and a `visits` table), so every expected level is read off the recipe."""

import copy
import csv
import io
import json
import zipfile

import pytest

from tidynews.diff import compare_constraint, diff_packages, format_diff, load_package

PEOPLE = {
    "fields": [
        {
            "name": "person_id",
            "type": "string",
            "description": "Identifier.",
            "constraints": {"required": True, "unique": True},
        },
        {"name": "name", "type": "string", "description": "Full name.", "constraints": {"required": True}},
        {"name": "age", "type": "integer", "description": "Age in years.", "constraints": {"minimum": 0}},
        {"name": "role", "type": "string", "description": "Job.", "constraints": {"enum": ["cook", "pilot"]}},
    ],
    "primaryKey": ["person_id"],
}
VISITS = {
    "fields": [
        {"name": "visit_id", "type": "string", "constraints": {"required": True}},
        {"name": "person_id", "type": "string"},
    ],
    "primaryKey": ["visit_id"],
    "foreignKeys": [{"fields": "person_id", "reference": {"resource": "people", "fields": "person_id"}}],
}
PEOPLE_ROWS = [
    {"person_id": "p1", "name": "Ada Obi", "age": "41", "role": "pilot"},
    {"person_id": "p2", "name": "Ben Cruz", "age": "29", "role": "cook"},
]
VISITS_ROWS = [{"visit_id": "v1", "person_id": "p1"}]


def base() -> dict:
    """The old package as data: descriptor properties and, per table, its schema and rows."""
    return {
        "meta": {"name": "demo", "title": "Demo", "version": "1.0.0", "created": "2026-01-01T00:00:00Z"},
        "tables": {
            "people": {"schema": copy.deepcopy(PEOPLE), "rows": copy.deepcopy(PEOPLE_ROWS), "description": "People."},
            "visits": {"schema": copy.deepcopy(VISITS), "rows": copy.deepcopy(VISITS_ROWS), "description": "Visits."},
        },
    }


def write_package(folder, spec: dict):
    """Write a package folder: CSVs under data/, schemas inline in datapackage.json."""
    (folder / "data").mkdir(parents=True)
    resources = []
    for name, t in spec["tables"].items():
        names = [f["name"] for f in t["schema"]["fields"]]
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        w.writeheader()
        w.writerows([{k: r.get(k, "") for k in names} for r in t["rows"]])
        (folder / "data" / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")
        resources.append(
            {"name": name, "path": f"data/{name}.csv", "description": t["description"], "schema": t["schema"]}
        )
    (folder / "datapackage.json").write_text(json.dumps({**spec["meta"], "resources": resources}), encoding="utf-8")
    return folder


@pytest.fixture
def old(tmp_path):
    return write_package(tmp_path / "old", base())


def level_after(tmp_path, old, change) -> str | None:
    spec = base()
    change(spec)
    return diff_packages(old, write_package(tmp_path / "new", spec)).level


def people(spec):
    return spec["tables"]["people"]


def field(spec, name):
    return next(f for f in people(spec)["schema"]["fields"] if f["name"] == name)


# --- nothing -------------------------------------------------------------------------------------------


def test_only_version_and_created_differ_is_no_change(tmp_path, old):
    def change(spec):
        spec["meta"].update(version="1.1.0", created="2026-06-01T00:00:00Z")

    assert level_after(tmp_path, old, change) is None


# --- MAJOR ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where,prop,value",
    [
        ("schema", "missingValues", ["", "none", "n/a"]),  # "none" was a value; now it is missing
        ("age", "groupChar", ","),  # "80,000" read as 80000, and "8,0" as 80
        ("age", "bareNumber", False),  # "41 years" was an error, now 41
        ("age", "decimalChar", ","),
        ("name", "missingValues", ["-"]),
        ("role", "trueValues", ["yes"]),
        ("resource", "dialect", {"delimiter": ";"}),
        ("resource", "encoding", "latin-1"),
    ],
)
def test_a_property_that_changes_how_values_are_read_is_major(tmp_path, old, where, prop, value):
    def change(spec):
        if where == "schema":
            people(spec)["schema"][prop] = value
        elif where == "resource":
            people(spec)[prop] = value
        else:
            field(spec, where)[prop] = value

    spec = base()
    change(spec)
    if where == "resource":  # write_package keeps only the description: add the property to the descriptor
        new = write_package(tmp_path / "new", spec)
        d = json.loads((new / "datapackage.json").read_text())
        d["resources"][0][prop] = value
        (new / "datapackage.json").write_text(json.dumps(d))
        assert diff_packages(old, new).level == "major"
    else:
        assert level_after(tmp_path, old, change) == "major"


def test_field_removed_is_major(tmp_path, old):
    def change(spec):
        people(spec)["schema"]["fields"].pop(3)  # role

    assert level_after(tmp_path, old, change) == "major"


def test_field_renamed_is_major_and_named_as_a_rename(tmp_path, old):
    spec = base()
    field(spec, "role")["name"] = "job"
    for r in people(spec)["rows"]:
        r["job"] = r.pop("role")
    d = diff_packages(old, write_package(tmp_path / "new", spec))
    assert d.level == "major"
    assert [c.what for c in d.tables[0].changes] == ["field `role` renamed to `job`"]
    assert d.tables[0].changed == []  # the values moved with the name


def test_fields_reordered_is_major(tmp_path, old):
    def change(spec):
        fields = people(spec)["schema"]["fields"]
        fields[1], fields[2] = fields[2], fields[1]

    assert level_after(tmp_path, old, change) == "major"


def test_field_retyped_is_major(tmp_path, old):
    def change(spec):
        field(spec, "age")["type"] = "number"

    assert level_after(tmp_path, old, change) == "major"


def test_constraint_tightened_is_major(tmp_path, old):
    def change(spec):
        field(spec, "role")["constraints"]["enum"] = ["pilot", "cook", "nurse"]  # loosened...
        field(spec, "age")["constraints"]["required"] = True  # ...but this tightens

    assert level_after(tmp_path, old, change) == "major"


def test_table_removed_is_major(tmp_path, old):
    def change(spec):
        del spec["tables"]["visits"]

    assert level_after(tmp_path, old, change) == "major"


def test_referenced_rows_removed_is_major(tmp_path, old):
    # visits point to people: a removed person is data another resource may reference
    def change(spec):
        people(spec)["rows"].pop(1)

    assert level_after(tmp_path, old, change) == "major"


def test_unreferenced_rows_removed_is_patch(tmp_path, old):
    # nothing points to visits: dropping a wrong visit corrects the data
    def change(spec):
        spec["tables"]["visits"]["rows"].pop(0)

    assert level_after(tmp_path, old, change) == "patch"


def test_primary_key_changed_is_major(tmp_path, old):
    def change(spec):
        people(spec)["schema"]["primaryKey"] = ["name"]

    assert level_after(tmp_path, old, change) == "major"


# --- MINOR ---------------------------------------------------------------------------------------------


def test_rows_added_is_minor(tmp_path, old):
    def change(spec):
        people(spec)["rows"].append({"person_id": "p3", "name": "Cy Dale", "age": "50", "role": "cook"})

    assert level_after(tmp_path, old, change) == "minor"


def test_field_added_is_minor(tmp_path, old):
    def change(spec):
        people(spec)["schema"]["fields"].append({"name": "town", "type": "string"})

    assert level_after(tmp_path, old, change) == "minor"


def test_table_added_is_minor(tmp_path, old):
    def change(spec):
        spec["tables"]["towns"] = {
            "schema": {"fields": [{"name": "town", "type": "string"}], "primaryKey": "town"},
            "rows": [{"town": "Leeds"}],
            "description": "Towns.",
        }

    assert level_after(tmp_path, old, change) == "minor"


def test_constraint_loosened_is_minor(tmp_path, old):
    def change(spec):
        field(spec, "role")["constraints"]["enum"] = ["cook", "pilot", "nurse"]

    assert level_after(tmp_path, old, change) == "minor"


# --- PATCH ---------------------------------------------------------------------------------------------


def test_row_corrected_is_patch(tmp_path, old):
    spec = base()
    people(spec)["rows"][1]["age"] = "30"
    d = diff_packages(old, write_package(tmp_path / "new", spec))
    assert d.level == "patch"
    assert d.tables[0].changed == [("p2", {"age": ("29", "30")})]
    assert d.tables[0].summary() == "people: 1 corrected"


def test_metadata_only_is_patch(tmp_path, old):
    def change(spec):
        field(spec, "name")["description"] = "Full name as printed."
        spec["meta"]["title"] = "Demo data"

    assert level_after(tmp_path, old, change) == "patch"


# --- the pieces ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("required", None, True, "tightened"),
        ("required", True, False, "loosened"),
        ("unique", True, None, "loosened"),
        ("minimum", 0, 1, "tightened"),
        ("minimum", 5, None, "loosened"),
        ("maximum", 90, 80, "tightened"),
        ("maxLength", 10, 20, "loosened"),
        ("minLength", None, 1, "tightened"),
        ("enum", ["a", "b"], ["a"], "tightened"),
        ("enum", ["a"], ["a", "b"], "loosened"),
        ("enum", ["a", "b"], ["a", "c"], "tightened"),  # b was allowed and is not any more
        ("pattern", None, "^[a-z]+$", "tightened"),
        ("pattern", "^[a-z]+$", None, "loosened"),
        ("minimum", 3, 3, None),
    ],
)
def test_compare_constraint(name, old, new, expected):
    assert compare_constraint(name, old, new) == expected


def test_text_diff_lists_the_rows(tmp_path, old):
    spec = base()
    people(spec)["rows"].append({"person_id": "p3", "name": "Cy Dale", "age": "50", "role": "cook"})
    people(spec)["rows"].pop(0)
    text = format_diff(diff_packages(old, write_package(tmp_path / "new", spec)))
    assert "needs a MAJOR release" in text
    assert "people: +1 row, -1 row" in text
    assert "  + p3" in text and "  - p1" in text


def test_a_zip_reads_like_its_folder(tmp_path, old):
    zpath = tmp_path / "old.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in sorted(old.rglob("*")):
            if p.is_file():
                zf.write(p, f"demo-1.0.0/{p.relative_to(old).as_posix()}")
    from_zip = load_package(zpath)
    assert from_zip.version == "1.0.0"
    assert from_zip.rows("people") == load_package(old).rows("people")
    assert diff_packages(zpath, old).level is None


def test_diff_command_prints_text_and_json(tmp_path, old):
    from typer.testing import CliRunner

    from tidynews.cli import app

    spec = base()
    people(spec)["rows"][0]["name"] = "Ada N. Obi"
    new = write_package(tmp_path / "new", spec)
    result = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "needs a PATCH release" in result.output
    assert "~ p1: name: 'Ada Obi' -> 'Ada N. Obi'" in result.output
    result = CliRunner().invoke(app, ["diff", "--format", "json", str(old), str(new)])
    people_diff = next(t for t in json.loads(result.output)["tables"] if t["table"] == "people")
    assert people_diff["changed"] == [{"key": "p1", "cells": {"name": {"old": "Ada Obi", "new": "Ada N. Obi"}}}]


def test_diff_command_reports_a_missing_package(tmp_path, old):
    from typer.testing import CliRunner

    from tidynews.cli import app

    result = CliRunner().invoke(app, ["diff", str(old), str(tmp_path / "nowhere.zip")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
