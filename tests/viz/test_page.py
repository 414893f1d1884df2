"""Pages drawn from hostile and Chinese data, opened in real headless Chromium."""

import pytest

from partygraph.errors import UsageError
from partygraph.graph.data import GraphData
from partygraph.graph.embedded import EmbeddedStore
from partygraph.viz import draw
from partygraph.graph.subgraph import TooLarge

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
HREF = '<a href="javascript:alert(3)">href</a><img src=y onerror=alert(4)>'


def hostile() -> GraphData:
    data = GraphData()
    data.add_node("Area", {"id": "A<b>1</b>", "name": "悦海新天地 " + SCRIPT, "kind": "commercial_area"})
    data.add_node("Building", {"id": "B1", "name": IMG + "金融中心"})
    data.add_node("Enterprise", {"id": "E1", "name": "宁夏星浩 " + IMG, "kind": "non_public"})
    data.add_node("Enterprise", {"id": "E2", "name": "金积嘉电子工业有限公司", "kind": "non_public"})
    data.add_node("Organization", {"id": "O1", "name": SCRIPT + "联合党支部", "level": "joint_branch"})
    data.add_node("Member", {"id": "M1", "name": "阮晓 " + HREF, "mobile": True, "registered_at": "四川阆中 " + HREF})
    data.add_rel("PART_OF", "Building", "B1", "Area", "A<b>1</b>")
    for e in ("E1", "E2"):
        data.add_rel("LOCATED_IN", "Enterprise", e, "Building", "B1")
    data.add_rel("COVERS", "Organization", "O1", "Enterprise", "E2")
    data.add_rel("WORKS_AT", "Member", "M1", "Enterprise", "E1")
    return data


@pytest.fixture
def store(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(hostile())
    return store


def test_the_page_draws_every_node_and_loads_nothing_from_outside(store, tmp_path, visit):
    drawing = draw(store, tmp_path / "page.html", scope="A<b>1</b>", depth=3)
    v = visit(drawing.path)
    assert v.page.evaluate("nodes.length") == drawing.nodes == 6
    assert v.page.evaluate("edges.length") == drawing.edges == 5
    assert v.requests == []
    pixels = v.page.evaluate("""() => {
        const c = document.querySelector('#graph canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let colored = 0; for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) colored++; }
        return colored; }""")
    assert pixels > 500


def test_names_are_text_and_run_nothing(store, tmp_path, visit):
    drawing = draw(store, tmp_path / "page.html", scope="A<b>1</b>", depth=3)
    v = visit(drawing.path)
    labels = v.page.evaluate("nodes.get().map(n => n.label)")
    assert "宁夏星浩 " + IMG in labels and SCRIPT + "联合党支部" in labels
    heading = "partygraph · structure · 悦海新天地 " + SCRIPT      # the scope by its name, as text
    assert v.page.title() == heading and v.page.inner_text("#heading") == heading
    assert v.page.query_selector("#panel b") is None and v.page.query_selector("img") is None
    for key in ("Member:M1", "Enterprise:E1", "Organization:O1"):
        point = v.page.evaluate(f"network.canvasToDOM(network.getPositions(['{key}'])['{key}'])")
        box = v.page.query_selector("#graph").bounding_box()
        v.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        v.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        tooltip = v.page.query_selector("div.vis-tooltip")
        assert tooltip.query_selector(":not(br)") is None              # line breaks only: the text set as text
        text = tooltip.inner_text()
        assert (HREF in text) if key == "Member:M1" else (IMG in text or SCRIPT in text)
        v.page.mouse.move(1, 1)
    assert v.dialogs == [] and v.requests == []


def test_uncovered_enterprises_and_isolated_members_stand_out_with_a_toggle(store, tmp_path, visit):
    drawing = draw(store, tmp_path / "page.html", scope="A<b>1</b>", depth=3)
    assert drawing.gaps == 2
    v = visit(drawing.path)
    marked = "nodes.get({filter: n => n.borderWidth === 5}).map(n => n.id).sort()"
    assert v.page.evaluate(marked) == ["Enterprise:E1", "Member:M1"]
    v.page.click("#gaps")
    assert v.page.evaluate(marked) == []
    v.page.click("#gaps")
    assert v.page.evaluate(marked) == ["Enterprise:E1", "Member:M1"]


def test_the_page_is_utf8_whatever_the_locale(store, tmp_path):
    """Drawn in a process whose locale encoding is ASCII (LC_ALL=C without Python's UTF-8 mode,
    as a GBK Windows is not UTF-8): a writer that used the locale's encoding fails here."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "", "PARTYGRAPH_LANG": "zh"}
    script = ("import sys, locale; from partygraph.graph.embedded import EmbeddedStore; from partygraph.viz import draw;"
              "assert locale.getpreferredencoding(False).lower() in ('ascii', 'ansi_x3.4-1968'), locale.getpreferredencoding(False);"
              "draw(EmbeddedStore(sys.argv[1]), sys.argv[2])")
    done = subprocess.run([sys.executable, "-c", script, str(store.path), str(tmp_path / "page.html")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "page.html").read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text and "详细信息" in text and "按名称或编号搜索" in text     # UTF-8 words
    assert "金积嘉电子工业有限公司" in text                                              # the JSON data, as UTF-8


def test_above_max_nodes_nothing_is_written_and_the_message_says_how_to_narrow(store, tmp_path):
    with pytest.raises(TooLarge, match="--scope"):
        draw(store, tmp_path / "big.html", max_nodes=3)
    assert not (tmp_path / "big.html").exists()


def test_an_unknown_or_ambiguous_scope_is_a_usage_error(store, tmp_path):
    with pytest.raises(UsageError, match="no area, building"):
        draw(store, tmp_path / "x.html", scope="nope")
    data = hostile()
    data.add_node("Organization", {"id": "B1", "name": "同号", "level": "branch"})
    store.replace(data)
    with pytest.raises(UsageError, match="more than one"):
        draw(store, tmp_path / "x.html", scope="B1")
    assert draw(store, tmp_path / "x.html", scope="Building:B1").nodes > 1
