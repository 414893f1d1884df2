"""The coverage statistics: every cell of the units table and every lost-contact boundary worked
out by hand on small registers, on both stores; a property tying the totals to coverage and
gaps enterprises; the workbook as openpyxl and LibreOffice read it."""

import os
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.errors import UsageError
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from partygraph.queries import run_analysis
from partygraph.queries.statistics import statistics
from tests.queries.conftest import Build

AS_OF = "2026-06-30"


def register():
    """Two areas (A1 inside A0), building B1 in A1 with an organization based in it, and a unit of
    each class; see the comments of the expected figures."""
    b = (Build().area("A0", kind="district").area("A1", "A0").building("B1", "A1")
         .enterprise("E-own", "B1").enterprise("E-joint", "B1").enterprise("E-3plus", "B1")
         .enterprise("E-1-2", "B1", kind="social_org").enterprise("E-none", kind="individual", area="A1")
         .enterprise("E-nowhere").enterprise("E-state", "B1", kind="state_owned").enterprise("E-late", area="A1"))
    b.data.nodes["Enterprise"]["E-own"]["above_scale"] = True
    b.org("O-own", covers=["E-own"]).org("J", "joint_branch", covers=["E-own", "E-state"])
    b.org("J-one", "joint_branch", covers=["E-joint"])           # a joint branch with one unit left is still joint
    b.org("O-base", "general_branch", based_in="B1").org("O-state", covers=["E-state"])
    b.org("O-late", covers=["E-late"])
    b.data.nodes["Organization"]["O-late"]["founded"] = "2026-07-01"        # after the report date
    b.members("f3-", 3, employer="E-3plus", org="O-base").members("p3-", 2, employer="E-3plus", status="probationary")
    b.member("guide", org="O-base", guides=["E-3plus"])
    b.members("f12-", 2, employer="E-1-2", org="O-base").member("p12", employer="E-1-2", status="probationary")
    b.members("pn-", 3, employer="E-none", status="probationary", org="O-base")
    b.member("newcomer", employer="E-none", org="O-base")
    b.data.nodes["Member"]["newcomer"]["joined"] = "2026-07-01"             # after the report date
    b.member("moved", employer="E-nowhere", registered_at="外省某党支部")      # not transferred in
    b.member("away", employer="E-own", org="O-own", mobile=True)
    return b.data


def row(rows, table, kind, place):
    found = [r for r in rows if (r["table"], r["row"], r["place_id"]) == (table, kind, place)]
    assert len(found) == 1, (table, kind, place)
    return found[0]


def test_each_cell_of_the_units_table_by_hand(on_store):
    rows = statistics(on_store(register()), as_of=AS_OF)
    whole = {kind: row(rows, "units", kind, None) for kind in ("non_public", "above_scale", "social_org", "individual", "total")}
    # non_public: E-own (its own branch and a joint one: their own), E-joint (only a joint branch),
    # E-3plus (3 full members, 2 probationary; guided and its building has an organization: guided
    # only), E-nowhere (in no place; one full member, not transferred in), E-late (its organization
    # was founded after the report date, no members).
    assert {k: whole["non_public"][k] for k in ("units", "org_covered", "org_single", "org_joint", "uncovered",
                                                 "uncovered_3plus", "uncovered_1_2", "uncovered_none",
                                                 "uncovered_guided", "uncovered_based_in", "work_covered")} == {
        "units": 5, "org_covered": 2, "org_single": 1, "org_joint": 1, "uncovered": 3, "uncovered_3plus": 1,
        "uncovered_1_2": 1, "uncovered_none": 1, "uncovered_guided": 1, "uncovered_based_in": 0, "work_covered": 3}
    assert whole["non_public"]["org_rate"] == 2 / 5 and whole["non_public"]["work_rate"] == 3 / 5
    # above_scale: E-own only.
    assert (whole["above_scale"]["units"], whole["above_scale"]["org_single"], whole["above_scale"]["org_rate"]) == (1, 1, 1.0)
    # social_org: E-1-2, two full members and one probationary, reached through its building.
    assert (whole["social_org"]["uncovered_1_2"], whole["social_org"]["uncovered_based_in"],
            whole["social_org"]["work_covered"]) == (1, 1, 1)
    # individual: E-none, three probationary members and one who joined after the date: no full member.
    assert (whole["individual"]["uncovered_none"], whole["individual"]["work_covered"], whole["individual"]["work_rate"]) == (1, 0, 0.0)
    assert whole["total"]["units"] == 7 and whole["total"]["org_covered"] == 2 and whole["total"]["work_covered"] == 4
    # The state-owned unit is in no row; the unit with no place is only in the whole register's.
    a1 = row(rows, "units", "total", "A1")
    assert (a1["units"], a1["uncovered_none"]) == (6, 2)
    assert row(rows, "units", "total", "A0") == {**a1, "place_id": "A0", "place_name": "区域A0"}
    assert row(rows, "units", "social_org", "A0")["org_rate"] is None or row(rows, "units", "social_org", "A0")["units"]


def test_an_area_without_units_shows_zeros_and_no_rate(on_store):
    data = register()
    data.add_node("Area", {"id": "A-empty", "name": "空区域", "kind": "community"})
    rows = statistics(on_store(data), as_of=AS_OF, area="A-empty")
    assert [(r["table"], r["row"]) for r in rows] == [("units", k) for k in
                                                      ("non_public", "above_scale", "social_org", "individual", "total")] + [("members", "members")]
    assert all(r["org_rate"] is None and r["units"] == 0 for r in rows if r["table"] == "units")


def test_the_members_table_by_hand(on_store):
    members = row(statistics(on_store(register()), as_of=AS_OF), "members", "members", None)
    # 3 + 2 (E-3plus), 2 + 1 (E-1-2), 3 (E-none; the newcomer joined later), moved, away: the guide
    # works nowhere and E-state is not a two-new unit.
    assert {k: members[k] for k in ("members", "full", "probationary", "mobile", "not_transferred")} == {
        "members": 13, "full": 7, "probationary": 6, "mobile": 2, "not_transferred": 1}


@pytest.mark.parametrize("last_contact, bucket", [
    ("2025-12-30", None),               # exactly six months before: not yet out of contact
    ("2025-12-29", "lost_6m_1y"),
    ("2025-07-01", "lost_6m_1y"),
    ("2025-06-30", "lost_1y_5y"),       # exactly a year
    ("2021-07-01", "lost_1y_5y"),
    ("2021-06-30", "lost_5y_10y"),      # exactly five years
    ("2016-07-01", "lost_5y_10y"),
    ("2016-06-30", "lost_10y_plus"),    # exactly ten years
])
def test_lost_contact_buckets_at_their_boundaries(on_store, last_contact, bucket):
    data = Build().area("A").building("B", "A").enterprise("E", "B").member("M", employer="E", last_contact=last_contact).data
    members = row(statistics(on_store(data), as_of=AS_OF), "members", "members", None)
    buckets = ("lost_6m_1y", "lost_1y_5y", "lost_5y_10y", "lost_10y_plus")
    assert {b: members[b] for b in buckets} == {b: int(b == bucket) for b in buckets}
    assert members["lost_contact"] == (bucket is not None)


def test_a_leap_day_report_date_counts_years_back_to_the_28th(on_store):
    data = Build().area("A").building("B", "A").enterprise("E", "B").member("M", employer="E", last_contact="2023-02-28").data
    members = row(statistics(on_store(data), as_of="2024-02-29"), "members", "members", None)
    assert members["lost_1y_5y"] == 1


def test_the_report_date_leaves_out_later_organizations_and_members(on_store):
    store = on_store(register())
    later = statistics(store, as_of="2026-12-31")
    assert row(later, "units", "non_public", None)["org_covered"] == 3                    # E-late now covered
    assert row(later, "members", "members", None)["members"] == 14                        # the newcomer counted


def test_only_an_area_can_be_asked_for(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(register())
    with pytest.raises(UsageError, match="no area has the id 'B1'"):
        statistics(store, as_of=AS_OF, area="B1")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(20, 400), seed=st.integers(0, 2**32))
def test_the_total_row_agrees_with_coverage_and_gaps_enterprises(tmp_path_factory, enterprises, seed):
    folder = tmp_path_factory.mktemp("city")
    generate_city(folder, enterprises=enterprises, seed=seed)
    data = load_dataset(folder)
    for props in data.nodes["Enterprise"].values():      # every enterprise a unit, so coverage counts the same ones
        props["kind"] = "non_public"
    store = EmbeddedStore(folder / "s.pgstore")
    store.replace(data)
    rows = statistics(store, as_of="2100-01-01")         # after every founding and joining date
    coverage = {r["place_id"]: r for r in run_analysis(store, "coverage", base="all") if r["place_label"] == "Area"}
    for area, figures in coverage.items():
        total = row(rows, "units", "total", area)
        gaps = run_analysis(store, "gaps enterprises", place=area)
        assert (total["units"], total["org_covered"], total["work_covered"]) == (
            figures["enterprises"], figures["org_covered"], figures["work_covered"]), area
        assert total["uncovered"] == len(gaps)
        assert total["uncovered_3plus"] == sum(g["action"] == "found_branch" for g in gaps)
        assert total["uncovered_1_2"] == sum(g["action"] == "joint_branch" for g in gaps)
        assert total["uncovered_guided"] + total["uncovered_based_in"] == sum(g["coverage"] == "work" for g in gaps)


def test_the_workbook_has_the_forms_merged_header_and_the_figures(tmp_path):
    from openpyxl import load_workbook

    from partygraph.export.statistics_xlsx import write_statistics

    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(register())
    path = tmp_path / "统计.xlsx"
    write_statistics(statistics(store, as_of=AS_OF), path, AS_OF, "上海西路街道")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    book = load_workbook(path)
    units = book.worksheets[0]
    merged = {str(r) for r in units.merged_cells.ranges}
    assert {"A1:O1", "A4:A5", "D4:F4", "G4:J4", "K4:M4", "N4:N5"} <= merged
    assert units["D4"].value == "with a party organization" and units["E5"].value == "their own"
    assert units["A2"].value == "Reporting unit: 上海西路街道" and units["O2"].value == "As of: 2026-06-30"
    first = [c.value for c in units[6]]
    assert first[:4] == ["whole register", "non-public enterprises", 5, 2]
    assert units["N6"].number_format == "0.0%" and units["N6"].value == 0.4
    assert units["C6"].alignment.horizontal == "right"
    assert [s.title for s in book.worksheets] == ["units", "members", "notes"]
    assert book.worksheets[1]["B6"].value == 13


def libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def test_the_workbook_renders_with_chinese_in_libreoffice(tmp_path, monkeypatch):
    if libreoffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs libreoffice-calc and poppler-utils (apt-get install libreoffice-calc poppler-utils)")
        pytest.skip("no LibreOffice: apt-get install libreoffice-calc poppler-utils")
    from partygraph.export.statistics_xlsx import write_statistics
    from partygraph.i18n import set_language

    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(register())
    set_language("zh")
    try:
        write_statistics(statistics(store, as_of=AS_OF), tmp_path / "report.xlsx", AS_OF, "上海西路街道")
    finally:
        set_language("en")
    subprocess.run([libreoffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "report.xlsx")],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    for words in ("非公有制企业和社会组织党组织覆盖情况", "填报单位：上海西路街道", "已建立党组织的", "单独建立",
                  "有3名以上正式党员", "全部台账", "40.0%"):
        assert words in text, words
