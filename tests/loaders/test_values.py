import datetime as dt

import pytest
from hypothesis import given, strategies as st

from partygraph.loaders.values import credit_code_problem, parse_bool, parse_date, parse_int, parse_list

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@pytest.mark.parametrize("word,expected", [("true", True), ("YES", True), ("1", True), ("是", True),
                                           ("false", False), ("no", False), ("0", False), ("否", False)])
def test_booleans_in_every_listed_spelling(word, expected):
    assert parse_bool(word) is expected


@pytest.mark.parametrize("word", ["maybe", "", "2"])
def test_other_words_are_not_booleans(word):
    with pytest.raises(ValueError, match="expected a yes/no value"):
        parse_bool(word)


@given(st.dates(min_value=dt.date(1921, 7, 1), max_value=dt.date(2100, 12, 31)))
def test_every_date_spelling_reads_back_the_same_day(day):
    spellings = [day.isoformat(), f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日",
                 f"{day.year}.{day.month}.{day.day}", dt.datetime(day.year, day.month, day.day)]
    assert {parse_date(s) for s in spellings} == {day.isoformat()}


@pytest.mark.parametrize("word", ["2013-02-30", "20130620", "June 2013", "2013年6月"])
def test_impossible_or_partial_dates_are_refused(word):
    with pytest.raises(ValueError, match="expected a date"):
        parse_date(word)


def test_whole_numbers_accept_thousands_separators_and_excel_floats():
    assert [parse_int("2,000"), parse_int(2000.0), parse_int(" 37 ")] == [2000, 2000, 37]
    for bad in ("2000+", "-3", "1.5", 1.5):
        with pytest.raises(ValueError):
            parse_int(bad)


def test_lists_split_on_every_listed_separator():
    assert parse_list("E1;E2；E3、E4,E5，E6 ; ") == ["E1", "E2", "E3", "E4", "E5", "E6"]


@given(st.text(ALPHABET, min_size=17, max_size=17))
def test_exactly_one_check_character_completes_a_credit_code(body):
    valid = [ch for ch in ALPHABET if credit_code_problem(body + ch) is None]
    assert len(valid) == 1


def test_published_credit_codes_validate_and_a_changed_one_does_not():
    assert credit_code_problem("91350100M000100Y43") is None
    assert credit_code_problem("91110000600037341L") is None
    assert "check character should be L" in credit_code_problem("91110000600037341M")
    assert "18 characters" in credit_code_problem("9111000060003734")
