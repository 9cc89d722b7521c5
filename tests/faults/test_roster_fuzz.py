"""Fuzzing the roster import with mutated valid rosters: never a crash, never a partial write,
every refused row located by sheet, row and column."""
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from app.roster.importer import apply_import, preview_import
from app.roster.listing import roster_rows
from app.roster_sheet import RosterSheetError
from app.store import Store
from tests.faults.rosters import HEADINGS, configure_township, rows, write_roster

BASE = rows(6)
JUNK = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30), st.integers(-10 ** 20, 10 ** 20),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(),
    st.sampled_from(["=1+1", "男性", "村级", "19850230", "4212811985031212A3", " ", "\t",
                     "1" * 18, "13800000000.5", "第一代表小组\n第二代表小组"]))
MUTATION = st.tuples(st.integers(0, len(BASE) - 1), st.integers(1, len(HEADINGS) - 1), JUNK)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutations=st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_roster_imports_all_or_nothing_with_located_refusals(tmp_path_factory, mutations):
    table = [list(r) for r in BASE]
    for row, column, value in mutations:
        if isinstance(value, str) and value.startswith("="):
            value = "'" + value     # openpyxl would write it as a formula
        table[row][column] = value
    folder = tmp_path_factory.mktemp("模糊")
    path = write_roster(folder / "名册.xlsx", table)
    with Store.open(folder / "数据", daily_backup=False) as store:
        configure_township(store)
        try:
            preview = preview_import(store, path=path)
        except RosterSheetError as exc:   # a whole-file refusal, in Chinese
            assert str(exc) and not roster_rows(store)
            return
        for refusal in preview.refused:
            assert refusal.sheet == "代表名册" and 2 <= refusal.row <= len(BASE) + 1
            assert refusal.column and refusal.reason
        done = apply_import(store, path=path, on=date(2026, 3, 2))
        written = len(roster_rows(store))
        assert written == len(done.of_kind("new")) == preview.summary()["new"]
        refused_rows = {r.row for r in preview.refused}
        assert written <= len(BASE) - len(refused_rows)
