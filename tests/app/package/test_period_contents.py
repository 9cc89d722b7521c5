"""What a period's package holds, as the secretary means it: "the 第3季度 package is the events
dated July–September", whenever they were typed in, plus the whole current roster; and, marked
更正, records of earlier periods changed since the last package was sent."""
from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.demo import fill_demo
from app.package.export import export_package
from app.package.importer import apply_import, preview_import
from app.package.kinds import specs
from app.package.period import parse_quarter
from app.package.reader import read_package
from app.store import Store
from db.models.activity import Activity
from db.models.congress import CongressSession
from db.models.contact import ContactVisit
from db.models.roster import Deputy, DeputyGroup
from db.models.suggestion import Assignment, Closure, Reply, Suggestion
from tests.app.package.helpers import set_township, township_with_roster
from tests.app.package.records import add_records

V1_PACKAGE = Path(__file__).parents[2] / "fixtures" / "package_v1_2026Q3.xlsx"
Q3 = parse_quarter("2026Q3")


def sheet(path: Path, name: str) -> list[dict]:
    """The sheet's rows as dicts by header (calamine: blank cells as "")."""
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def export(store, tmp_path, code: str, name: str | None = None) -> Path:
    return export_package(store, out=tmp_path / (name or f"{code}.xlsx"), period=parse_quarter(code)).path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("演示") / "数据 文件夹", today=date(2026, 12, 4),
                       daily_backup=False)
    fill_demo(store)
    # Change times are kept to the second, and a change in the second a package is made counts as
    # after it: the packages below are made once the demo's last second is over.
    time.sleep(1.1)
    yield store
    store.close()


def test_the_third_quarter_package_is_the_events_dated_july_to_september(demo, tmp_path):
    path = export(demo, tmp_path, "2026Q3")
    in_q3 = lambda column: column.between(Q3.start, Q3.end)     # noqa: E731
    with demo.read() as s:
        activities = set(s.scalars(select(Activity.uuid).where(in_q3(Activity.start_date),
                                                               Activity.deleted_at.is_(None))))
        visits = set(s.scalars(select(ContactVisit.uuid).where(in_q3(ContactVisit.visited_on),
                                                               ContactVisit.deleted_at.is_(None))))
        meetings = set(s.scalars(select(CongressSession.uuid).where(in_q3(CongressSession.start_date))))
        received = set(s.scalars(select(Suggestion.uuid).where(in_q3(Suggestion.received_on))))
        deputies = s.scalar(select(func.count(Deputy.id)).where(Deputy.deleted_at.is_(None)))
        groups = s.scalar(select(func.count(DeputyGroup.id)).where(DeputyGroup.deleted_at.is_(None)))
    assert activities and visits and received     # the demo has all of them in the third quarter
    assert {r["编号"] for r in sheet(path, "活动记录")} == activities
    assert all(Q3.contains(r["开始日期"]) for r in sheet(path, "活动记录"))
    assert {r["活动编号"] for r in sheet(path, "出勤情况")} == activities
    assert {r["编号"] for r in sheet(path, "联系台账")} == visits
    assert {r["编号"] for r in sheet(path, "人代会")} == meetings
    sent = {r["编号"] for r in sheet(path, "意见建议")}
    assert received <= sent
    for extra in sent - received:        # received earlier, handled in the quarter
        assert _handled_in(demo, extra, Q3), extra
    # nothing was sent before: every dated row is the quarter's own
    for name in ("活动记录", "出勤情况", "联系台账", "人代会", "意见建议", "办理情况", "答复与测评"):
        assert {r["报送类型"] for r in sheet(path, name)} <= {"本期"}, name
    # the whole current roster goes with every package
    assert (len(sheet(path, "代表名册")), len(sheet(path, "代表小组"))) == (deputies, groups)


def test_the_fourth_quarter_package_holds_no_february_activity(demo, tmp_path):
    path = export(demo, tmp_path, "2026Q4", "四季度.xlsx")
    starts = [r["开始日期"] for r in sheet(path, "活动记录")]
    assert starts and all(d >= date(2026, 10, 1) for d in starts)


def _handled_in(store, uuid: str, period) -> bool:
    with store.read() as s:
        sid = s.scalar(select(Suggestion.id).where(Suggestion.uuid == uuid))
        days = [*s.scalars(select(Assignment.assigned_on).where(Assignment.suggestion_id == sid)),
                *s.scalars(select(Reply.replied_on).where(Reply.suggestion_id == sid)),
                *s.scalars(select(Reply.voted_on).where(Reply.suggestion_id == sid)),
                *s.scalars(select(Closure.closed_on).where(Closure.suggestion_id == sid))]
    return any(d is not None and period.contains(d) for d in days)


def test_a_september_meeting_typed_in_on_3_october_goes_with_the_third_quarter(store, tmp_path):
    township_with_roster(store)
    with store.write("补录九月的活动") as uow:
        uow.session.add(Activity(kind="小组活动", theme="九月小组活动", organiser="presidium",
                                 start_date=date(2026, 9, 28), updated_at=datetime(2026, 10, 3, 9, 0)))
    assert [r["主题"] for r in sheet(export(store, tmp_path, "2026Q3"), "活动记录")] == ["九月小组活动"]
    assert sheet(export(store, tmp_path, "2026Q4"), "活动记录") == []


def _sent_q3_then(store, tmp_path, change) -> list[dict]:
    """The township's records typed in, the Q3 package sent, `change` made: the Q4 package."""
    township_with_roster(store)
    add_records(store)
    export(store, tmp_path, "2026Q3")
    with store.write("修改") as uow:
        change(uow.session)
    return export(store, tmp_path, "2026Q4")


def test_a_change_to_an_earlier_quarters_record_after_sending_goes_as_a_correction(store, tmp_path):
    def change(s):
        s.scalars(select(Activity).where(Activity.theme == "调研乡村道路")).one().place = "青山村小学"
        s.scalars(select(Suggestion).where(Suggestion.number == "2026-002")).one().category = "水利"
    path = _sent_q3_then(store, tmp_path, change)
    assert [(r["报送类型"], r["主题"], r["地点"]) for r in sheet(path, "活动记录")] == [("更正", "调研乡村道路", "青山村小学")]
    # the whole activity goes again: each of its attendance rows, marked too
    assert [r["报送类型"] for r in sheet(path, "出勤情况")] == ["更正", "更正"]
    assert [(r["报送类型"], r["编号（台账）"], r["类别"]) for r in sheet(path, "意见建议")] == [("更正", "2026-002", "水利")]
    assert [(r["报送类型"], r["台账编号"]) for r in sheet(path, "办理情况")] == [("更正", "2026-002")]
    assert [r["报送类型"] for r in sheet(path, "答复与测评")] == ["更正"]
    # unchanged records of the third quarter stay home; the May inspection was never changed
    assert sheet(path, "联系台账") == []


def test_a_reply_given_in_the_fourth_quarter_is_the_fourth_quarters_own(store, tmp_path):
    def reply(s):
        road = s.scalars(select(Suggestion).where(Suggestion.number == "2026-001")).one()
        s.add(Reply(suggestion_id=road.id, assignment_id=road.assignments[0].id, replied_on=date(2026, 10, 20),
                    form="书面", content="已列入计划"))
    path = _sent_q3_then(store, tmp_path, reply)
    assert [(r["报送类型"], r["编号（台账）"]) for r in sheet(path, "意见建议")] == [("本期", "2026-001")]
    assert [(r["报送类型"], r["答复日期"]) for r in sheet(path, "答复与测评")] == [("本期", date(2026, 10, 20))]
    assert sheet(path, "活动记录") == []


def test_before_any_package_was_sent_there_is_nothing_to_correct(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    with store.write("修改") as uow:
        uow.session.execute(update(Activity).values(place="改过"))
    path = export(store, tmp_path, "2026Q4")
    assert sheet(path, "活动记录") == [] and sheet(path, "意见建议") == []


def test_a_record_in_the_recycle_bin_is_no_correction(store, tmp_path):
    def delete(s):
        s.scalars(select(Activity).where(Activity.theme == "调研乡村道路")).one().deleted_at = datetime(2026, 10, 9)
    assert sheet(_sent_q3_then(store, tmp_path, delete), "活动记录") == []


def test_a_format_1_package_from_an_older_copy_is_still_read_and_imported(store):
    # Made by the copy before format 2 (records changed in the period, no 报送类型 column).
    pkg = read_package(V1_PACKAGE, specs=specs())
    assert pkg.meta.format_version == 1
    assert (pkg.refusals, pkg.changed_sheets) == ([], [])      # its sheets hash as that copy wrote them
    activities = [v for _, v in pkg.rows["活动记录"]]
    assert [(a["theme"], a["start_date"], a.get("report")) for a in activities] == [("调研饮水安全", date(2026, 8, 5), None)]
    set_township(store)
    preview = preview_import(store, V1_PACKAGE)
    assert preview.counts["出勤情况"]["new"] == 2 and preview.refusals == []
    apply_import(store, V1_PACKAGE)
    with store.read() as s:
        assert s.scalar(select(Activity.theme)) == "调研饮水安全"
        assert s.scalar(select(Reply.result)) == "满意"
    assert apply_import(store, V1_PACKAGE).written == 0
