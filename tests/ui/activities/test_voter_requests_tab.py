"""The 选民约见 tab: a voter's request typed in, then its meeting; the waiting count follows."""
from datetime import date

from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.qt import QComboBox, QLineEdit, QPlainTextEdit

TODAY = date(2026, 10, 9)


def _filler(values: dict):
    def ask(_parent, _title, fields):
        for label, widget in fields:
            if label not in values:
                continue
            if isinstance(widget, QLineEdit):
                widget.setText(values[label])
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(values[label])
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(values[label])
        return True
    return ask


def test_a_request_is_typed_in_then_met(qtbot, store, monkeypatch, qtmodeltester):
    from ui.activities.page import Page
    add(store, "张三")
    page = Page(AppContext(store), today=TODAY)
    qtbot.addWidget(page)
    page.show()                # on screen: a save reloads it at once
    page.show_with(tab="requests")
    tab = page.requests
    assert page.tabs.tabText(page.tabs.currentIndex()) == "选民约见"
    monkeypatch.setattr("ui.activities.voter_requests_tab.ask", _filler(
        {"选民姓名": "刘桂香", "联系方式": "青山村3组", "约见代表": "张三", "约见事由": "排水沟堵塞，雨天积水"}))
    tab.new_request()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.model.row_at(0).outcome == "待约见" and tab.waiting.text() == "有 1 件约见尚未安排见面"
    tab.table.selectRow(0)
    monkeypatch.setattr("ui.activities.voter_requests_tab.ask", _filler({"结果": "转为意见建议", "答复情况": "已登记为意见建议"}))
    tab.met()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0).outcome == "转为意见建议")
    assert tab.waiting.text() == ""
    page.resize(1200, 500)
    page.grab().save("/tmp/voter-requests.png")
