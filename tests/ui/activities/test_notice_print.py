"""Printing a notice and a sign-in sheet from the activity list and the sessions tab: the notice
dialog opens with the reply date three days before the meeting and the secretary as contact; the
files list the invited deputies."""
from datetime import date

import pytest
from pypdf import PdfReader

from app import settings
from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.congress.sessions import SessionInput, create_session
from tests.app.activities.seed import make_township
from ui.activities import notice_print
from ui.activities.list_tab import ActivityListTab
from ui.congress.sessions_tab import SessionsTab
from ui.context import AppContext
from ui.qt import QDateEdit, QFileDialog, QLineEdit, QMessageBox

TODAY = date(2026, 9, 1)


@pytest.fixture
def ctx(store):
    town = make_township(store)
    with store.write("乡镇信息") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18, secretary="王秀英"))
    create_activity(store, ActivityInput(kind="专题调研", start_date=date(2026, 9, 15), theme="秋收秋种",
                                         group_id=town.east, place="青山村村委会", duration_hours=4), today=TODAY)
    create_session(store, SessionInput(start_date=date(2026, 12, 18), place="镇政府大会议室"), today=TODAY)
    return AppContext(store)


def _text(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _print_to(monkeypatch, target, seen):
    def fake_ask(parent, title, fields):
        for label, widget in fields:
            seen[label] = widget.date().toPython() if isinstance(widget, QDateEdit) else widget.text()
            if label == "请携带" and isinstance(widget, QLineEdit):
                widget.setText("代表证、调研提纲")
        return True
    monkeypatch.setattr(notice_print, "ask", fake_ask)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def test_activity_notice_and_sign_in_from_the_list(qtbot, ctx, tmp_path, monkeypatch):
    tab = ActivityListTab(ctx, today=TODAY)
    qtbot.addWidget(tab)
    seen = {}
    _print_to(monkeypatch, tmp_path / "通知.pdf", seen)
    tab.table.selectRow(0)
    tab.print_notice()
    qtbot.waitUntil(lambda: not ctx.operations)
    assert (seen["发文日期"], seen["回执截止日期"], seen["联系人及电话"]) == (TODAY, date(2026, 9, 12), "王秀英")
    text = _text(tmp_path / "通知.pdf")
    assert "请携带：代表证、调研提纲" in text and "东片小组全体代表" in text and "王五" in text
    _print_to(monkeypatch, tmp_path / "签到表.pdf", {})
    tab.print_signin()
    qtbot.waitUntil(lambda: not ctx.operations)
    assert "应到人数3人" in _text(tmp_path / "签到表.pdf")


def test_session_notice_from_the_sessions_tab(qtbot, ctx, tmp_path, monkeypatch):
    tab = SessionsTab(ctx)
    qtbot.addWidget(tab)
    _print_to(monkeypatch, tmp_path / "通知.pdf", {})
    tab.table.selectRow(0)
    tab.print_notice()
    qtbot.waitUntil(lambda: not ctx.operations)
    text = _text(tmp_path / "通知.pdf")
    assert "关于召开青山镇第十八届人民代表大会第一次会议的通知" in text
    assert "共5人" in text                                # every township deputy of the term
