"""The 考评与会议 settings tab: shows the stored rules, saves both sets at once, refuses bad ones."""
from __future__ import annotations

import pytest

from app.assessment.rules import get_rules as assessment_rules
from app.congress.config import get_rules as congress_rules
from ui.context import AppContext
from ui.qt import QMessageBox
from ui.settings.congress_tab import CongressTab


@pytest.fixture
def tab(qtbot, store):
    widget = CongressTab(AppContext(store))
    qtbot.addWidget(widget)
    return widget


def test_shows_the_defaults(tab):
    assert tab.points["session"].value() == 3
    assert tab.points["excellent"].value() == 26
    assert tab.training_kinds.text() == "学习培训"
    assert tab.min_signers.value() == 5
    assert tab.vote_base.currentText() == "全体代表"
    assert tab.pass_share.value() == 50
    assert tab.group_rules.toPlainText().startswith("一、代表小组在乡镇人大主席团领导下")


def test_saves_points_thresholds_and_congress_rules(tab, store):
    tab.resize(900, 1000)
    tab.points["session"].setValue(4)
    tab.points["excellent"].setValue(30)
    tab.training_kinds.setText("学习培训，代表讲堂")
    tab.min_signers.setValue(3)
    tab.vote_base.setCurrentIndex(1)
    tab.pass_share.setValue(60)
    tab.group_rules.setPlainText("一、每季度活动一次。")
    assert tab.save()
    rules = assessment_rules(store)
    assert (rules.session, rules.excellent, rules.training_kinds) == (4, 30, ["学习培训", "代表讲堂"])
    congress = congress_rules(store)
    assert (congress.motion_min_signers, congress.vote_base) == (3, "cast")
    assert congress.pass_share == pytest.approx(0.6)
    assert congress.group_rules_text == "一、每季度活动一次。"
    tab.grab().save("/tmp/settings_congress_tab.png")


def test_thresholds_out_of_order_are_refused_and_nothing_is_saved(tab, store, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    tab.min_signers.setValue(2)
    tab.points["competent"].setValue(40)
    assert not tab.save()
    assert warnings == ["考评等次分数线应依次递减：优秀 26.0、称职 40.0、基本称职 10.0"]
    assert congress_rules(store).motion_min_signers == 5
    assert assessment_rules(store).competent == 18
