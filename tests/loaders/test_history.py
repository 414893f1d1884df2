"""The history generator: quarterly registers of one city that load, change as registers do, and
come out the same for the same seed."""

from __future__ import annotations

import filecmp

from partygraph.loaders import load_dataset, validate_dataset
from partygraph.loaders.history import generate_history


def _covered(data) -> set[str]:
    return {target.split(":", 1)[1] for kind, _source, target in data.rels if kind == "COVERS"}


def test_every_quarter_loads_and_the_city_changes_as_registers_do(tmp_path):
    dates = generate_history(tmp_path, enterprises=3000, periods=4, churn=0.05, seed=2)
    assert dates == ["2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"]
    periods = []
    for day in dates:
        report = validate_dataset(tmp_path / day)
        assert report.ok, report.errors[:3]
        periods.append(report.data)
    first, last = periods[0], periods[-1]
    enterprises = set(first.nodes["Enterprise"]), set(last.nodes["Enterprise"])
    assert enterprises[0] - enterprises[1] and enterprises[1] - enterprises[0]          # units closed and opened
    assert (_covered(last) - _covered(first)) & enterprises[0]                           # branches founded over old units
    organization = {m: t for kind, m, t in first.rels if kind == "MEMBER_OF"}
    moved = {m for kind, m, t in last.rels if kind == "MEMBER_OF" and organization.get(m, t) != t}
    assert len(moved) > 10                                                               # members transferred
    assert set(first.nodes["Member"]) == set(last.nodes["Member"])                       # the same people, by id


def test_the_same_seed_gives_the_same_bytes_and_more_churn_more_change(tmp_path):
    generate_history(tmp_path / "a", enterprises=800, periods=3, churn=0.05, seed=4)
    dates = generate_history(tmp_path / "b", enterprises=800, periods=3, churn=0.05, seed=4)
    for day in dates:
        same = filecmp.dircmp(tmp_path / "a" / day, tmp_path / "b" / day)
        assert not same.diff_files and not same.left_only and not same.right_only
    generate_history(tmp_path / "c", enterprises=800, periods=3, churn=0.2, seed=4)

    def changed(folder) -> int:
        first, last = load_dataset(folder / dates[0]), load_dataset(folder / dates[-1])
        return len(set(first.rels) ^ set(last.rels))

    assert changed(tmp_path / "c") > 2 * changed(tmp_path / "a")
