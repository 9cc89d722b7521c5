"""督导检查 travels in the quarter's package: the presidium's visits of the period, read back the
same on the other computer, where 督导工作全覆盖 then counts the same groups."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from app.roster.groups import group_id_by_name
from app.statistics.periods import parse_period
from app.statistics.report import load_statistics
from app.supervision.records import SupervisionInput, record_supervision
from db.models.supervision import GroupSupervision
from tests.app.package.helpers import data_rows, edit_cell, export_q3, set_township, township_with_roster

TODAY = date(2026, 11, 22)


def _visits(store):
    with store.read() as s:
        group = group_id_by_name(s, "第一代表小组")
    for day, found in ((date(2026, 8, 18), "签到表缺两人签名"), (date(2026, 6, 30), "二季度的督导"),
                       (date(2026, 10, 1), "四季度的督导")):
        record_supervision(store, SupervisionInput(group, day, "实地督导", "李建国、王秀英", found), today=TODAY)


def test_the_periods_visits_go_and_come_back_the_same(store, other_store, tmp_path):
    township_with_roster(store)
    _visits(store)
    first = export_q3(store, tmp_path / "一.xlsx")
    rows = data_rows(first.path)["督导检查"]
    assert rows[0][:8] == ["编号", "报送类型", "代表小组编号", "代表小组", "督导日期", "方式", "主席团人员", "发现的问题及意见"]
    assert [r[7] for r in rows[1:]] == ["签到表缺两人签名"]          # Q3 only: 06-30 and 10-01 stay out
    set_township(other_store)
    apply_import(other_store, first.path)
    second = export_q3(other_store, tmp_path / "二.xlsx")
    assert data_rows(second.path)["督导检查"] == rows
    coverage = lambda s: next(c for c in load_statistics(s, period=parse_period("2026Q3"), today=TODAY)  # noqa: E731
                              .coverages if c.key == "groups")
    assert (coverage(other_store).covered, coverage(other_store).total) == (1, 1) == (
        coverage(store).covered, coverage(store).total)
    again = apply_import(other_store, first.path)
    assert again.preview.counts["督导检查"]["unchanged"] == 1 and again.written == 0


def test_a_way_not_in_the_list_is_a_refused_row_with_its_place(store, other_store, tmp_path):
    township_with_roster(store)
    _visits(store)
    pkg = export_q3(store, tmp_path / "一.xlsx")
    bad = edit_cell(pkg.path, "督导检查", row=2, header="方式", value="座谈", out=tmp_path / "改.xlsx")
    set_township(other_store)
    refusals = preview_import(other_store, bad).refusals
    assert [(r.sheet, r.row, r.column) for r in refusals] == [("督导检查", 2, "方式")]
    assert "座谈" in refusals[0].reason and "可选值" in refusals[0].reason
    apply_import(other_store, bad)
    with other_store.read() as s:
        assert s.scalars(select(GroupSupervision)).all() == []
