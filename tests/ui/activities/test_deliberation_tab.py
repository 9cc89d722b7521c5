"""The 人民议事厅 tab: a topic typed in through its form, then marked carried out."""
from datetime import date

from ui.context import AppContext
from ui.qt import QComboBox, QLineEdit, QPlainTextEdit


def _filler(values: dict):
    def ask(_parent, _title, fields):
        for label, widget in fields:
            if label in values:
                {QLineEdit: lambda: widget.setText(values[label]), QPlainTextEdit: lambda: widget.setPlainText(values[label]),
                 QComboBox: lambda: widget.setCurrentText(values[label])}[type(widget)]()
        return True
    return ask


def test_a_topic_is_typed_in_then_carried_out(qtbot, store, monkeypatch, qtmodeltester):
    from ui.activities.page import Page
    page = Page(AppContext(store), today=date(2026, 7, 1))
    qtbot.addWidget(page)
    page.show()
    page.show_with(tab="deliberation")
    tab = page.deliberation
    assert page.tabs.tabText(page.tabs.currentIndex()) == "人民议事厅"
    monkeypatch.setattr("ui.activities.deliberation_tab.ask", _filler(
        {"议题": "集镇停车难问题", "地点": "青山镇人民议事厅", "群众反映的事项": "老街乱停车", "议定事项": "新建临时停车场"}))
    tab.new()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.open.text() == "有 1 个议题的议定事项仍在推进中"
    tab.table.selectRow(0)
    monkeypatch.setattr("ui.activities.deliberation_tab.ask", _filler({"落实情况": "已办结"}))
    tab.edit()
    qtbot.waitUntil(lambda: tab.model.row_at(0).progress == "已办结")
    assert tab.model.row_at(0).outcome == "新建临时停车场" and tab.open.text() == ""
    page.resize(1200, 500)
    page.grab().save("/tmp/deliberation.png")
