"""The ledger page's actions (toolbar, context menu, keyboard): register, open, assign or pass up,
reply and votes, escalate, close, correct, units and categories, and printing."""
from __future__ import annotations

from app.suggestions import service
from ui.qt import QAction, QKeySequence, QMessageBox, Qt, QtGui
from ui.suggestions import print_actions
from ui.suggestions.closing_dialogs import CloseDialog, EscalateDialog
from ui.suggestions.correction_dialog import CorrectionDialog
from ui.suggestions.handle_dialog import HandleDialog
from ui.suggestions.lists_dialog import ListsDialog
from ui.suggestions.register_dialog import RegisterDialog
from ui.suggestions.reply_dialog import ReplyDialog, VotesDialog, outcome_text
from ui.suggestions.timeline import TimelineDialog
from ui.widgets.toolbar import ToolBar


class LedgerActions:
    def __init__(self, page) -> None:
        self.page, self.ctx = page, page.ctx
        spec = [("new", "登记…", "Ctrl+N", self.register), ("open", "查看", None, self.open_detail),
                ("handle", "交办/转办…", None, self.handle), ("reply", "答复…", None, self.reply),
                ("vote", "满意度测评…", None, self.vote), ("escalate", "督办…", None, self.escalate),
                ("close", "办结…", None, self.close), ("correct", "更正…", None, self.correct),
                ("letters", "打印交办单…", "Ctrl+P", self.print_letters),
                ("forms", "打印测评表…", None, self.print_forms),
                ("ledger", "打印台账…", None, self.print_ledger),
                ("export", "导出台账…", None, self.export_ledger),
                ("lists", "承办单位与类别…", None, self.edit_lists)]
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in spec:
            action = QAction(text, page)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, f=slot: f())
            page.addAction(action)
            self.actions[key] = action
        self.toolbar = ToolBar()
        for key in ("new", "open", "handle", "reply", "vote", "escalate", "close", "correct", None,
                    "letters", "forms", "ledger", "export", None, "lists"):
            if key is None:
                self.toolbar.add_separator()
            else:
                self.toolbar.add_action(self.actions[key], main=key == "new")
        table = page.table
        table.setContextMenuPolicy(Qt.ActionsContextMenu)
        for key in ("open", "handle", "reply", "vote", "escalate", "close", "correct", "letters", "forms"):
            table.addAction(self.actions[key])
        # Enter on the list opens the selected suggestion (not in the search box).
        for key in ("Return", "Enter"):
            QtGui.QShortcut(QKeySequence(key), table, activated=self.open_detail,
                                context=Qt.WidgetShortcut)
        table.doubleClicked.connect(lambda _: self.open_detail())

    # -- helpers ---------------------------------------------------------------------------
    def _one(self, what: str):
        rows = self.page.selected_rows()
        if len(rows) != 1:
            QMessageBox.information(self.page, what, f"请先在列表中选中一件意见建议，再{what}。")
            return None
        return rows[0]

    def _detail(self, row):
        return service.load_detail(self.ctx.store, suggestion_id=row.id, today=self.page.today)

    # -- actions ---------------------------------------------------------------------------
    def register(self) -> None:
        RegisterDialog(self.ctx, today=self.page.today, parent=self.page).exec()

    def open_detail(self) -> None:
        if row := self._one("查看"):
            TimelineDialog(self._detail(row), self.page, ctx=self.ctx, today=self.page.today).exec()

    def handle(self) -> None:
        rows = self.page.selected_rows()
        if len(rows) > 1:
            self.page.assign_selected()     # several at once: the bulk assignment
        elif row := self._one("交办"):
            units, _ = service.load_choices(self.ctx.store)
            HandleDialog(self.ctx, row=row, units=units, today=self.page.today, parent=self.page).exec()

    def reply(self) -> None:
        if row := self._one("登记答复"):
            dialog = ReplyDialog(self.ctx, row=row, today=self.page.today, parent=self.page)
            if dialog.exec():
                self._votes(row, dialog.saved)

    def vote(self) -> None:
        if row := self._one("登记满意度测评"):
            reply = self._detail(row).open_reply
            if reply is None:
                QMessageBox.information(self.page, "满意度测评", f"意见建议 {row.number} 没有待测评的答复。")
                return
            self._votes(row, reply.id)

    def _votes(self, row, reply_id: int) -> None:
        dialog = VotesDialog(self.ctx, detail=self._detail(row), reply_id=reply_id,
                             today=self.page.today, parent=self.page)
        if dialog.exec():
            QMessageBox.information(self.page, "满意度测评", outcome_text(dialog.saved))

    def escalate(self) -> None:
        if row := self._one("督办"):
            EscalateDialog(self.ctx, row=row, today=self.page.today, parent=self.page).exec()

    def close(self) -> None:
        if row := self._one("办结"):
            CloseDialog(self.ctx, row=row, today=self.page.today, parent=self.page).exec()

    def correct(self) -> None:
        if row := self._one("更正"):
            CorrectionDialog(self.ctx, detail=self._detail(row), today=self.page.today,
                             parent=self.page).exec()

    def edit_lists(self) -> None:
        ListsDialog(self.ctx, self.page).exec()

    def print_letters(self) -> None:
        print_actions.print_letters(self.page, self.ctx, rows=self.page.selected_rows(), today=self.page.today)

    def print_forms(self) -> None:
        print_actions.print_forms(self.page, self.ctx, rows=self.page.selected_rows(), today=self.page.today)

    def export_ledger(self, path: str | None = None):
        return print_actions.export_ledger_workbook(self.page, self.ctx, rows=self.page.model.visible_rows(),
                                                    path=path)

    def print_ledger(self) -> None:
        print_actions.print_ledger(self.page, self.ctx, rows=self.page.model.visible_rows(),
                                   today=self.page.today)
