"""The explorer's page API (window.partygraph) driven in real headless Chromium on the seed cases."""

import base64
import struct

import pytest

from partygraph.graph.model import node_key
from partygraph.queries import run_analysis
from partygraph.viz import draw


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from partygraph.demo import run_demo

    folder = tmp_path_factory.mktemp("explorer")
    store = run_demo(folder).store
    return store, draw(store, folder / "whole.html"), folder


@pytest.fixture
def explorer(seeded, visit):
    store, drawing, _folder = seeded
    messages = []
    v = visit(drawing.path)
    v.page.on("console", lambda message: messages.append(message.text))
    v.page.evaluate("window.partygraph.ready")
    v.messages = messages
    return store, v


def test_the_five_seed_cases_draw_whole_with_members_counted_until_expanded(seeded, explorer):
    store, v = explorer
    counts = store.counts()
    assert seeded[1].nodes == sum(counts[label] for label in ("Area", "Building", "Enterprise", "Organization", "Member"))
    assert v.page.evaluate("nodes.length") == seeded[1].nodes - counts["Member"]
    assert v.requests == [] and v.dialogs == []


def test_search_finds_by_a_chinese_name_selects_and_shows_it(explorer):
    _store, v = explorer
    found = v.page.evaluate("window.partygraph.search('宏伟公司')")
    assert found == ["Enterprise:YK-E1"]
    assert v.page.evaluate("network.getSelectedNodes()") == ["Enterprise:YK-E1"]
    assert "宏伟公司" in v.page.inner_text("#details")
    by_id = v.page.evaluate("window.partygraph.search('yk-e1')")       # ids, any case; the exact one first
    assert by_id[0] == "Enterprise:YK-E1" and "Enterprise:YK-E10" in by_id


def test_filtering_to_uncovered_enterprises_gives_the_gaps_reports_none_rows(explorer):
    store, v = explorer
    rows = run_analysis(store, "gaps enterprises")
    for state in ("none", "work"):
        expected = sorted(node_key("Enterprise", row["id"]) for row in rows if row["coverage"] == state)
        shown = v.page.evaluate(f"window.partygraph.filter({{kinds: ['enterprise'], coverage: ['{state}']}})")
        assert shown == expected and shown, state
    assert v.page.evaluate("network.body.data.edges.get().length") == 0      # edges between hidden nodes hide too
    everything = v.page.evaluate("window.partygraph.filter({})")
    assert len(everything) == v.page.evaluate("nodes.length")


def test_the_place_filter_keeps_what_lies_in_a_place(explorer):
    store, v = explorer
    shown = v.page.evaluate("window.partygraph.filter({kinds: ['enterprise'], places: ['YK-B2']})")
    assert len(shown) == 196                      # the third-phase tower's enterprises (seed 000)


def test_details_show_the_record_in_words_names_for_references_and_the_rule(explorer):
    store, v = explorer
    row = next(r for r in run_analysis(store, "gaps enterprises") if r["action"] == "joint_branch" and r["building_id"])
    details = dict(v.page.evaluate(f"window.partygraph.details('Enterprise:{row['id']}')"))
    assert details["Rule"] == row["rule"] and details["Verdict"] in ("not covered", "work coverage only")
    assert details["full members"] == str(row["full_members"])
    building = store.read().nodes["Building"][row["building_id"]]["name"]
    assert details["located in"] == building                   # a name, not the id
    member = dict(v.page.evaluate("window.partygraph.details('Member:M0293')"))       # 阮晓, seed 000
    assert member["name"] == "阮晓" and member["employer"] == "宏伟公司"


def test_expand_brings_in_a_nodes_members(explorer):
    store, v = explorer
    data = store.read()
    workers = sorted(source for rel, source, target in data.rels if rel == "WORKS_AT" and target == "Enterprise:YK-E1")
    before = v.page.evaluate("nodes.length")
    added = v.page.evaluate("window.partygraph.expand('Enterprise:YK-E1')")
    assert set(workers) <= set(added) and all(key.startswith("Member:") for key in added)
    assert v.page.evaluate("nodes.length") == before + len(added)
    assert v.page.evaluate("window.partygraph.expand('Enterprise:YK-E1')") == []          # nothing more to add


def test_png_is_a_picture_at_twice_the_screen(explorer):
    _store, v = explorer
    url = v.page.evaluate("window.partygraph.png()")
    assert url.startswith("data:image/png;base64,")
    raw = base64.b64decode(url.split(",", 1)[1])
    width, height = struct.unpack(">II", raw[16:24])
    canvas = v.page.evaluate("[document.querySelector('#graph canvas').width, document.querySelector('#graph canvas').height]")
    assert (width, height) == (canvas[0] * 2, canvas[1] * 2)
    assert v.page.evaluate("nodes.length") > 100                 # the view is as it was


def test_the_page_runs_under_its_policy_without_unsafe_inline(explorer):
    _store, v = explorer
    policy = v.page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "unsafe-inline" not in policy and "sha256-" in policy
    assert not [m for m in v.messages if "Content Security Policy" in m]
    assert v.page.evaluate("typeof window.partygraph.search") == "function"     # the scripts ran


def test_no_two_labels_of_the_hierarchy_view_overlap(seeded, visit):
    store, _drawing, folder = seeded
    page = draw(store, folder / "hierarchy.html", view="hierarchy")
    v = visit(page.path)
    overlaps = v.page.evaluate("""() => {
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = '14px ' + getComputedStyle(document.body).fontFamily;
        const ids = nodes.getIds(), positions = network.getPositions(ids);
        const boxes = ids.map(id => { const p = positions[id], w = ctx.measureText(nodes.get(id).label).width;
                                      return [p.x - w / 2, p.y, p.x + w / 2, p.y + 18, id]; });
        const found = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) found.push([a[4], b[4]]);
        }
        return [ids.length, found.slice(0, 5)]; }""")
    assert overlaps[0] > 200 and overlaps[1] == []


def test_changes_since_an_earlier_register_are_marked_filtered_and_detailed(tmp_path, visit):
    """The seed cases as the later register; the earlier one lacked an enterprise, had one more, and
    named a building otherwise: each is marked, filtered by window.partygraph.filter({changes}) and
    shows its before and after."""
    import copy

    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.i18n import set_language
    from partygraph.loaders import load_dataset
    from tests.conftest import SEED_CASES

    now = load_dataset(SEED_CASES)
    was = copy.deepcopy(now)
    del was.nodes["Enterprise"]["CBD-E001"]
    was.rels = {rel: props for rel, props in was.rels.items() if "Enterprise:CBD-E001" not in rel}
    was.add_node("Enterprise", {"id": "CBD-GONE", "name": "已注销的企业", "kind": "non_public"})
    was.add_rel("LOCATED_IN", "Enterprise", "CBD-GONE", "Building", "CBD-B1")
    was.nodes["Building"]["CBD-B1"]["name"] = "旧楼名"
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.load(was, "2026-03-31")
    store.load(now, "2026-06-30")
    set_language("zh")
    drawing = draw(store, tmp_path / "changes.html", scope="YC-CBD", depth=3, changes_since="2026-03-31")
    v = visit(drawing.path)
    v.page.evaluate("window.partygraph.ready")
    found = {kind: v.page.evaluate(f"window.partygraph.filter({{changes: ['{kind}']}})")
             for kind in ("added", "removed", "changed")}
    assert "Enterprise:CBD-E001" in found["added"]
    assert found["removed"] == ["Enterprise:CBD-GONE"]
    assert "Building:CBD-B1" in found["changed"]
    details = dict(v.page.evaluate("window.partygraph.details('Building:CBD-B1')"))
    assert details["变化"] == "有变更" and details["名称"] == "旧楼名 → " + now.nodes["Building"]["CBD-B1"]["name"]
    assert v.page.evaluate("document.getElementById('changes-heading').textContent") == "2026-03-31 以来的变化"
    legend = v.page.evaluate("document.getElementById('changes').textContent")
    assert "新增" in legend and "已减少（虚影）" in legend
    ghost = v.page.evaluate("nodes.get('Enterprise:CBD-GONE')")
    assert ghost["shapeProperties"]["borderDashes"] and v.requests == [] and v.dialogs == []


def test_the_plans_proposals_are_drawn_dashed_filtered_and_named_in_a_units_details(tmp_path, visit):
    """The seed cases with --plan: every organization the plan founds for a drawn unit is a dashed
    node covering its units by dashed relationships; the legend filters to what the plan proposes;
    a unit's details name its proposal."""
    from partygraph.demo import run_demo
    from partygraph.i18n import set_language
    from partygraph.queries.plan import make_plan

    store = run_demo(tmp_path).store
    set_language("zh")
    plan = make_plan(store)
    founding = [p for p in plan.proposals if p["proposal"] in ("found_branch", "new_joint_branch")]
    assert founding
    drawing = draw(store, tmp_path / "plan.html", plan=True)
    v = visit(drawing.path)
    v.page.evaluate("window.partygraph.ready")
    shown = set(v.page.evaluate("window.partygraph.filter({changes: ['proposed']})"))
    expected = {node_key("Organization", p["org_id"]) for p in founding}
    expected |= {node_key("Enterprise", u) for p in plan.proposals for u in p["enterprise_ids"]}
    assert shown == expected
    first = founding[0]
    org = v.page.evaluate(f"nodes.get('Organization:{first['org_id']}')")
    assert org["shapeProperties"]["borderDashes"]
    covering = v.page.evaluate(f"edges.get().filter(function (e) {{ return e.from === 'Organization:{first['org_id']}'; }})")
    assert sorted(e["to"] for e in covering) == [f"Enterprise:{u}" for u in first["enterprise_ids"]]
    assert all(e["dashes"] for e in covering)
    details = dict(v.page.evaluate(f"window.partygraph.details('Enterprise:{first['enterprise_ids'][0]}')"))
    assert details["方案"] in ("单独成立党支部", "组建联合党支部") and details["党组织"] == first["org_id"]
    assert "拟议" in v.page.evaluate("document.getElementById('changes').textContent")
    assert v.requests == [] and v.dialogs == []
