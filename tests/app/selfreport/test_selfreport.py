"""Deputies' self-report, offline. What the secretary understands by it: the form sent out lists
what the records already hold of each deputy's period, with blank rows to add what is missing;
what comes back changes no record until the secretary approves it, and a returned file with any
bad row is refused whole, the Chinese message naming sheet, row, column and field."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.contacts.ledgers import add_household, add_visit, add_voter
from app.selfreport import SelfReportError
from app.selfreport.export import export_form
from app.selfreport.review import decide, import_returned, list_entries
from app.statistics.periods import parse_period
from app.suggestions.ledger import register_suggestion
from db.models.activity import Activity, Attendance
from db.models.contact import ContactVisit
from db.models.roster import Deputy
from db.models.suggestion import Suggestion

TODAY = date(2026, 11, 22)
Q3 = parse_period("2026Q3")


@pytest.fixture
def town(store):
    with store.write("准备") as uow:
        zhang, li = Deputy(name="张三"), Deputy(name="李四")
        uow.session.add_all([zhang, li])
        uow.session.flush()
        voter = add_voter(uow, deputy_id=zhang.id, name="王大爷", village="青山村")
        add_household(uow, deputy_id=li.id, head_name="刘婶", village="石桥村")
        add_visit(uow, deputy_id=zhang.id, visited_on=date(2026, 7, 8), voter_id=voter, content="了解用水")
        register_suggestion(uow, title="村道修缮", content="", lead_deputy_id=zhang.id,
                            received_on=date(2026, 8, 3), category="基础设施")
        # Two activities on 10 September; 张三 recorded absent from the inspection, 李四 not at all.
        inspection = Activity(kind="视察", start_date=date(2026, 9, 10), theme="村道视察", organiser="presidium")
        inspection.attendance.append(Attendance(deputy_id=zhang.id, status="缺席"))
        uow.session.add_all([inspection, Activity(kind="学习培训", start_date=date(2026, 9, 10), theme="履职培训",
                                                  organiser="presidium")])
        return {"张三": zhang.id, "李四": li.id}


def _form(store, town, tmp_path):
    return export_form(store, deputy_ids=list(town.values()), period=Q3, path=tmp_path / "填报表.xlsx")


def _fill(path, sheet, row, values):
    book = load_workbook(path)
    for column, value in values.items():
        book[sheet][f"{column}{row}"] = value
    book.save(path)
    if any("CTRL" in str(v) for v in values.values()):
        _control_character(path)


def _control_character(path):
    """A control character as Excel stores one (_x0007_), which openpyxl will not write."""
    import zipfile
    parts = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            parts[info.filename] = zf.read(info).replace(b"CTRL", b"_x0007_")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def _counts(store):
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(ContactVisit)),
                s.scalar(select(func.count()).select_from(Suggestion)))


def test_the_form_lists_the_records_and_leaves_blank_rows(store, town, tmp_path):
    path = _form(store, town, tmp_path)
    book = load_workbook(path)
    assert book.sheetnames == ["填表说明", "参加活动", "走访选民", "意见建议"]
    visits = [[c.value for c in row] for row in book["走访选民"].iter_rows(min_row=3)]
    assert visits[0] == ["张三", "2026-07-08", "王大爷", "上门走访", "了解用水", "已登记"]
    assert [r[0] for r in visits[1:]] == ["张三"] * 5 + ["李四"] * 5 and not any(visits[1][1:])
    assert book["意见建议"]["F3"].value == "已登记（2026-001）"
    assert not list(tmp_path.glob(".保存中-*"))


def test_returned_rows_wait_for_review_then_reach_the_records(store, town, tmp_path):
    path = _form(store, town, tmp_path)
    _fill(path, "走访选民", 5, {"B": "2026-09-12", "C": "王大爷", "E": "回访用水问题"})     # 张三's 2nd blank row
    _fill(path, "走访选民", 9, {"B": date(2026, 9, 1), "C": "刘婶", "D": "电话"})            # 李四's first
    _fill(path, "意见建议", 9, {"B": "2026年9月20日", "C": "增设路灯", "E": "基础设施"})
    assert import_returned(store, path=path, today=TODAY).added == 3
    assert _counts(store) == (1, 1)                            # nothing reaches the records yet
    assert import_returned(store, path=path, today=TODAY).repeated == 3   # the same file again adds nothing
    rows = list_entries(store)
    assert [(r.kind, r.deputy, r.on) for r in rows] == [
        ("走访选民", "张三", "2026-09-12"), ("走访选民", "李四", "2026-09-01"), ("意见建议", "李四", "2026-09-20")]
    assert rows[1].summary.startswith("刘婶（电话）")
    decide(store, entry_ids=[rows[0].id, rows[2].id], approve=True, today=TODAY)
    decide(store, entry_ids=[rows[1].id], approve=False, today=TODAY)
    assert _counts(store) == (2, 2) and list_entries(store) == []
    with store.read() as s:
        assert s.scalar(select(Suggestion.title).where(Suggestion.lead_deputy_id == town["李四"])) == "增设路灯"
    with pytest.raises(SelfReportError, match="已采纳，不能再退回"):
        decide(store, entry_ids=[rows[0].id], approve=False, today=TODAY)


def test_a_missed_attendance_claimed_on_the_form_is_recorded_once_approved(store, town, tmp_path):
    path = _form(store, town, tmp_path)
    book = load_workbook(path)
    assert [c.value for c in book["参加活动"][3]] == ["张三", "2026-09-10", "视察", "村道视察", "缺席", None, "已登记"]
    _fill(path, "参加活动", 4, {"B": "2026-09-10", "D": "村道视察", "E": "出席"})                  # 张三
    _fill(path, "参加活动", 9, {"B": "2026-09-10", "D": "履职培训", "E": "请假", "F": "外出务工"})  # 李四
    assert import_returned(store, path=path, today=TODAY).added == 2
    rows = list_entries(store)
    assert [(r.kind, r.deputy, r.summary) for r in rows] == [
        ("参加活动", "张三", "村道视察：出席"), ("参加活动", "李四", "履职培训：请假（外出务工）")]
    with store.read() as s:
        assert s.scalar(select(Attendance.status).where(Attendance.deputy_id == town["张三"])) == "缺席"
    decide(store, entry_ids=[r.id for r in rows], approve=True, today=TODAY)
    with store.read() as s:
        found = {(a.deputy_id, a.status, a.reason) for a in s.scalars(select(Attendance))}
    assert found == {(town["张三"], "出席", ""), (town["李四"], "请假", "外出务工")}


@pytest.mark.parametrize("sheet, row, values, message", [
    ("参加活动", 4, {"B": "2026-09-10", "E": "出席"}, "D 列（主题）：2026-09-10 有 2 次活动，请填写与已登记一致的主题"),
    ("参加活动", 4, {"B": "2026-09-11", "E": "出席"}, "B 列（活动日期）：2026-09-11 没有登记活动"),
    ("参加活动", 4, {"B": "2026-09-10", "D": "村道视察", "E": "缺席"}, "E 列（出勤（出席/请假））：出勤应填“出席”或“请假”"),
    ("参加活动", 4, {"B": "2026-09-10", "D": "村道视察", "E": "请假"}, "F 列（请假原因）：请假须写明原因"),
    ("走访选民", 4, {"B": "2026-09-31", "C": "王大爷"}, "“走访选民”第 4 行 B 列（走访日期）：“2026-09-31”不是日期"),
    ("走访选民", 4, {"B": "2026-09-01", "C": "陌生人"}, "第 4 行 C 列（走访对象（联系选民或帮扶户））：“陌生人”不是张三联系台账中的"),
    ("走访选民", 4, {"B": "2026-12-01", "C": "王大爷"}, "B 列（走访日期）：日期 2026-12-01 还没到"),
    ("意见建议", 4, {"B": "2026-09-01", "C": "标CTRL题"}, "“意见建议”第 4 行 C 列（标题）：“标题”第 2 个字是不可见的控制字符"),
    ("意见建议", 4, {"B": "2026-09-01", "C": "很长" * 101}, "C 列（标题）：“标题”有 202 个字，超过了 200 个字的上限"),
    ("意见建议", 4, {"A": "王五", "B": "2026-09-01", "C": "路灯"}, "A 列（姓名）：“王五”不在本表的代表名单中"),
    ("意见建议", 4, {"B": "2026-09-01", "C": "路灯", "E": "天文"}, "E 列（类别）：类别“天文”不在本镇的意见建议类别中"),
    ("意见建议", 4, {"B": "2026-09-01", "D": "只有内容"}, "C 列（标题）：请填写意见建议的标题"),
    ("意见建议", 2, {"C": "题目"}, "“意见建议”页第 2 行表头被改动"),
    ("填表说明", 8, {"B": "赵六"}, "“填表说明”第 8 行：代表名单中的“赵六”"),
])
def test_a_bad_row_refuses_the_whole_file_naming_where(store, town, tmp_path, sheet, row, values, message):
    path = _form(store, town, tmp_path)
    _fill(path, "走访选民", 9, {"B": "2026-09-01", "C": "刘婶"})          # a good row, refused with the file
    _fill(path, sheet, row, values)
    with pytest.raises(SelfReportError) as refused:
        import_returned(store, path=path, today=TODAY)
    text = str(refused.value)
    assert message in text and ("表头" in message or "未导入任何内容" in text)
    assert list_entries(store, status=None) == [] and _counts(store) == (1, 1)


def test_an_outside_file_goes_through_the_workbook_check_first(store, town, tmp_path):
    fake = tmp_path / "交回.xlsx"
    fake.write_bytes(b"not a workbook at all")
    with pytest.raises(SelfReportError, match="交回.xlsx"):
        import_returned(store, path=fake, today=TODAY)
    assert list_entries(store, status=None) == []


def test_a_batch_with_one_entry_that_cannot_be_approved_changes_nothing(store, town, tmp_path):
    from app.contacts.ledgers import remove_voter
    from db.models.contact import FixedVoter
    path = _form(store, town, tmp_path)
    _fill(path, "走访选民", 5, {"B": "2026-09-12", "C": "王大爷"})
    _fill(path, "意见建议", 9, {"B": "2026-09-20", "C": "增设路灯"})
    import_returned(store, path=path, today=TODAY)
    with store.read() as s:
        voter = s.scalar(select(FixedVoter.id).where(FixedVoter.name == "王大爷"))
    remove_voter(store, voter_id=voter)              # gone from the ledger since the form came back
    ids = [r.id for r in list_entries(store)]
    with pytest.raises(SelfReportError, match="第 5 行：走访对象“王大爷”已不在该代表的联系台账中"):
        decide(store, entry_ids=ids, approve=True, today=TODAY)
    assert _counts(store) == (1, 1) and len(list_entries(store)) == 2


def test_a_form_for_one_deputy_holds_only_that_deputy(store, town, tmp_path):
    from app.selfreport.export import form_scopes
    scopes = dict(form_scopes(store))
    assert scopes["全体在任代表"] == [town["张三"], town["李四"]] and scopes["李四"] == [town["李四"]]
    path = export_form(store, deputy_ids=scopes["李四"], period=Q3, path=tmp_path / "李四.xlsx")
    book = load_workbook(path)
    for sheet in ("参加活动", "走访选民", "意见建议"):
        assert {row[0].value for row in book[sheet].iter_rows(min_row=3)} == {"李四"}
    guide = [[c.value for c in row] for row in book["填表说明"].iter_rows() if row[0].value == str(town["李四"])]
    assert guide == [[str(town["李四"]), "李四", None]]
