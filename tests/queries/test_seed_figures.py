"""The analyses reproduce the articles' published figures where the articles define them well
enough (each test says which figure and on which base)."""

import pytest

from partygraph.loaders import load_dataset
from partygraph.queries import run_analysis
from tests.conftest import SEED_CASES


@pytest.fixture
def seed_store(on_store):
    return on_store(load_dataset(SEED_CASES))


def _place(rows, place_id):
    return next(r for r in rows if r["place_id"] == place_id)


def test_yuehaiwan_cbd_50_percent_organizational_and_100_percent_work_coverage(seed_store):
    """Seed 003: 组织覆盖率 50%, 工作覆盖率 100%. The article counts 150 enterprises and 5 own
    branches plus 1 joint branch: 50% holds on the base "enterprises with members" (10 of 20);
    over all 150 enterprises the organizational rate is 10/150, while work coverage is 100% on both."""
    with_members = _place(run_analysis(seed_store, "coverage", base="with_members"), "YC-CBD")
    assert (with_members["enterprises"], with_members["org_coverage_rate"], with_members["work_coverage_rate"]) == (20, 0.5, 1.0)
    everything = _place(run_analysis(seed_store, "coverage"), "YC-CBD")
    assert (everything["enterprises"], everything["org_covered"], everything["work_coverage_rate"]) == (150, 10, 1.0)


def test_baohu_community_branch_of_110_members_is_over_the_cap_of_50(seed_store):
    """Seed 003: 宝湖社区 党支部 with 110 members (in 3 party groups): the branch cap of 50 is exceeded."""
    over = [r for r in run_analysis(seed_store, "check") if r["check"] == "branch_over_50"]
    assert [(r["id"], r["count"]) for r in over] == [("BH-O", 110)]


def test_ruan_xiao_has_a_home_since_the_committee_was_founded(seed_store):
    """Seed 000: 阮晓 keeps her relationship at her university but takes part at 总部中心党委: not isolated."""
    isolated = {r["name"] for r in run_analysis(seed_store, "gaps members", as_of="2026-11-22")}
    assert "阮晓" not in isolated


def test_the_third_phase_tower_is_reached_by_its_building_general_branch(seed_store):
    """Seed 000: 196 enterprises in 三期总部大楼; 以幢为单位建立党总支 gives every one work coverage."""
    tower = _place(run_analysis(seed_store, "coverage"), "YK-B2")
    assert (tower["enterprises"], tower["work_coverage_rate"]) == (196, 1.0)
