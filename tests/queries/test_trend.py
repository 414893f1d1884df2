"""`trend` and `statistics --compare`: each period's figures as that period alone gives them (both
stores), the workbook with its chart (read back, rendered by LibreOffice), the SVG in Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.history import generate_history
from partygraph.queries.statistics import statistics
from partygraph.queries.trend import compare, trend
from tests.queries.test_statistics import libreoffice


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    dates = generate_history(folder, enterprises=200, periods=3, churn=0.2, seed=7)
    return dates, [load_dataset(folder / day) for day in dates]


@pytest.fixture(params=["embedded", "neo4j"])
def kept(request, tmp_path, history):
    dates, datas = history
    store = (EmbeddedStore(tmp_path / "s.pgstore") if request.param == "embedded"
             else request.getfixturevalue("neo4j_store"))
    for day, data in zip(dates[::-1], datas[::-1]):
        store.load(data, day)
    return store


def alone(tmp_path, data, day, area=None):
    store = EmbeddedStore(tmp_path / f"{day}.pgstore")
    store.replace(data, as_of=day)
    return statistics(store, as_of=day, area=area)


def test_the_trend_is_each_period_judged_at_its_own_date(kept, history, tmp_path):
    dates, datas = history
    rows = trend(kept)
    assert sorted({row["period"] for row in rows}) == dates
    for day, data in zip(dates, datas):
        assert [{k: v for k, v in row.items() if k != "period"} for row in rows if row["period"] == day] \
            == alone(tmp_path, data, day)
    assert {row["period"] for row in trend(kept, area="D0", start=dates[1])} == set(dates[1:])
    assert kept.use(None).period == dates[-1]                        # the store reads the latest again


def test_compare_gives_each_figure_before_and_its_change(kept, history, tmp_path):
    dates, datas = history
    rows = compare(kept, dates[2], dates[0])
    before = {(r["table"], r["row"], r["place_id"]): r for r in alone(tmp_path, datas[0], dates[0])}
    now = alone(tmp_path, datas[2], dates[2])
    assert len(rows) == len(now)
    for row, plain in zip(rows, now):
        was = before[(row["table"], row["row"], row["place_id"])]
        assert row["compare_as_of"] == dates[0]
        for key in ("units", "org_covered", "members", "lost_contact"):
            if key in plain:
                assert (row[key], row[f"{key}_before"], row[f"{key}_change"]) == (plain[key], was[key], plain[key] - was[key])
    assert any(row["org_covered_change"] for row in rows if "org_covered_change" in row)


@pytest.fixture
def trend_rows(history, tmp_path):
    dates, datas = history
    store = EmbeddedStore(tmp_path / "t.pgstore")
    for day, data in zip(dates, datas):
        store.load(data, day)
    return trend(store)


def test_the_workbook_holds_the_figures_and_a_line_chart_of_the_two_rates(trend_rows, tmp_path):
    from openpyxl import load_workbook

    from partygraph.export.trend_chart import summary, write_trend_workbook

    write_trend_workbook(trend_rows, tmp_path / "trend.xlsx", "全部台账")
    book = load_workbook(tmp_path / "trend.xlsx")
    sheet = book.worksheets[0]
    lines = summary(trend_rows)
    assert [sheet.cell(3 + i, 1).value for i in range(len(lines))] == [line["period"] for line in lines]
    assert [sheet.cell(3 + i, 6).value for i in range(len(lines))] == pytest.approx([line["org_rate"] for line in lines])
    charts = sheet._charts
    assert len(charts) == 1 and charts[0].tagname == "lineChart"
    assert len(charts[0].series) == 2
    assert [s.val.numRef.f for s in charts[0].series] == [f"'趋势'!$F$3:$F${2 + len(lines)}",
                                                          f"'趋势'!$G$3:$G${2 + len(lines)}"] or \
        [s.val.numRef.f.split("!")[1] for s in charts[0].series] == [f"$F$3:$F${2 + len(lines)}",
                                                                     f"$G$3:$G${2 + len(lines)}"]


def test_the_workbook_and_its_chart_render_in_libreoffice(trend_rows, tmp_path):
    if libreoffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs libreoffice-calc and poppler-utils")
        pytest.skip("no LibreOffice: apt-get install libreoffice-calc poppler-utils")
    from partygraph.export.trend_chart import write_trend_workbook
    from partygraph.i18n import set_language

    set_language("zh")
    write_trend_workbook(trend_rows, tmp_path / "trend.xlsx", "全部台账")
    subprocess.run([libreoffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "trend.xlsx")],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "trend.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    # The chart's own title and legend are drawn only when the chart is.
    for words in ("各期覆盖率：全部台账", "党组织覆盖率", "党的工作覆盖率", trend_rows[0]["period"]):
        assert words in text, words


def test_the_svg_draws_its_chinese_as_outlines_and_renders_in_chromium(trend_rows, tmp_path, browser):
    from partygraph.export.trend_chart import write_trend_svg
    from partygraph.i18n import set_language

    set_language("zh")
    write_trend_svg(trend_rows, tmp_path / "trend.svg", "全部台账")
    svg = (tmp_path / "trend.svg").read_text(encoding="utf-8")
    assert "<text" not in svg                                       # no font needed where it is opened
    from partygraph.export.trend_chart import CJK_FONTS

    glyphs = {name.replace(" ", "") for name in CJK_FONTS}                 # glyphs drawn from a Chinese font
    assert any(f'id="{font}-' in svg for font in glyphs)
    assert 'href="http' not in svg and "url(http" not in svg        # nothing to fetch (namespaces are names)
    page = browser.new_page(viewport={"width": 900, "height": 500})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "trend.svg").resolve().as_uri())
    shot = page.screenshot()
    page.close()
    from PIL import Image
    import io

    image = Image.open(io.BytesIO(shot)).convert("L")
    title = image.crop((200, 0, 700, 60))
    assert sum(1 for p in title.tobytes() if p < 128) > 200           # the title's glyphs are drawn (one byte a pixel)
    assert requests == [(tmp_path / "trend.svg").resolve().as_uri()]


def test_the_compared_workbook_shows_the_previous_figure_and_the_change_beside_each(kept, history, tmp_path):
    from openpyxl import load_workbook

    from partygraph.export.statistics_xlsx import write_statistics
    from partygraph.i18n import set_language

    dates, _datas = history
    set_language("zh")
    rows = compare(kept, dates[2], dates[0])
    write_statistics(rows, tmp_path / "s.xlsx", dates[2], "全部台账")
    sheet = load_workbook(tmp_path / "s.xlsx").worksheets[0]
    header = [sheet.cell(5, c).value or sheet.cell(4, c).value for c in range(1, sheet.max_column + 1)]
    at = header.index("单位数")
    assert header[at + 1:at + 3] == ["单位数（上期）", "单位数（增减）"]
    first = rows[0]
    assert [sheet.cell(6, at + 1 + i).value for i in range(3)] == [first["units"], first["units_before"], first["units_change"]]
    assert f"上期：{dates[0]}" in str(sheet.cell(2, sheet.max_column).value)
