"""A deputy's seats: change a seat's status (辞职, 调离 …) or add a level; history below."""
from __future__ import annotations

from datetime import date

from app.cn import UNKNOWN_TERM, term_text
from app.roster.service import DeputyId, SeatInput, add_level, deputy_history, deputy_seats, set_status
from app.vocabulary import Level, SeatStatus
from ui.qt import (QComboBox, QDateEdit, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                   QLineEdit, QListWidget, QPushButton, QSpinBox, QVBoxLayout, QtCore,
                   QDialogButtonBox)


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QtCore.QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy年M月d日")
    return edit


def _py(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class StatusDialog(QDialog):
    def __init__(self, ctx, *, deputy_id: DeputyId, name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.deputy_id = ctx, deputy_id
        self.setWindowTitle(f"层级与状态 — {name}")
        self.setMinimumWidth(520)
        self.seats, self.history = QListWidget(), QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("代表层级（选中一条后变更状态）"))
        layout.addWidget(self.seats)
        layout.addWidget(self._status_box())
        layout.addWidget(self._seat_box())
        layout.addWidget(QLabel("状态变化记录"))
        layout.addWidget(self.history)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def _status_box(self) -> QGroupBox:
        box = QGroupBox("变更状态")
        self.status = QComboBox()
        self.status.addItems(SeatStatus.labels())
        self.status_on, self.reason = _date_edit(), QLineEdit()
        button = QPushButton("变更所选层级的状态")
        button.clicked.connect(self.change)
        form = QFormLayout(box)
        form.addRow("状态", self.status)
        form.addRow("日期", self.status_on)
        form.addRow("原因", self.reason)
        form.addRow(button)
        return box

    def _seat_box(self) -> QGroupBox:
        box = QGroupBox("增加代表层级")
        self.level, self.term, self.constituency = QComboBox(), QSpinBox(), QLineEdit()
        self.level.addItems(Level.labels())
        self.term.setRange(1, 99)
        self.elected_on = _date_edit()
        button = QPushButton("增加")
        button.clicked.connect(self.add)
        row = QHBoxLayout(box)
        for widget in (self.level, QLabel("第"), self.term, QLabel("届 选区"), self.constituency,
                       QLabel("当选"), self.elected_on, button):
            row.addWidget(widget)
        return box

    def reload(self) -> None:
        self._seats = deputy_seats(self.ctx.store, deputy_id=self.deputy_id)
        self.seats.clear()
        for s in self._seats:
            since = f"（{s.status_on:%Y年%m月%d日}）" if s.status_on else ""
            self.seats.addItem(f"{_seat_name(s.level, s.term)}  {s.constituency}  {s.status}{since}")
        self.history.clear()
        for e in deputy_history(self.ctx.store, deputy_id=self.deputy_id):
            self.history.addItem(f"{e.on:%Y年%m月%d日}  {_seat_name(e.level, e.term)}  {e.status}  {e.reason}")

    def change(self) -> None:
        row = self.seats.currentRow()
        if row < 0:
            return
        seat = self._seats[row]
        if self.ctx.attempt(self, lambda: set_status(
                self.ctx.store, level_id=seat.id, status=self.status.currentText(),
                on=_py(self.status_on), reason=self.reason.text()) or True):
            self.reload()

    def add(self) -> None:
        seat = SeatInput(self.level.currentText(), self.term.value(), self.constituency.text(),
                         _py(self.elected_on))
        if self.ctx.attempt(self, lambda: add_level(self.ctx.store, deputy_id=self.deputy_id, seat=seat)):
            self.reload()


def _seat_name(level: str, term: int | None) -> str:
    # An unknown term is said after the seat (市级代表（届次未填）): it reads as a gap to fill.
    return f"{term_text(term)} {level}级代表" if term else f"{level}级代表（{UNKNOWN_TERM}）"
