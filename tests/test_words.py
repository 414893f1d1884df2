"""Tables speak the user's language, codes included; JSON and CSV keep the codes scripts read."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.model import LABELS
from partygraph.loaders import load_dataset
from tests.conftest import SEED_CASES


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("words") / "s.pgstore"
    EmbeddedStore(path).replace(load_dataset(SEED_CASES))
    return str(path)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_chinese_tables_say_coverage_actions_reasons_and_places_in_words(store):
    gaps = _run("--lang", "zh", "gaps", "enterprises", "--store", store, "--all")
    assert {"工作覆盖", "未覆盖", "成立党支部", "建立联合党支部", "选派党建指导员"} <= set(gaps.split())
    assert not {"work", "none", "found_branch", "joint_branch", "send_instructor"} & set(gaps.split())
    members = _run("--lang", "zh", "gaps", "members", "--store", store, "--all", "--as-of", "2026-11-01")
    assert "流动党员无组织" in members and "失联" in members and "isolated_mobile" not in members
    coverage = _run("--lang", "zh", "coverage", "--store", store, "--all")
    assert {"区域", "楼宇"} <= set(coverage.split()) and "Building" not in coverage


def test_english_tables_say_the_words_in_english(store):
    gaps = _run("--lang", "en", "gaps", "enterprises", "--store", store, "--all")
    assert "found a branch" in gaps and "not covered" in gaps and "found_branch" not in gaps


def test_json_and_csv_keep_the_codes(store):
    rows = json.loads(_run("--lang", "zh", "gaps", "enterprises", "--store", store, "--format", "json"))
    assert {r["action"] for r in rows} == {"found_branch", "joint_branch", "send_instructor"}
    assert {r["coverage"] for r in rows} == {"none", "work"}
    table = list(csv.DictReader(io.StringIO(_run("--lang", "zh", "coverage", "--store", store, "--format", "csv"))))
    assert {r["place_label"] for r in table} == {"Area", "Building"}


def test_every_vocabulary_value_of_the_model_has_its_chinese_word():
    for label in LABELS.values():
        for name, prop in label.props.items():
            assert all(word and not word.isascii() for word in prop.words.values()), (label.name, name)
