"""The demo township's leave requests say what the rule says: each approved one for a held
meeting is that deputy's 请假 there with the approved reason; the refused one stays 缺席."""
import shutil

import pytest
from sqlalchemy import select

from app.demo import fill_demo
from app.leave.views import leave_rows
from app.paths import DB_FILE
from app.store import Store
from db.models.activity import Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.leave import LeaveRequest


@pytest.fixture(scope="module")
def demo(tmp_path_factory, migrated_template):
    folder = tmp_path_factory.mktemp("demo")
    shutil.copyfile(migrated_template, folder / DB_FILE)
    store = Store.open(folder, daily_backup=False)
    fill_demo(store)
    yield store
    store.close()


def test_demo_has_requests_of_each_decision(demo):
    decisions = {r.decision for r in leave_rows(demo, year=2026)}
    assert {"批准", "不批准"} <= decisions
    assert len(leave_rows(demo, year=2026)) >= 6


def test_demo_attendance_follows_the_decisions(demo):
    with demo.read() as s:
        requests = s.scalars(select(LeaveRequest).where(LeaveRequest.decision != "待审批")).all()
        for request in requests:
            if request.activity_id is not None:
                row = s.scalar(select(Attendance).where(Attendance.activity_id == request.activity_id,
                                                        Attendance.deputy_id == request.deputy_id))
            else:
                row = s.scalar(select(SessionAttendance).where(SessionAttendance.session_id == request.session_id,
                                                               SessionAttendance.deputy_id == request.deputy_id))
            if row is None:          # a session not yet held: nothing recorded yet
                continue
            expected = ("请假", request.reason) if request.decision == "批准" else ("缺席", "")
            assert (row.status, row.reason) == expected, request.reason


def test_demo_december_session_notice_invites_every_deputy_in_office(demo, tmp_path):
    from datetime import date

    from pypdf import PdfReader

    from app.congress.reading import township_deputies
    from app.reports.meeting_notice import NoticeDetails, meeting_notice
    with demo.read() as s:
        december = s.scalar(select(CongressSession.id).where(CongressSession.start_date == date(2026, 12, 18)))
        in_office = township_deputies(s, term=18, on=date(2026, 12, 18))
    path = meeting_notice(demo, details=NoticeDetails(date(2026, 12, 1), date(2026, 12, 12)), session_id=december,
                          path=tmp_path / "通知.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert f"共{len(in_office)}人" in text and len(in_office) > 30
    assert all(name in text for _i, name in in_office)


def test_demo_reports_to_voters_with_evaluations_and_deputies_still_to_report(demo):
    from app.voter_reports.reading import missing, year_reports
    reports = year_reports(demo, year=2026)
    assert len(reports) == 6                          # the demo day is 20 November or later
    assert sum(1 for r in reports if r.evaluated) == 5 and not reports[-1].evaluated
    for r in reports:
        if r.evaluated:
            assert r.satisfied + r.basically + r.unsatisfied <= r.voters_present
    assert len(missing(demo, year=2026)) > 30         # most deputies have not reported yet
