"""述职评议 travels in the quarter's package: the deputies who reported to voters in the period, with
the voters' 测评, read back the same on the other computer, where "who has not yet reported" then
names the same deputies. A row the report form would refuse is refused with its place."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from app.roster.listing import list_rows
from app.voter_reports.reading import missing, year_reports
from app.voter_reports.records import ReportInput, enter_evaluation, record_report
from db.models.voter_report import VoterReport
from tests.app.package.helpers import data_rows, edit_cell, export_q3, set_township, township_with_roster

TODAY = date(2026, 11, 22)


def _reports(store) -> None:
    with store.read() as s:
        ids = {r.name: r.id for r in list_rows(s)}
    q3 = record_report(store, ReportInput(ids["张三"], date(2026, 8, 18), "青山村村委会", 30, "一年来的履职情况"),
                       today=TODAY)
    enter_evaluation(store, report_id=q3, satisfied=25, basically=4, unsatisfied=1)
    record_report(store, ReportInput(ids["李四"], date(2026, 10, 9), "石门村", 12, "四季度述职"), today=TODAY)


def test_the_periods_reports_go_and_come_back_the_same(store, other_store, tmp_path):
    township_with_roster(store)
    _reports(store)
    first = export_q3(store, tmp_path / "一.xlsx")
    rows = data_rows(first.path)["述职评议"]
    assert rows[0][:11] == ["编号", "报送类型", "代表编号", "代表", "述职日期", "述职地点", "到会选民",
                            "满意票", "基本满意票", "不满意票", "述职报告"]
    # Q3 only: 李四's report of 10-09 stays out; the counts as entered.
    assert [(r[3], r[5], r[6], r[7], r[8], r[9]) for r in rows[1:]] == [("张三", "青山村村委会", 30, 25, 4, 1)]
    set_township(other_store)
    apply_import(other_store, first.path)
    [got] = year_reports(other_store, year=2026)
    assert (got.deputy, got.reported_on, got.voters_present, got.evaluation, got.text) == (
        "张三", date(2026, 8, 18), 30, "满意 25，基本满意 4，不满意 1", "一年来的履职情况")
    # Who has not yet reported this year, on the other computer: 李四 (his Q4 report has not been sent).
    assert [name for _, name in missing(other_store, year=2026)] == ["李四"]
    second = export_q3(other_store, tmp_path / "二.xlsx")
    assert data_rows(second.path)["述职评议"] == rows
    again = apply_import(other_store, first.path)
    assert again.preview.counts["述职评议"]["unchanged"] == 1 and again.written == 0


@pytest.mark.parametrize(("header", "value", "column", "words"), [
    ("不满意票", "", "不满意票", "要么都填"),
    ("满意票", -2, "满意票", "负数"),
    ("满意票", 40, "满意票", "多于到会选民 30 人"),
    ("到会选民", 0, "到会选民", "至少 1 人"),
    ("述职日期", date(2027, 1, 5), "述职日期", "还没到"),
])
def test_a_row_the_form_would_refuse_is_refused_with_its_place(store, other_store, tmp_path, header, value,
                                                                 column, words):
    township_with_roster(store)
    _reports(store)
    pkg = export_q3(store, tmp_path / "一.xlsx")
    bad = edit_cell(pkg.path, "述职评议", row=2, header=header, value=value, out=tmp_path / "改.xlsx")
    set_township(other_store)
    refusals = preview_import(other_store, bad).refusals
    assert [(r.sheet, r.row, r.column) for r in refusals] == [("述职评议", 2, column)]
    assert words in refusals[0].reason
    apply_import(other_store, bad)
    with other_store.read() as s:
        assert s.scalars(select(VoterReport)).all() == []


def test_a_row_without_the_reports_text_keeps_the_text_here(store, other_store, tmp_path):
    township_with_roster(store)
    _reports(store)
    pkg = export_q3(store, tmp_path / "一.xlsx")
    set_township(other_store)
    apply_import(other_store, pkg.path)
    blank = edit_cell(pkg.path, "述职评议", row=2, header="述职报告", value="", out=tmp_path / "空.xlsx")
    apply_import(other_store, blank)
    [got] = year_reports(other_store, year=2026)
    assert got.text == "一年来的履职情况"
