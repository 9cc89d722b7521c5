"""设置: township details, rule numbers, backups, audit trail and recycle bin."""
from __future__ import annotations

from app import settings
from ui.first_run import TownshipForm, validate_township
from ui.qt import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QTabWidget,
                   QVBoxLayout, QWidget)
from ui.settings.audit_tab import AuditTab
from ui.settings.backups_tab import BackupsTab
from ui.settings.calendar_tab import CalendarTab
from ui.settings.congress_tab import CongressTab
from ui.settings.password_tab import PasswordTab
from ui.settings.recycle_tab import RecycleTab
from ui.settings.rules_form import RulesForm


class Page(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._township_tab(), "乡镇信息")
        self.tabs.addTab(self._rules_tab(), "规则参数")
        self.tabs.addTab(CongressTab(ctx), "考评与会议")
        self.backups = BackupsTab(ctx)
        self.audit = AuditTab(ctx)
        self.recycle = RecycleTab(ctx)
        self.calendar = CalendarTab(ctx)
        self.tabs.addTab(self.calendar, "工作日历")
        self.tabs.addTab(self.backups, "备份与恢复")
        self.tabs.addTab(self.audit, "操作日志")
        self.tabs.addTab(self.recycle, "回收站")
        self.tabs.addTab(PasswordTab(ctx), "开启密码")
        QVBoxLayout(self).addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab)

    TABS = {"township": "乡镇信息", "rules": "规则参数", "backups": "备份与恢复", "audit": "操作日志",
            "recycle": "回收站", "calendar": "工作日历", "password": "开启密码", "assessment": "考评与会议"}

    def show_with(self, *, tab: str | None = None, **_ignored) -> None:
        titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        if self.TABS.get(tab) in titles:
            self.tabs.setCurrentIndex(titles.index(self.TABS[tab]))

    def _on_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if hasattr(widget, "reload"):
            widget.reload()

    def _township_tab(self) -> QWidget:
        tab = QWidget()
        self.township_form = TownshipForm(settings.get(self.ctx.store, "township"))
        save = QPushButton("保存乡镇信息")
        save.clicked.connect(self.save_township)
        layout = QVBoxLayout(tab)
        layout.addLayout(self.township_form)
        layout.addLayout(_below(save))
        layout.addStretch(1)
        return tab

    def _rules_tab(self) -> QWidget:
        self.rules_form = RulesForm(settings.get(self.ctx.store, "rules"))
        scroll = QScrollArea()
        scroll.setWidget(self.rules_form)
        scroll.setWidgetResizable(True)
        save = QPushButton("保存规则参数")
        save.clicked.connect(self.save_rules)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel("以下数字来自省、市、县有关文件，可按本乡镇实际调整。"))
        layout.addWidget(scroll)
        layout.addLayout(_below(save))
        return tab

    def save_township(self) -> None:
        township = self.township_form.value()
        problems = validate_township(township)
        if problems:
            QMessageBox.warning(self, "乡镇信息", "\n".join(problems))
            return
        settings.update(self.ctx.store, "township", township, label=f"修改乡镇信息（{township.name}）")

    def save_rules(self) -> None:
        self.ctx.attempt(self, lambda: settings.update(
            self.ctx.store, "rules", self.rules_form.value(), label="修改规则参数"),
            title="规则参数未保存")


def _below(button) -> QHBoxLayout:
    """The save button under its form's fields, not at the far edge of a wide window."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
