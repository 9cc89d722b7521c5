"""人代会 and 人代会出勤 travel: round trip, re-import, period scope, no duplicate meetings or attendance."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from app.package.export import export_package
from app.package.importer import apply_import, preview_import
from app.package.period import parse_quarter
from db.models.congress import CongressSession, SessionAttendance
from db.models.roster import Deputy
from tests.app.package.helpers import data_rows, edit_cell, export_q3, find_row, set_township, township_with_roster

STAMP = datetime(2026, 8, 1, 9, 30)


def add_session(store, *, at=STAMP) -> None:
    """第18届第5次会议, 2026-07-20..21 at 镇政府: 张三 出席, 李四 请假 (生病)."""
    with store.write("录入人代会") as uow:
        s = uow.session
        people = {d.name: d.id for d in s.scalars(select(Deputy)).all()}
        meeting = CongressSession(term=18, number=5, start_date=date(2026, 7, 20), end_date=date(2026, 7, 21),
                                  place="镇政府三楼会议室", updated_at=at)
        s.add(meeting)
        s.flush()
        s.add_all([SessionAttendance(session_id=meeting.id, deputy_id=people["张三"], status="出席", updated_at=at),
                   SessionAttendance(session_id=meeting.id, deputy_id=people["李四"], status="请假",
                                     reason="生病", updated_at=at)])


def test_sessions_and_attendance_round_trip(store, other_store, tmp_path):
    township_with_roster(store)
    add_session(store)
    first = export_q3(store, tmp_path / "一.xlsx")
    assert (first.sheets["人代会"], first.sheets["人代会出勤"]) == (1, 2)
    rows = data_rows(first.path)
    assert rows["人代会"][0][:8] == ["编号", "报送类型", "会议名称", "届次", "次数", "开始日期", "结束日期", "地点"]
    assert rows["人代会"][1][1:8] == ["本期", "第18届人民代表大会第5次会议", 18, 5, date(2026, 7, 20),
                                   date(2026, 7, 21), "镇政府三楼会议室"]
    leave = [r for r in rows["人代会出勤"][1:] if r[6] == "请假"]
    assert [(r[5], r[7]) for r in leave] == [("李四", "生病")]
    set_township(other_store)
    result = apply_import(other_store, first.path)
    assert result.written == 8 + 3 + 1 + 2      # roster (3 + 1 + 4), 3 group stays, the meeting, two attendance rows
    second = export_q3(other_store, tmp_path / "二.xlsx")
    assert data_rows(second.path) == data_rows(first.path)
    again = apply_import(other_store, first.path)
    assert again.written == 0
    assert again.preview.counts["人代会出勤"] == {"new": 0, "changed": 0, "unchanged": 2, "conflicts": 0}
    with other_store.read() as s:
        assert s.scalar(select(func.count(CongressSession.id))) == 1
        assert s.scalar(select(func.count(SessionAttendance.id))) == 2


def test_sessions_outside_the_period_stay_home(store, tmp_path):
    township_with_roster(store)
    add_session(store)
    pkg = export_package(store, out=tmp_path / "二季度.xlsx", period=parse_quarter("2026Q2"))
    rows = data_rows(pkg.path)
    assert (len(rows["人代会"]), len(rows["人代会出勤"])) == (1, 1)     # headings only


def test_a_changed_attendance_imports_as_a_change(store, other_store, tmp_path):
    township_with_roster(store)
    add_session(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    set_township(other_store)
    apply_import(other_store, pkg)
    row = find_row(pkg, "人代会出勤", "姓名", "张三")
    edit_cell(pkg, "人代会出勤", row=row, header="出勤", value="请假")
    edit_cell(pkg, "人代会出勤", row=row, header="请假原因", value="临时外出")
    edit_cell(pkg, "人代会出勤", row=row, header="最后修改", value=datetime(2026, 9, 1, 8, 0))
    preview = preview_import(other_store, pkg)
    assert preview.counts["人代会出勤"] == {"new": 0, "changed": 1, "unchanged": 1, "conflicts": 0}
    apply_import(other_store, pkg)
    with other_store.read() as s:
        assert s.execute(select(SessionAttendance.status, SessionAttendance.reason)
                         .join(Deputy).where(Deputy.name == "张三")).one() == ("请假", "临时外出")


def test_the_same_meeting_entered_on_both_sides_is_not_duplicated(store, other_store, tmp_path):
    township_with_roster(store)
    add_session(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    set_township(other_store)
    apply_import(other_store, pkg)
    # The other side deletes its copy's identity: same meeting and deputies under new uuids.
    with other_store.write("改编号") as uow:
        uow.session.scalars(select(CongressSession)).one().uuid = "00000000-0000-4000-8000-000000000001"
        for i, a in enumerate(uow.session.scalars(select(SessionAttendance)).all()):
            a.uuid = f"00000000-0000-4000-8000-00000000001{i}"
    apply_import(other_store, pkg)
    with other_store.read() as s:
        assert s.scalar(select(func.count(CongressSession.id))) == 1
        assert s.scalar(select(func.count(SessionAttendance.id))) == 2
