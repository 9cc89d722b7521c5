"""An import says what it will do and does exactly that: a partly filled county reply is stored as far
as it goes or refused where it stops; after any import the same file previews as no change; a value
changed here since the package was made is a conflict; a row taken out of a sheet is named."""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from db.models.roster import Deputy
from db.models.suggestion import Reply, Suggestion
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster
from tests.app.package.records import add_records
from tests.app.package.test_county_reply import reply_package  # noqa: F401 (fixture)


def moved(preview) -> list:
    return [(c.sheet, c.title, c.status) for c in preview.changes if c.status != "unchanged"]


def road_replies(store) -> list[Reply]:
    with store.read() as s:
        road = s.scalar(select(Suggestion).where(Suggestion.number == "2026-001"))
        return [(r.replied_on, r.content, r.result) for r in road.replies]


def test_county_reply_text_without_a_date_takes_the_import_date_and_says_so(store, reply_package):
    row = find_row(reply_package, "答复与测评", "台账编号", "2026-001")
    edit_cell(reply_package, "答复与测评", row=row, header="答复内容", value="已列入明年道路计划")
    preview = preview_import(store, reply_package)
    assert moved(preview) == [("答复与测评", "2026-001 第1轮答复", "new")]
    assert any(f"第 {row} 行" in w and "答复日期" in w and "导入当天" in w for w in preview.warnings)
    result = apply_import(store, reply_package)
    assert result.written == 1
    assert road_replies(store) == [(date.today(), "已列入明年道路计划", None)]
    assert moved(preview_import(store, reply_package)) == []


def test_county_result_without_a_reply_is_refused_naming_the_row_and_column(store, reply_package):
    row = find_row(reply_package, "答复与测评", "台账编号", "2026-001")
    edit_cell(reply_package, "答复与测评", row=row, header="测评结果", value="满意")
    preview = preview_import(store, reply_package)
    assert [(r.sheet, r.row, r.column) for r in preview.refusals] == [("答复与测评", row, "答复内容")]
    assert moved(preview) == []
    assert apply_import(store, reply_package).written == 0
    assert road_replies(store) == []


def test_every_sheet_settles_after_an_edited_package_is_imported(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    wb = load_workbook(pkg)
    edits = {"代表小组": "备注", "代表名册": "住址", "代表层级": "选区", "活动记录": "地点",
             "出勤情况": "请假原因", "联系台账": "内容", "意见建议": "内容", "办理情况": "备注",
             "答复与测评": "答复单位"}
    for sheet, header in edits.items():
        ws = wb[sheet]
        col = [c.value for c in ws[1]].index(header) + 1
        ws.cell(row=2, column=col, value=f"县里改过的{header}")
    wb.save(pkg)
    preview = preview_import(store, pkg)
    assert {c.sheet for c in preview.changes if c.status == "changed"} == set(edits)
    apply_import(store, pkg)
    again = preview_import(store, pkg)
    assert moved(again) == []
    assert again.refusals == []


def test_a_value_changed_by_an_earlier_copy_is_a_conflict_not_put_back(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    row = find_row(pkg, "代表名册", "姓名", "李四")
    first = edit_cell(pkg, "代表名册", row=row, header="联系电话", value="13900139000", out=tmp_path / "甲.xlsx")
    second = edit_cell(pkg, "代表名册", row=row, header="住址", value="青山村二组", out=tmp_path / "乙.xlsx")
    apply_import(store, first)
    preview = preview_import(store, second)
    [conflict] = preview.conflicts
    assert ("联系电话", "13900139000", "13800138000") in [(d.header, d.local, d.incoming) for d in conflict.diffs]
    apply_import(store, second)
    with store.read() as s:
        assert s.scalar(select(Deputy.phone).where(Deputy.name == "李四")) == "13900139000"


def test_a_row_taken_out_of_a_sheet_is_named_and_nothing_is_deleted(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    wb = load_workbook(pkg)
    ws = wb["代表名册"]
    ws.delete_rows(find_row(pkg, "代表名册", "姓名", "李四"))
    wb.save(pkg)
    preview = preview_import(store, pkg)
    [missing] = preview.missing
    assert missing.sheet == "代表名册" and "李四" in missing.titles
    assert any("李四" in w and "不会删除" in w for w in preview.warnings)
    apply_import(store, pkg)
    with store.read() as s:
        assert s.scalar(select(Deputy.id).where(Deputy.name == "李四")) is not None


def test_every_sheet_of_the_demo_settles_after_an_edited_package_is_imported(tmp_path):
    from app.demo import fill_demo
    from app.package.columns import TEXT, is_code
    from app.package.export import export_package
    from app.package.kinds import all_kinds
    from app.package.period import date_range
    from app.store import Store
    with Store.open(tmp_path / "演示", today=date(2026, 11, 22)) as demo:
        fill_demo(demo)
        # The package is made after the last save: a save in the package's own second counts as made
        # after it (a conflict), which is not what this test is about.
        start = int(time.time())
        while int(time.time()) == start:
            time.sleep(0.05)
        pkg = export_package(demo, out=tmp_path / "包.xlsx", period=date_range(date(2000, 1, 1), date(2030, 12, 31)),
                             full_ids=True).path
        book = load_workbook(pkg)
        edited = {}
        for kind in all_kinds():
            texts = [c for c in kind.spec.columns if c.key in kind.compare_keys and c.kind == TEXT
                     and not is_code(c) and not c.required and c.key not in ("phone", "start_time", "end_time")]
            if kind.spec.name not in book.sheetnames or book[kind.spec.name].max_row < 2 or not texts:
                continue
            sheet = book[kind.spec.name]
            header = next((c.header for c in texts if c.key in ("notes", "note", "content", "place", "reason")),
                          texts[-1].header)
            col = [c.value for c in sheet[1]].index(header) + 1
            sheet.cell(row=2, column=col, value=f"县里改过的{header}")
            edited[kind.spec.name] = header
        book.save(pkg)
        assert len(edited) >= 10, edited
        preview = preview_import(demo, pkg)
        assert {c.sheet for c in preview.changes if c.status == "changed"} == set(edited)
        apply_import(demo, pkg)
        again = preview_import(demo, pkg)
        assert [(c.sheet, c.diffs) for c in again.changes if c.status != "unchanged"] == [] and again.refusals == []


def test_an_explanation_for_an_open_suggestion_is_refused_not_promised(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    row = find_row(pkg, "意见建议", "编号（台账）", "2026-001")
    edit_cell(pkg, "意见建议", row=row, header="办结说明", value="已协调解决")
    preview = preview_import(store, pkg)
    assert [(r.sheet, r.row, r.column) for r in preview.refusals] == [("意见建议", row, "办结日期")]
    assert moved(preview) == []
