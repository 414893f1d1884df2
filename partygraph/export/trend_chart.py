"""The trend of the coverage rates, period by period: a workbook with the figures and a native Excel
line chart (openpyxl), or the same chart as a standalone SVG (matplotlib) whose text is drawn as
outlines, so the Chinese labels show alike on a machine without the font and without a network.
"""

from __future__ import annotations

import io
import os

from ..errors import PartygraphError
from ..files import atomic_write, save_workbook
from ..i18n import _

#: The summary's columns: the period, then the whole place's unit and member figures.
SUMMARY = ["period", "units", "org_covered", "work_covered", "uncovered", "org_rate", "work_rate", "members",
           "lost_contact"]
#: Fonts with Chinese glyphs, tried in order (Windows, macOS, Linux).
CJK_FONTS = ["Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
             "Source Han Sans SC", "Noto Sans SC"]


def summary(rows: list[dict]) -> list[dict]:
    """One row a period: the place's ``total`` units row joined with its members row."""
    place = next((row["place_id"] for row in rows), None)
    found: dict[str, dict] = {}
    for row in rows:
        if row["place_id"] != place:
            continue
        if row["table"] == "units" and row["row"] == "total":
            found.setdefault(row["period"], {"period": row["period"]}).update(
                {key: row[key] for key in SUMMARY[1:7]})
        elif row["table"] == "members":
            found.setdefault(row["period"], {"period": row["period"]}).update(
                {"members": row["members"], "lost_contact": row["lost_contact"]})
    return [found[period] for period in sorted(found)]


def _titles() -> dict[str, str]:
    return {"period": _("period"), "units": _("units"), "org_covered": _("with a party organization"),
            "work_covered": _("work coverage"), "uncovered": _("without a party organization"),
            "org_rate": _("organizational coverage rate"), "work_rate": _("work coverage rate"),
            "members": _("members"), "lost_contact": _("out of contact")}


def write_trend_workbook(rows: list[dict], path: str | os.PathLike, place: str) -> None:
    """The summary with a line chart of the two rates, and every row of every period on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference

    from .statistics_xlsx import ROW_WORDS

    book = Workbook()
    sheet = book.active
    sheet.title = _("trend")
    sheet.append([_("Coverage over time: {place}").format(place=place)])
    titles = _titles()
    sheet.append([titles[key] for key in SUMMARY])
    lines = summary(rows)
    for line in lines:
        sheet.append([line.get(key) for key in SUMMARY])
    for row in range(3, 3 + len(lines)):
        for column in (6, 7):
            sheet.cell(row, column).number_format = "0.0%"
    chart = LineChart()
    chart.title = _("Coverage rates by period: {place}").format(place=place)
    chart.y_axis.title = _("rate")
    chart.x_axis.title = _("period")
    chart.y_axis.number_format = "0%"
    chart.add_data(Reference(sheet, min_col=6, max_col=7, min_row=2, max_row=2 + len(lines)), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=2 + len(lines)))
    chart.width, chart.height = 18, 9
    sheet.add_chart(chart, f"A{len(lines) + 5}")
    every = book.create_sheet(_("every row"))
    keys = [key for key in rows[0] if key not in ("table",)] if rows else []
    every.append(keys)
    for row in rows:
        every.append([_(ROW_WORDS[row[key]]) if key == "row" else row.get(key) for key in keys])
    save_workbook(book, path)


def write_trend_svg(rows: list[dict], path: str | os.PathLike, place: str) -> None:
    """The two rates per period as one standalone SVG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager, pyplot

    available = {font.name for font in font_manager.fontManager.ttflist}
    fonts = [name for name in CJK_FONTS if name in available]
    if not fonts:
        raise PartygraphError(_("no font with Chinese characters was found to draw the chart ({fonts}); install one "
                                "of them, or write the trend as a workbook (.xlsx)").format(fonts=", ".join(CJK_FONTS)))
    lines = summary(rows)
    periods = [line["period"] for line in lines]
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": "sans-serif",
                                "font.sans-serif": fonts + ["DejaVu Sans"], "svg.hashsalt": "partygraph",
                                "axes.unicode_minus": False}):
        figure, axes = pyplot.subplots(figsize=(8, 4.5))
        for key, title in (("org_rate", _("organizational coverage rate")), ("work_rate", _("work coverage rate"))):
            values = [None if line.get(key) is None else line[key] * 100 for line in lines]
            axes.plot(periods, [float("nan") if v is None else v for v in values], marker="o", label=title)
        axes.set_title(_("Coverage rates by period: {place}").format(place=place))
        axes.set_xlabel(_("period"))
        axes.set_ylabel(_("rate") + " (%)")
        axes.set_ylim(0, 100)
        axes.grid(True, alpha=0.3)
        axes.legend()
        figure.autofmt_xdate()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        pyplot.close(figure)
    with atomic_write(path, "wb") as handle:
        handle.write(buffer.getvalue())
