"""监督 of a livelihood project from the screens: a check recorded as an activity with
the group present, a check linked to an activity already recorded, and the year-end survey."""
from __future__ import annotations

from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.activities.reading import get_activity
from app.congress.sessions import SessionAttendanceInput as Att, SessionInput, create_session
from app.livelihood.service import project_rows
from app.livelihood.steps import Proposal, propose, record_vote, review, shortlist
from tests.app.congress.helpers import deputies, township
from ui.congress.check_dialog import CheckDialog
from ui.congress.panel import CongressPanel
from ui.congress.survey_dialog import SurveyDialog
from ui.context import AppContext
from ui.qt import QMessageBox


@pytest.fixture
def ctx(store):
    township(store)
    people = deputies(store, ["张三", "李四", "王五"], group="第一代表小组")
    sid = create_session(store, SessionInput(start_date=date(2026, 2, 1), attendance=tuple(Att(p) for p in people)))
    ids = [propose(store, Proposal(2026, t, date(2026, 1, 5), proposer="村委会")) for t in ("通组公路硬化", "集镇路灯改造")]
    shortlist(store, year=2026, chosen=set(ids), on=date(2026, 1, 10))
    for pid, votes in zip(ids, (2, 1)):
        review(store, project_id=pid, on=date(2026, 1, 20))
        # 3 deputies: more than half is 2, so the first passes and the second fails.
        record_vote(store, project_id=pid, session_id=sid, votes_for=votes, votes_against=0, votes_abstain=0)
    return AppContext(store)


def _project(ctx, title):
    return next(r for r in project_rows(ctx.store, year=2026) if r.title == title)


def test_a_check_recorded_as_a_group_inspection(qtbot, ctx):
    dialog = CheckDialog(ctx, project=_project(ctx, "通组公路硬化"), on=date(2026, 6, 12))
    qtbot.addWidget(dialog)
    dialog.group.setCurrentIndex(dialog.group.findText("第一代表小组"))
    dialog.place.setText("青山村三组")
    dialog.progress.insertPlainText("路基完成六成，雨季排水沟需加固")
    assert dialog.save() is not None
    [check] = _project(ctx, "通组公路硬化").checks
    assert (check.on, check.kind, check.group, check.theme) == (
        date(2026, 6, 12), "视察", "第一代表小组", "通组公路硬化进展情况视察")
    assert check.progress == "路基完成六成，雨季排水沟需加固"
    assert _project(ctx, "通组公路硬化").stage == "监督"
    with ctx.store.read() as session:
        view = get_activity(session, check.activity_id)
    assert sorted(a.status for a in view.data.attendance) == ["出席", "出席", "出席"]


def test_a_check_linked_to_an_activity_already_recorded(qtbot, ctx):
    create_activity(ctx.store, ActivityInput(kind="专题调研", start_date=date(2026, 7, 3), theme="农村道路养护",
                                             organiser="presidium", start_time="08:30", end_time="12:00"))
    dialog = CheckDialog(ctx, project=_project(ctx, "通组公路硬化"))
    qtbot.addWidget(dialog)
    dialog.link_button.setChecked(True)
    assert not dialog.theme.isEnabled() and dialog.activity.isEnabled()
    assert dialog.activity.currentText() == "2026-07-03 乡镇人大主席团 专题调研：农村道路养护"
    dialog.progress.insertPlainText("已完工 3 公里")
    assert dialog.save() is not None
    [check] = _project(ctx, "通组公路硬化").checks
    assert (check.theme, check.progress) == ("农村道路养护", "已完工 3 公里")


def test_a_failed_project_cannot_be_checked(qtbot, ctx, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = CheckDialog(ctx, project=_project(ctx, "集镇路灯改造"), on=date(2026, 6, 12))
    qtbot.addWidget(dialog)
    assert dialog.save() is None
    assert warnings == ["项目《集镇路灯改造》票决未通过，不能进行监督和测评"]


def test_year_end_survey_shows_the_rate_and_saves(qtbot, ctx):
    dialog = SurveyDialog(ctx, project=_project(ctx, "通组公路硬化"))
    qtbot.addWidget(dialog)
    assert dialog.on.date().toPython() == date(2026, 12, 20)
    dialog.satisfied.setValue(30)
    dialog.basically.setValue(10)
    dialog.unsatisfied.setValue(5)
    # (30 + 10) / 45 = 88.9%
    assert dialog.rate.text() == "88.9%（40/45）"
    assert dialog.save()
    row = _project(ctx, "通组公路硬化")
    assert (row.stage, row.satisfied, row.basically_satisfied, row.unsatisfied) == ("监督", 30, 10, 5)
    dialog.grab().save("/tmp/congress_survey.png")


def test_the_tab_lists_the_selected_projects_checks(qtbot, ctx):
    dialog = CheckDialog(ctx, project=_project(ctx, "通组公路硬化"), on=date(2026, 6, 12))
    qtbot.addWidget(dialog)
    dialog.progress.insertPlainText("路基完成六成")
    dialog.save()
    panel = CongressPanel(ctx, year=2026)
    qtbot.addWidget(panel)
    tab = panel.projects
    assert tab.checks.rowCount() == 0
    assert tab.steps.text().startswith("群众点单（征集） → 代表定单（酝酿 → 筛选 → 票决） → 政府领单（实施）")
    tab.select(_project(ctx, "集镇路灯改造").id)
    assert "<b>票决</b>" in tab.steps.text() and tab.steps.text().endswith("集镇路灯改造：未通过")
    tab.select(_project(ctx, "通组公路硬化").id)
    assert [tab.checks.data(tab.checks.index(0, c)) for c in range(4)] == [
        "2026-06-12", "主席团 视察", "通组公路硬化进展情况视察", "路基完成六成"]
    assert "人大验单（<b>监督</b>）" in tab.steps.text()
    panel.resize(900, 600)
    panel.setCurrentIndex(1)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab().save("/tmp/livelihood-branch-projects.png")
    dialog.grab().save("/tmp/congress_check.png")
