"""The 述职评议 tab: a report recorded from the form lists with 未测评; its results entered show
in the list; the deputies with no report this year are named under it."""
from datetime import date

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from tests.app.congress.helpers import deputies, township
from ui.activities import voter_reports_tab
from ui.activities.voter_reports_tab import VoterReportsTab
from ui.context import AppContext
from ui.qt import QComboBox, QDateEdit, QLineEdit, QSpinBox, QtCore

TODAY = date(2026, 11, 20)


@pytest.fixture
def ctx(store):
    township(store)
    deputies(store, ["张三", "李四"])
    return AppContext(store)


def _answer(monkeypatch, values):
    def fake_ask(parent, title, fields):
        for label, widget in fields:
            value = values.get(label)
            if value is None:
                continue
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findText(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(value)
            elif isinstance(widget, QDateEdit):
                widget.setDate(QtCore.QDate(value.year, value.month, value.day))
        return True
    monkeypatch.setattr(voter_reports_tab, "ask", fake_ask)


def test_record_then_enter_results(qtbot, ctx, monkeypatch):
    tab = VoterReportsTab(ctx, today=TODAY)
    qtbot.addWidget(tab)
    ctx.changed.connect(lambda _c: tab.refresh())
    assert tab.missing.text() == "2026年尚未向选民述职的代表（2 人）：李四、张三"
    _answer(monkeypatch, {"代表": "张三", "述职日期": date(2026, 6, 5), "述职地点": "青山村村委会",
                          "到会选民人数": 42, "述职报告": "一年来参加小组活动四次……"})
    tab.new_report()
    assert tab.model.data(tab.model.index(0, 5)) == "未测评"
    assert tab.missing.text() == "2026年尚未向选民述职的代表（1 人）：李四"
    tab.table.selectRow(0)
    _answer(monkeypatch, {"满意": 36, "基本满意": 4, "不满意": 2})
    tab.enter_results()
    assert tab.model.data(tab.model.index(0, 5)) == "满意 36，基本满意 4，不满意 2"
    tab.resize(1000, 300)
    tab.grab().save("/tmp/reports-tab.png")
