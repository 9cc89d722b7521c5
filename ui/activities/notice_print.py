"""Printing a meeting's notice (会议通知) and its sign-in sheet, for an activity or a session: the
secretary confirms what the notice adds (issue date, reply by, what to bring, contact)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.reports.service import NoticeDetails, meeting_notice, meeting_signin, notice_defaults
from ui.activities.small_dialogs import ask, date_edit
from ui.operation import run_operation
from ui.qt import QFileDialog, QLineEdit


def notice_details(parent, ctx, *, today: date, meeting: dict) -> NoticeDetails | None:
    shown = ctx.attempt(parent, lambda: notice_defaults(ctx.store, today=today, **meeting))
    if shown is None:
        return None
    issued, reply_by = date_edit(shown.issued_on), date_edit(shown.reply_by)
    bring, contact = QLineEdit(shown.bring), QLineEdit(shown.contact)
    if not ask(parent, "会议通知", [("发文日期", issued), ("回执截止日期", reply_by), ("请携带", bring),
                                    ("联系人及电话", contact)]):
        return None
    return NoticeDetails(issued_on=issued.date().toPython(), reply_by=reply_by.date().toPython(),
                         bring=bring.text(), contact=contact.text())


def print_notice(parent, ctx, *, name: str, today: date | None = None, **meeting) -> None:
    """meeting: activity_id= or session_id=."""
    details = notice_details(parent, ctx, today=today or date.today(), meeting=meeting)
    path = details and _save_path(parent, f"会议通知-{name}.pdf")
    if path:
        run_operation(parent, ctx, lambda _progress: meeting_notice(ctx.store, details=details, path=path, **meeting),
                      title="打印会议通知", writes=False, cancellable=False)


def print_signin(parent, ctx, *, name: str, **meeting) -> None:
    path = _save_path(parent, f"签到表-{name}.pdf")
    if path:
        run_operation(parent, ctx, lambda _progress: meeting_signin(ctx.store, path=path, **meeting),
                      title="打印签到表", writes=False, cancellable=False)


def _save_path(parent, name: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "保存 PDF", name, "PDF 文件 (*.pdf)")
    return Path(path) if path else None
