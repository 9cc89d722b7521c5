"""The activity form: choosing a group fills its members on that day as 出席, the secretary marks
the exceptions; warnings (half day, subsidy caps) update as the form changes. Ctrl+S saves."""
from __future__ import annotations

from datetime import date, timedelta

from app.activities import service as activities_service
from app.activities.service import (ActivityInput, attach_files, create_activity, preview_warnings,
                                    remove_attachments, update_activity)
from app.leave import service as leave_service
from app.vocabulary import AttendanceStatus, Organiser
from ui.activities.attachments_panel import AttachmentsPanel
from ui.activities.attendance_editor import AttendanceEditor
from ui.activities.linked_suggestions import LinkedSuggestions
from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                   QGridLayout, QHBoxLayout, QKeySequence, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                   QSpinBox, QTabWidget, QTimer, QVBoxLayout, QWidget, QtCore, QtGui)

MAX_WARNINGS = 4   # the rest are summed up, so the attendance list keeps its room


def _status(approved: str | None) -> tuple[str, str]:
    return (AttendanceStatus.EXCUSED.value, approved) if approved is not None else (AttendanceStatus.PRESENT.value, "")


def _qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


class ActivityDialog(QDialog):
    def __init__(self, ctx, *, activity_id: int | None = None, today: date | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.activity_id = ctx, activity_id
        self.setWindowTitle("编辑活动" if activity_id else "新增活动")
        self.resize(820, 680)
        self.saved_warnings: list[str] = []
        self._loaded = None     # the form as opened, to tell whether leaving it loses edits
        self.today = today or date.today()      # attendance is refused for a later activity
        self._build(self.today)
        self._timer = QTimer(self, singleShot=True, interval=300, timeout=self.refresh_warnings)
        if activity_id:
            self._load(activities_service.activity(ctx.store, activity_id=activity_id))
        else:
            self.fill_from_group()
        for signal in (self.attendance.changed, self.day.dateChanged, self.start_time.textChanged,
                       self.end_time.textChanged, self.hours.valueChanged, self.kind.currentIndexChanged,
                       self.days.valueChanged):
            signal.connect(lambda *_: self._timer.start())
        self.organiser.currentIndexChanged.connect(lambda _: self.fill_from_group())
        self.day.dateChanged.connect(lambda _: self.fill_from_group(only_if_untouched=True))
        QtGui.QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.refresh_warnings()

    # -- building ------------------------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.kind = QComboBox()
        self.kind.addItems([k.name for k in activities_service.kinds(self.ctx.store)])
        self.theme, self.campaign, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        self.organiser = QComboBox()
        for gid, name in activities_service.groups(self.ctx.store):
            self.organiser.addItem(name, (Organiser.GROUP.value, gid))
        for sid, name in activities_service.stations(self.ctx.store):
            self.organiser.addItem(name, (Organiser.STATION.value, sid))
        self.organiser.addItem("乡镇人大主席团", (Organiser.PRESIDIUM.value, None))
        self.day = QDateEdit(_qdate(today), calendarPopup=True, displayFormat="yyyy年M月d日")
        self.days = QSpinBox(minimum=1, maximum=7, suffix=" 天", maximumWidth=80)
        self.start_time, self.end_time = QLineEdit("08:30"), QLineEdit("12:30")
        for edit in (self.start_time, self.end_time):
            edit.setInputMask("99:99")
            edit.setMaximumWidth(60)
        self.hours = QDoubleSpinBox(decimals=1, maximum=168, singleStep=0.5, specialValueText="按起止时间")
        self.cost = QDoubleSpinBox(decimals=2, maximum=10 ** 7, suffix=" 元")
        self.invited = QSpinBox(maximum=9999)
        self.invited_names = QLineEdit()
        self.attendance = AttendanceEditor()
        self.attachments = AttachmentsPanel(self.ctx.store.data_dir)
        self.linked = LinkedSuggestions()
        self.linked.open_requested.connect(self.open_suggestions)
        self.counts, self.warnings = QLabel(), QLabel(wordWrap=True, styleSheet="color: #b9770e")
        self.minutes, self.outcomes, self.problems = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        for edit in (self.minutes, self.outcomes, self.problems):
            edit.setTabChangesFocus(True)
        tabs = QTabWidget()
        tabs.addTab(self._attendance_tab(), "出勤（1 出席 · 2 请假 · 3 缺席 · 空格切换）")
        tabs.addTab(self._texts_tab(), "纪要、成果与问题")
        tabs.addTab(self.attachments, "照片与扫描件")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存 (Ctrl+S)")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._fields())
        layout.addWidget(tabs, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.kind.setFocus()

    def _fields(self) -> QGridLayout:
        grid = QGridLayout()
        times = QHBoxLayout()
        for widget in (self.start_time, QLabel("至"), self.end_time, QLabel("或时长（小时）"), self.hours):
            times.addWidget(widget)
        dates = QHBoxLayout()
        for widget in (self.day, QLabel("共"), self.days):
            dates.addWidget(widget)
        cells = (("活动类型", self.kind), ("组织者", self.organiser), ("活动主题", self.theme),
                 ("所属行动", self.campaign), ("日期", dates), ("时间", times), ("地点", self.place),
                 ("经费", self.cost), ("列席人数", self.invited), ("列席人员", self.invited_names))
        for index, (label, widget) in enumerate(cells):
            row, col = divmod(index, 2)
            grid.addWidget(QLabel(label), row, col * 2)
            (grid.addLayout if isinstance(widget, QHBoxLayout) else grid.addWidget)(widget, row, col * 2 + 1)
        return grid

    def _attendance_tab(self) -> QWidget:
        page = QWidget()
        self.others = QComboBox(editable=True, minimumWidth=140)
        self.others.addItem("", None)
        for member in activities_service.deputies(self.ctx.store):
            self.others.addItem(member.name, member.deputy_id)
        add = QPushButton("加入名单")
        add.clicked.connect(self.add_other)
        refill = QPushButton("按小组重新填入")
        refill.clicked.connect(lambda: self.fill_from_group())
        row = QHBoxLayout()
        for widget in (QLabel("其他代表："), self.others, add, refill):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.counts)
        layout = QVBoxLayout(page)
        layout.addWidget(self.attendance, 1)
        layout.addLayout(row)
        self.attendance.changed.connect(self._show_counts)
        return page

    def _texts_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for label, edit in (("活动纪要", self.minutes), ("活动成果", self.outcomes), ("反映的问题", self.problems)):
            form.addRow(label, edit)
        form.addRow("已登记的意见建议", self.linked)
        return page

    # -- behaviour -----------------------------------------------------------------------------
    @property
    def on(self) -> date:
        return self.day.date().toPython()

    def fill_from_group(self, *, only_if_untouched: bool = False) -> None:
        kind, group_id = self.organiser.currentData() or (Organiser.PRESIDIUM.value, None)
        if kind != Organiser.GROUP or (only_if_untouched and self._touched()):
            return
        members = activities_service.members(self.ctx.store, group_id=group_id, on=self.on)
        name = self.organiser.currentText()
        # A leave the presidium approved (请假审批) is filled in as 请假 with its reason.
        excused = leave_service.approved_for(self.ctx.store, activity_id=self.activity_id)
        self.attendance.set_rows([(m.deputy_id, m.name, name, *_status(excused.get(m.deputy_id)))
                                  for m in members])

    def _touched(self) -> bool:
        return any(r.status != AttendanceStatus.PRESENT for r in self.attendance.rows())

    def add_other(self) -> None:
        deputy_id = self.others.currentData()
        if deputy_id is None:
            return
        group = activities_service.group_names_on(self.ctx.store, deputy_ids=[deputy_id], on=self.on)[deputy_id]
        self.attendance.add_row(deputy_id, self.others.currentText(), group)

    def _show_counts(self) -> None:
        c = self.attendance.counts()
        self.counts.setText(f"出席 {c['出席']} · 请假 {c['请假']} · 缺席 {c['缺席']}")

    def data(self) -> ActivityInput:
        kind, target = self.organiser.currentData() or (Organiser.PRESIDIUM.value, None)
        times = [t.text() if t.text().strip(":") else "" for t in (self.start_time, self.end_time)]
        return ActivityInput(
            kind=self.kind.currentText(), start_date=self.on, theme=self.theme.text(),
            end_date=self.on + timedelta(days=self.days.value() - 1) if self.days.value() > 1 else None,
            campaign=self.campaign.text(), organiser=kind,
            group_id=target if kind == Organiser.GROUP else None, station_id=target if kind == Organiser.STATION else None,
            start_time=times[0], end_time=times[1], duration_hours=self.hours.value() or None,
            place=self.place.text(), minutes=self.minutes.toPlainText(), outcomes=self.outcomes.toPlainText(),
            problems=self.problems.toPlainText(), cost=self.cost.value(), invited_count=self.invited.value(),
            invited_names=self.invited_names.text(), attendance=self.attendance.rows())

    def refresh_warnings(self) -> None:
        found = preview_warnings(self.ctx.store, self.data(), activity_id=self.activity_id, today=self.today)
        shown = [f"⚠ {w}" for w in found[:MAX_WARNINGS]]
        if len(found) > MAX_WARNINGS:
            shown.append(f"……另有 {len(found) - MAX_WARNINGS} 条提醒")
        self.warnings.setText("\n".join(shown))

    def save(self) -> None:
        data = self.data()
        action = (lambda: update_activity(self.ctx.store, activity_id=self.activity_id, data=data,
                                          today=self.today)) \
            if self.activity_id else (lambda: create_activity(self.ctx.store, data, today=self.today))
        result = self.ctx.attempt(self, action, title="活动未保存")
        if result is None:
            return
        self.activity_id, self.saved_warnings = result.activity_id, result.warnings
        if self.attachments.removed:
            self.ctx.attempt(self, lambda: remove_attachments(
                self.ctx.store, activity_id=result.activity_id, attachment_ids=self.attachments.removed))
        if self.attachments.pending:
            self.ctx.attempt(self, lambda: attach_files(self.ctx.store, activity_id=result.activity_id,
                                                        paths=self.attachments.pending))
        self.accept()

    def _load(self, view) -> None:
        d = view.data
        self.kind.setCurrentText(d.kind)
        target = (d.organiser, d.group_id if d.organiser == Organiser.GROUP else d.station_id)
        index = next((i for i in range(self.organiser.count()) if self.organiser.itemData(i) == target), -1)
        self.organiser.blockSignals(True)
        self.organiser.setCurrentIndex(index)
        self.organiser.blockSignals(False)
        self.theme.setText(d.theme), self.campaign.setText(d.campaign), self.place.setText(d.place)
        self.day.blockSignals(True)
        self.day.setDate(_qdate(d.start_date))
        self.day.blockSignals(False)
        self.start_time.setText(d.start_time), self.end_time.setText(d.end_time)
        self.hours.setValue(d.duration_hours or 0)
        self.days.setValue((d.end_date - d.start_date).days + 1 if d.end_date else 1)
        self.cost.setValue(d.cost), self.invited.setValue(d.invited_count)
        self.invited_names.setText(d.invited_names)
        for edit, text in ((self.minutes, d.minutes), (self.outcomes, d.outcomes), (self.problems, d.problems)):
            edit.setPlainText(text)
        self.attendance.set_rows([(a.deputy_id, view.names.get(a.deputy_id, ""),
                                   view.attended_for.get(a.deputy_id, ""), a.status, a.reason)
                                  for a in d.attendance])
        self.attachments.show_stored(view.attachments)
        self.linked.set_links(view.suggestions, view.suggestion_numbers)
        self._loaded = self.data()

    def unchanged(self) -> bool:
        return (self._loaded == self.data() and not self.attachments.pending
                and not self.attachments.removed)

    def open_suggestions(self, ids: list[int]) -> None:
        self.ctx.go("suggestions", ids=ids, label=f"活动“{self.theme.text() or self.kind.currentText()}”"
                                                  f"登记的意见建议 {len(ids)} 件")
        if self.unchanged():
            self.reject()     # nothing to lose: step aside so the ledger shows
        else:
            self.linked.note.setText("已在“意见建议”页打开；本表单有未保存的修改，保存或取消后即可查看。")
