"""Pseudonymized exports hold no member's name, id or registered_at; keys make pseudonyms stable."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.conftest import SEED_CASES

FORMATS = (("graphml", "x.graphml"), ("gexf", "x.gexf"), ("json", "x.json"), ("csv", "x"))


def _text(path):
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "\n".join(f.read_text(encoding="utf-8-sig") for f in files)


@pytest.fixture(scope="module", params=["seed", "city"])
def store(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    source = SEED_CASES
    if request.param == "city":
        source = folder / "city"
        generate_city(source, enterprises=800, seed=3)
    data = load_dataset(source)
    store = EmbeddedStore(folder / "s.pgstore")
    store.replace(data)
    return store, data


@pytest.mark.parametrize("fmt,name", FORMATS)
def test_no_member_name_id_or_registered_at_appears(store, tmp_path, fmt, name):
    store, data = store
    export(store, fmt, tmp_path / name, key=b"research-key")
    text = _text(tmp_path / name)
    members = data.nodes["Member"].values()
    leaked = [value for m in members for value in (m["id"], m["name"], m.get("registered_at")) if value and value in text]
    assert leaked == []
    assert "pseudonymized" in text and "HMAC-SHA256" in text           # the export records what was done


def test_the_same_key_gives_the_same_pseudonyms_and_another_key_others(store, tmp_path):
    store, _ = store
    for name, key in (("a", b"k1"), ("b", b"k1"), ("c", b"k2")):
        export(store, "json", tmp_path / f"{name}.json", key=key)
    ids = {name: sorted(n["id"] for n in json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))["nodes"]
                        if n["type"] == "Member") for name in "abc"}
    assert ids["a"] == ids["b"]
    assert not set(ids["a"]) & set(ids["c"])


def test_dates_and_places_are_coarsened_and_organizations_keep_their_names(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(SEED_CASES))
    export(store, "json", tmp_path / "x.json", key=b"k")
    nodes = {n["id"]: n for n in json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["nodes"]}
    ruan = next(n for n in nodes.values() if n["type"] == "Member" and n.get("registered_at") == "四川")
    assert ruan["joined"] == "2009" and ruan["label"] == ruan["node_id"] and ruan["id"] == f"Member:{ruan['node_id']}"
    assert nodes["Organization:YK-C"]["label"] == "中共永康总部中心委员会"
    assert nodes["Enterprise:NW-JJJ"]["label"] == "金积嘉电子工业有限公司"


def test_the_cli_keeps_a_new_key_in_a_private_file_and_real_data_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARTYGRAPH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PARTYGRAPH_PSEUDONYM_KEY", raising=False)
    runner = CliRunner()
    assert runner.invoke(main, ["demo"]).exit_code == 0
    store = ["--store", "partygraph-demo.pgstore"]
    first = runner.invoke(main, ["--lang", "en", "export", *store, "--format", "json", "--out", "a.json"])
    assert first.exit_code == 0 and "the pseudonym key is kept in" in first.stderr
    key_file = Path(first.stderr.split("the pseudonym key is kept in ")[1].split()[0])
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert key_file.read_text().strip() not in first.stderr + first.stdout        # the path is shown, never the key
    assert "pseudonymized members are the only one with their employer" in first.stderr
    second = runner.invoke(main, ["export", *store, "--format", "json", "--out", "b.json", "--key-file", str(key_file)])
    assert second.exit_code == 0 and "the pseudonym key is kept" not in second.stderr
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert runner.invoke(main, ["export", *store, "--format", "json", "--out", "c.json"]).exit_code == 0
    assert (tmp_path / "c.json").read_bytes() != (tmp_path / "a.json").read_bytes()   # unlinkable unless asked
    real = runner.invoke(main, ["export", *store, "--format", "json", "--out", "r.json", "--no-pseudonymize"])
    assert real.exit_code == 0 and "real names" in real.stderr and "阮晓" in (tmp_path / "r.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", ["short", "password12345678!", "dangyuan2026dangyuan", "aaaaaaaaaaaaaaaaaaaa"])
def test_a_key_that_is_no_secret_is_refused_and_nothing_is_written(tmp_path, monkeypatch, key):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARTYGRAPH_PSEUDONYM_KEY", key)
    runner = CliRunner()
    assert runner.invoke(main, ["demo"]).exit_code == 0
    result = runner.invoke(main, ["--lang", "en", "export", "--store", "partygraph-demo.pgstore", "--format", "json",
                                  "--out", "x.json"])
    assert result.exit_code == 1 and "no real secret" in result.stderr and not (tmp_path / "x.json").exists()


def test_the_export_says_how_many_pseudonyms_stay_unique_and_dates_can_stay_exact(store, tmp_path):
    store, data = store
    coarse = export(store, "json", tmp_path / "c.json", key=b"k" * 16)
    exact = export(store, "json", tmp_path / "e.json", key=b"k" * 16, coarsen_dates=False)
    members = len(data.nodes["Member"])
    assert 0 < coarse.unique_members <= exact.unique_members <= exact.members == coarse.members == members
    info = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["graph"]
    assert info["reidentification"] == {"members": members, "unique_by_employer_organization_dates": coarse.unique_members}
    joined = {n.get("joined") for n in json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["nodes"]}
    assert any(day and len(day) == 10 for day in joined)
