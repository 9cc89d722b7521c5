"""监督 of a passed livelihood project: record a new check as an activity (the group's members
ticked present) or link an activity already recorded, with what the check found."""
from __future__ import annotations

from datetime import date

from app.activities.service import ActivityInput, AttendanceInput
from app.congress.service import activity_kinds, group_choices, group_members, year_activities
from app.livelihood.service import ProjectRow, link_check, record_check
from app.vocabulary import Organiser
from ui.qt import (QButtonGroup, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                   QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QtCore)

NEW, LINK = 0, 1


class CheckDialog(QDialog):
    def __init__(self, ctx, parent=None, *, project: ProjectRow, on: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.project = ctx, project
        self.setWindowTitle(f"民生实事项目监督：{project.title}")
        self.mode = QButtonGroup(self)
        self.new_button, self.link_button = QRadioButton("记录新的监督活动"), QRadioButton("关联已记录的活动")
        self.mode.addButton(self.new_button, NEW)
        self.mode.addButton(self.link_button, LINK)
        self.new_button.setChecked(True)
        self.kind = QComboBox()
        self.kind.addItems(activity_kinds(ctx.store))
        self.kind.setCurrentText("视察")
        self.on = QDateEdit(QtCore.QDate(on or date.today()))
        self.on.setDisplayFormat("yyyy年M月d日")
        self.group = QComboBox()
        self.group.addItem("主席团", None)
        for group_id, name in group_choices(ctx.store):
            self.group.addItem(name, group_id)
        self.theme = QLineEdit(f"{project.title}进展情况视察")
        self.place, self.start_time, self.end_time = QLineEdit(), QLineEdit("08:30"), QLineEdit("12:00")
        self.activity = QComboBox()
        for a in year_activities(ctx.store, year=project.year):
            self.activity.addItem(f"{a.start_date:%Y-%m-%d} {a.organiser} {a.kind}：{a.theme}", a.id)
        self.progress = QPlainTextEdit()
        self.progress.setPlaceholderText("项目进展、发现的问题和意见")
        self._layout()
        self.mode.idToggled.connect(lambda _i, _on: self._enable())
        self._enable()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.new_button)
        for label, widget in (("活动类型", self.kind), ("日期", self.on), ("组织者", self.group),
                              ("主题", self.theme), ("地点", self.place), ("开始时间", self.start_time),
                              ("结束时间", self.end_time)):
            form.addRow(label, widget)
        form.addRow(self.link_button)
        form.addRow("已记录的活动", self.activity)
        form.addRow("进展情况", self.progress)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.button(QDialogButtonBox.Save).setText("保存")
        box.button(QDialogButtonBox.Cancel).setText("取消")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        self.resize(560, 560)

    def _enable(self) -> None:
        new = self.mode.checkedId() == NEW
        for widget in (self.kind, self.on, self.group, self.theme, self.place, self.start_time, self.end_time):
            widget.setEnabled(new)
        self.activity.setEnabled(not new)

    def activity_value(self) -> ActivityInput:
        on, group_id = self.on.date().toPython(), self.group.currentData()
        people = group_members(self.ctx.store, group_id=group_id, on=on) if group_id else []
        return ActivityInput(kind=self.kind.currentText(), start_date=on, theme=self.theme.text().strip(),
                             organiser=Organiser.GROUP if group_id else Organiser.PRESIDIUM, group_id=group_id,
                             place=self.place.text().strip(), start_time=self.start_time.text().strip(),
                             end_time=self.end_time.text().strip(),
                             attendance=tuple(AttendanceInput(d) for d, _name in people))

    def save(self) -> int | None:
        """The check's id, or None when refused (the reason is shown)."""
        progress = self.progress.toPlainText()
        if self.mode.checkedId() == NEW:
            return self.ctx.attempt(self, lambda: record_check(
                self.ctx.store, project_id=self.project.id, activity=self.activity_value(), progress=progress))
        if self.activity.currentData() is None:
            return self.ctx.attempt(self, _no_activity)
        return self.ctx.attempt(self, lambda: link_check(
            self.ctx.store, project_id=self.project.id, activity_id=self.activity.currentData(),
            progress=progress))


def _no_activity():
    raise ValueError("本年度还没有可关联的活动记录，请选择“记录新的监督活动”")
