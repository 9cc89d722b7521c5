"""The congress screens: a session saved from the form with quick attendance, projects; a\ndeputy's awards (kept with the roster)."""
from __future__ import annotations

from datetime import date

import pytest

from app.congress.views import session_rows
from app.livelihood.steps import Proposal, propose
from tests.app.congress.helpers import deputies, township
from ui.congress.panel import CongressPanel
from ui.congress.session_dialog import SessionDialog
from ui.context import AppContext
from ui.qt import QtCore


@pytest.fixture
def ctx(store):
    township(store)
    deputies(store, ["张三", "李四", "王五"])
    return AppContext(store)


def test_session_form_marks_everyone_present_and_saves_a_leave(qtbot, ctx):
    panel = CongressPanel(ctx, year=2026)
    qtbot.addWidget(panel)
    panel.show()
    dialog = SessionDialog(ctx, panel, on=date(2026, 1, 10))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    dialog.place.setText("镇政府大会议室")
    dialog.agenda.setPlainText("听取和审议镇人民政府工作报告\n票决2026年民生实事项目")
    dialog.set_status(1, "请假", "外出学习")
    panel.sessions.save(dialog)
    [row] = session_rows(ctx.store)
    assert (row.name, row.present, row.excused) == ("第十八届人民代表大会第一次会议", 2, 1)
    assert panel.sessions.model.rowCount() == 1
    panel.grab().save("/tmp/congress_sessions.png")


def test_projects_tab_lists_the_year_and_the_model_is_sound(qtbot, qtmodeltester, ctx):
    propose(ctx.store, Proposal(2026, "通组公路硬化", date(2026, 1, 5), proposer="村委会"))
    panel = CongressPanel(ctx, year=2026)
    qtbot.addWidget(panel)
    model = panel.projects.model
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "通组公路硬化"
    assert model.data(model.index(0, 2)) == "征集"


def test_awards_dialog_adds_an_award_for_the_chosen_deputy(qtbot, ctx):
    from ui.roster.awards import AwardsDialog
    from app.congress.views import deputy_choices
    li = next(i for i, name in deputy_choices(ctx.store) if name.startswith("李四"))
    dialog = AwardsDialog(ctx, deputy_id=li)
    qtbot.addWidget(dialog)
    tab = dialog.tab
    assert tab.deputy.currentData() == li
    tab.on.setDate(QtCore.QDate(2026, 3, 1))
    tab.title.setText("优秀人大代表")
    tab.issuer.setText("崇阳县人大常委会")
    tab.add_award()
    assert tab.model.rowCount() == 1
    assert [tab.model.data(tab.model.index(0, c)) for c in range(4)] == [
        "2026-03-01", "表彰奖励", "优秀人大代表", "崇阳县人大常委会"]
    dialog.grab().save("/tmp/roster_awards.png")
