"""数据包设置: the county-issued signing key, and the notices the county sends with reply packages."""
from __future__ import annotations

from app.package import service
from app.package.service import add_notice, list_notices
from ui.qt import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                   QLineEdit, QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QtCore)
from ui.table_model import Column, RowTableModel

NOTICE_COLUMNS = [Column("发文日期", lambda n: str(n.issued_on or ""), 100), Column("标题", lambda n: n.title, 260),
                  Column("发文单位", lambda n: n.issuer, 160)]


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("数据包设置")
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(self._key_box())
        layout.addWidget(self._notice_box(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _key_box(self) -> QGroupBox:
        box = QGroupBox("县里下发的密钥")
        box.setToolTip("用于给数据包加校验码（HMAC 签名），防止数据包在途中被改动；由县人大常委会下发")
        row = QHBoxLayout(box)
        self.key = QLineEdit(service.package_settings(self.ctx.store).hmac_key)
        self.key.setEchoMode(QLineEdit.Password)
        self.key.setPlaceholderText("留空则数据包不签名")
        self.save_key_button = QPushButton("保存密钥")
        self.save_key_button.clicked.connect(self.save_key)
        row.addWidget(self.key, 1)
        row.addWidget(self.save_key_button)
        return box

    def _notice_box(self) -> QGroupBox:
        box = QGroupBox("通知（随回传数据包发给各乡镇）")
        layout = QVBoxLayout(box)
        self.notice_model = RowTableModel(NOTICE_COLUMNS, self)
        view = QTableView()
        view.setModel(self.notice_model)
        for i, col in enumerate(NOTICE_COLUMNS):
            view.setColumnWidth(i, col.width)
        layout.addWidget(view, 1)
        form = QFormLayout()
        self.title, self.issuer, self.body = QLineEdit(), QLineEdit(), QPlainTextEdit()
        self.issued_on = QDateEdit(QtCore.QDate.currentDate(), calendarPopup=True)
        self.issued_on.setDisplayFormat("yyyy-MM-dd")
        self.body.setFixedHeight(70)
        form.addRow("标题", self.title)
        form.addRow("发文日期", self.issued_on)
        form.addRow("发文单位", self.issuer)
        form.addRow("内容", self.body)
        layout.addLayout(form)
        self.add_button = QPushButton("添加通知")
        self.add_button.clicked.connect(self.add)
        layout.addWidget(self.add_button)
        return box

    def refresh(self) -> None:
        self.notice_model.set_rows(list_notices(self.ctx.store))

    def save_key(self) -> None:
        value = service.package_settings(self.ctx.store)
        value.hmac_key = self.key.text().strip()
        self.ctx.attempt(self, lambda: service.save_package_settings(self.ctx.store, value), title="未保存")

    def add(self) -> None:
        done = self.ctx.attempt(self, lambda: add_notice(
            self.ctx.store, title=self.title.text(), issued_on=self.issued_on.date().toPython(),
            issuer=self.issuer.text(), body=self.body.toPlainText()), title="未添加")
        if done is not None:
            self.title.clear()
            self.body.clear()
            self.refresh()
