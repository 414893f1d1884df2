import filecmp

from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.loaders import validate_dataset
from partygraph.loaders.generate import COLUMNS, generate_city


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 1500), seed=st.integers(0, 2**32))
def test_every_generated_city_validates_and_loads_what_the_generator_wrote(tmp_path_factory, enterprises, seed):
    out = tmp_path_factory.mktemp("city")
    written = generate_city(out, enterprises=enterprises, seed=seed)
    report = validate_dataset(out)
    assert report.ok, [str(p) for p in report.errors[:5]]
    assert report.data.counts() == written


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        generate_city(tmp_path / name, enterprises=400, seed=seed)
    files = [f"{name}.csv" for name in COLUMNS]
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", files, shallow=False)
    assert match == files and not errors
    assert filecmp.cmpfiles(tmp_path / "a", tmp_path / "c", ["members.csv"], shallow=False)[1] == ["members.csv"]


def test_a_generated_city_has_the_gaps_the_analyses_look_for(tmp_path):
    written = generate_city(tmp_path, enterprises=3000, seed=1)
    data = validate_dataset(tmp_path).data
    covered = {target for (rel, _, target) in data.rels if rel == "COVERS"}
    assert 0 < len(covered) < written["Enterprise"]
    mobile = [m for m in data.nodes["Member"].values() if m.get("mobile")]
    participating = {source for (rel, source, _) in data.rels if rel == "PARTICIPATES_IN"}
    assert any(f"Member:{m['id']}" not in participating for m in mobile)
    assert written["GUIDES"] > 0 and written["PAIRED_WITH"] > 0
    assert any(m["last_contact"] < "2025-12-30" for m in data.nodes["Member"].values())
    sizes = sorted(e["employees"] for e in data.nodes["Enterprise"].values())
    assert sizes[len(sizes) // 2] * 20 < sizes[-1]          # heavy-tailed: the largest dwarfs the median
