"""A column read whole (``plain_column``) gives what reading its cells one by one gives."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from partygraph.loaders.dataset import _REQUIRED, _Validator
from partygraph.loaders.reader import Table
from partygraph.loaders.spec import FILES

# Cells as registers hold them: ids, names with spaces (full-width too), Excel's 1001.0 and 3.3E+11.
CELLS = st.one_of(
    st.sampled_from(["", " ", "E1", " E1 ", "1001", "1001.0", "0012", "3.30303E+11", "1e5", "宏伟公司", "宏伟　公司 ",
                     "12.50", "+1E3", "a\n1001.0"]),
    st.text(alphabet=" \t\u30000123456789.eE+-ab宏伟", max_size=8),
)
COLUMNS = [(spec, column) for spec in (FILES["enterprises"], FILES["members"])
           for column in spec.columns if column.type == "str"]


def one_by_one(validator: _Validator, table: Table, column, raws: list[str], blank: object) -> list:
    return [blank if raw == "" and blank is not _REQUIRED else
            validator.parse_cell(table, number, column, column.name, raw, set())
            for number, raw in enumerate(raws, start=2)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(COLUMNS), st.lists(CELLS, min_size=1, max_size=6))
def test_a_column_read_whole_equals_its_cells_read_one_by_one(spec_column, raws):
    spec, column = spec_column
    table = Table(spec, f"{spec.name}.csv", [c.name for c in spec.columns])
    validator = _Validator()
    blank = validator.parse_cell(table, 0, column, column.name, None, set()) if not column.required else _REQUIRED
    whole = validator.plain_column(table, column, tuple(raws), blank)
    if whole is None:
        return                      # read cell by cell: the path compared against
    assert whole == one_by_one(validator, table, column, raws, blank)
    assert validator.problems == []  # a column read whole has nothing to report


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
