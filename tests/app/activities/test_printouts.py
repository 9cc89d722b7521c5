"""Printouts read back from the PDF: the sign-in sheet names the group's members on that day,
the activity record carries the details, minutes and attendance."""
from datetime import date

from pypdf import PdfReader

from app.activities.entry import create_activity
from app.activities.files import attach_files
from app.activities.inputs import ActivityInput, AttendanceInput
from app.reports.activity_record import activity_record
from app.reports.signin import signin_sheet
from db.models.roster import GroupMembership
from tests.app.activities.seed import make_township


def _text(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_signin_sheet_lists_members_on_that_day(store, tmp_path):
    town = make_township(store)
    with store.write("调整小组") as uow:
        old = uow.session.query(GroupMembership).filter_by(deputy_id=town.ids["王五"]).one()
        old.left_on = date(2026, 7, 1)
    path = signin_sheet(store, group_id=town.east, on=date(2026, 9, 1), path=tmp_path / "签到表.pdf",
                        theme="秋收调研", place="村委会")
    text = _text(path)
    assert "人大代表活动签到表" in text and "东片小组" in text and "秋收调研" in text and "2026年9月1日" in text
    assert "张三" in text and "李四" in text and "王五" not in text
    assert "请假原因" in text and "应到人数2人" in text


def test_activity_record_has_minutes_attendance_and_photo(store, tmp_path):
    from PIL import Image
    town = make_township(store)
    photo = tmp_path / "photo.png"
    Image.new("RGB", (60, 40), "red").save(photo)
    people = (AttendanceInput(town.ids["张三"]), AttendanceInput(town.ids["李四"], "请假", "外出务工"))
    result = create_activity(store, ActivityInput(
        kind="视察", start_date=date(2026, 5, 6), theme="防汛准备", group_id=town.east,
        start_time="08:30", end_time="12:30", minutes="察看堤防三处", attendance=people))
    attach_files(store, activity_id=result.activity_id, paths=[photo])
    path = activity_record(store, activity_id=result.activity_id, path=tmp_path / "记录.pdf")
    text = _text(path)
    for expected in ("人大代表活动记录表", "防汛准备", "东片小组", "察看堤防三处", "08:30—12:30",
                     "出席1人，请假1人，缺席0人", "外出务工", "活动照片"):
        assert expected in text, expected
    assert any(page.images for page in PdfReader(path).pages)
