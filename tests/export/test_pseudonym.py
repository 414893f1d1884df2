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


def _every_property_filled(data):
    """The generated city with every declared property of every member set, dates to the day."""
    from partygraph.graph.model import LABELS

    samples = {"str": "浙江永康 某公司 3号楼", "date": "2019-03-17", "bool": True, "int": 7}
    for props in data.nodes["Member"].values():
        for name, prop in LABELS["Member"].props.items():
            props.setdefault(name, samples[prop.type])
    return data


@pytest.mark.parametrize("fmt,name", FORMATS)
def test_a_city_with_every_member_property_filled_leaks_no_date_finer_than_a_year(tmp_path, fmt, name):
    import re

    from partygraph.export.pseudonym import PROVINCES

    source = tmp_path / "city"
    generate_city(source, enterprises=300, seed=5)
    data = _every_property_filled(load_dataset(source))
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    export(store, fmt, tmp_path / name, key=b"research-key-0123456789")
    graph = _read_export(tmp_path / name, fmt)
    members = [attrs for attrs in graph.values() if attrs.get("type") == "Member"]
    assert len(members) == len(data.nodes["Member"]) and all("works_since" in m for m in members)
    for attrs in members:
        finer = {k: v for k, v in attrs.items() if re.search(r"\d{4}-\d\d", str(v))}
        assert finer == {}
        assert attrs["registered_at"] in (*PROVINCES, "其他")
    text = _text(tmp_path / name)
    real = [v for m in data.nodes["Member"].values() for v in (m["id"], m["name"]) if v in text]
    assert real == []


def _read_export(path, fmt) -> dict:
    """Node attributes by node id, read back by a reader the export code does not use."""
    import csv
    import networkx as nx

    if fmt == "graphml":
        return dict(nx.read_graphml(path).nodes(data=True))
    if fmt == "gexf":
        return dict(nx.read_gexf(path).nodes(data=True))
    if fmt == "json":
        return {n["id"]: n for n in json.loads(path.read_text(encoding="utf-8"))["nodes"]}
    with open(path / "nodes.csv", encoding="utf-8-sig", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_a_property_the_model_does_not_declare_never_reaches_an_export(tmp_path):
    data = load_dataset(SEED_CASES)
    for props in data.nodes["Member"].values():
        props["salary_note"] = "月薪9999元"
    from partygraph.export.table import export_graph
    from partygraph.export.pseudonym import Pseudonymizer

    graph = export_graph(data, Pseudonymizer(b"k" * 16))
    assert not any("salary_note" in attrs for _key, attrs in graph.nodes)


def test_works_since_counts_toward_members_told_apart(tmp_path):
    """Two members alike in employer, organization and every other date differ by works_since."""
    from partygraph.export import reidentification
    from partygraph.export.pseudonym import Pseudonymizer
    from partygraph.export.table import export_graph
    from partygraph.graph.data import GraphData

    data = GraphData()
    data.add_node("Enterprise", {"id": "E1", "name": "e"})
    data.add_node("Organization", {"id": "O1", "name": "o", "level": "branch"})
    for member, since in (("M1", "2019-03-01"), ("M2", "2020-03-01")):
        data.add_node("Member", {"id": member, "name": member, "joined": "2010-01-01", "works_since": since})
        data.add_rel("WORKS_AT", "Member", member, "Enterprise", "E1")
        data.add_rel("MEMBER_OF", "Member", member, "Organization", "O1")
    assert reidentification(export_graph(data, Pseudonymizer(b"k" * 16))) == (2, 2)
