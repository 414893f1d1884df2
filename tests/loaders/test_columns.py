"""A column read whole (``plain_column``) gives what reading its cells one by one gives."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from partygraph.loaders.dataset import _REQUIRED, _Validator
from partygraph.loaders.reader import Table
from partygraph.graph.model import LABELS
from partygraph.loaders.spec import FILES

# Cells as registers hold them: ids, names with spaces (full-width too), numbers that are text.
PLAIN = st.one_of(
    st.sampled_from(["E1", " E1 ", "1001", "0012", "宏伟公司", "宏伟　公司 ", "12.50", "1.5"]),
    st.text(alphabet=" \t\u30000123456789ab宏伟", min_size=1, max_size=8).filter(str.strip),
)
#: What Excel does to a number it thinks it knows: read cell by cell, where a message can say so.
DAMAGED = st.sampled_from(["1001.0", "3.30303E+11", "1e5", "+1E3", "a\n1001.0"])
#: Columns read whole: text that is no vocabulary and carries no check character.
WHOLE = [(spec, column) for spec in (FILES["enterprises"], FILES["members"]) for column in spec.columns
         if column.type == "str" and column.name != "credit_code" and not (
             spec.label and column.name in LABELS[spec.label].vocabulary)]

#: Of those, the ids and references: where Excel's damage to numbers must be reported.
ID_COLUMNS = [(spec, column) for spec, column in WHOLE if column.name == "id" or column.refs]


def one_by_one(validator: _Validator, table: Table, column, raws: list[str], blank: object) -> list:
    return [blank if raw == "" and blank is not _REQUIRED else
            validator.parse_cell(table, number, column, column.name, raw, set())
            for number, raw in enumerate(raws, start=2)]


def _read_whole(spec, column, raws):
    table = Table(spec, f"{spec.name}.csv", [c.name for c in spec.columns])
    validator = _Validator()
    blank = validator.parse_cell(table, 0, column, column.name, None, set()) if not column.required else _REQUIRED
    return validator, table, blank, validator.plain_column(table, column, tuple(raws), blank)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WHOLE), st.lists(PLAIN, min_size=1, max_size=6))
def test_a_column_read_whole_equals_its_cells_read_one_by_one(spec_column, raws):
    spec, column = spec_column
    validator, table, blank, whole = _read_whole(spec, column, raws)
    assert whole is not None                 # plain text is read whole, never cell by cell
    assert whole == one_by_one(validator, table, column, raws, blank)
    assert validator.problems == []  # a column read whole has nothing to report


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ID_COLUMNS), st.lists(PLAIN, max_size=4), DAMAGED, st.integers(0, 4))
def test_a_column_with_excel_damage_is_read_cell_by_cell(spec_column, raws, damaged, where):
    spec, column = spec_column
    raws = [*raws[:where], damaged, *raws[where:]]
    assert _read_whole(spec, column, raws)[3] is None


def test_columns_with_excel_damage_or_empty_required_cells_are_read_cell_by_cell():
    spec = FILES["enterprises"]
    table = Table(spec, "enterprises.csv", [c.name for c in spec.columns])
    ids = next(c for c in spec.columns if c.name == "id")
    building = next(c for c in spec.columns if c.name == "building_id")
    validator = _Validator()
    assert validator.plain_column(table, ids, ("E1", " E2 "), _REQUIRED) == ["E1", "E2"]
    assert validator.plain_column(table, ids, ("E1", "3.30303E+11"), _REQUIRED) is None
    assert validator.plain_column(table, building, ("B1", "1001.0"), None) is None
    assert validator.plain_column(table, ids, ("E1", ""), _REQUIRED) is None
    assert validator.plain_column(table, building, ("B1", " "), None) == ["B1", None]


def test_problems_are_listed_row_by_row_and_left_to_right(minimal):
    from partygraph.loaders import validate_dataset
    from tests.conftest import write_csv

    write_csv(minimal, "members.csv", [
        ["id", "name", "status", "mobile", "joined"],
        ["M1", "王秋香", "retired", "maybe", "soon"],
        ["M2", "", "正式党员", "perhaps", "2001/7/1"],
        ["M1", "李四", "squad", "否", ""],
    ])
    errors = [(p.row, p.column) for p in validate_dataset(minimal).problems
              if p.severity == "error" and p.source == "members.csv"]
    assert errors == [(2, "status"), (2, "mobile"), (2, "joined"), (3, "name"), (3, "mobile"), (4, "status"), (4, "id")]
