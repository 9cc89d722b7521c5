"""督导检查 on the groups page: the presidium's visits and inspections of each group, the records
督导工作全覆盖 in the statistics is counted from."""
from __future__ import annotations

from datetime import date

from app.roster.service import groups
from app.supervision.service import SupervisionInput, SupervisionRow, record_supervision, update_supervision
from app.vocabulary import SupervisionWay
from ui.groups.dialogs import _Form
from ui.qt import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QtCore
from ui.table_model import Column

COLUMNS = (
    Column("日期", lambda r: f"{r.on:%Y-%m-%d}", 100, sort_key=lambda r: (r.on, r.id)),
    Column("代表小组", lambda r: r.group, 140),
    Column("方式", lambda r: r.way, 80),
    Column("主席团人员", lambda r: r.supervisors, 160),
    Column("发现的问题及意见", lambda r: r.findings.replace("\n", " "), 360, tooltip=lambda r: r.findings),
)
EMPTY = ("还没有督导检查记录。主席团到代表小组实地督导或检查小组台账后，在这里登记日期、小组、"
         "参加的主席团人员和发现的问题；统计中的“督导工作全覆盖”按这些记录计算。")


class SupervisionDialog(_Form):
    def __init__(self, ctx, *, row: SupervisionRow | None = None, today: date | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.row, self.today = ctx, row, today or date.today()
        self.setWindowTitle("督导检查")
        self.group, self.way = QComboBox(), QComboBox()
        for g in groups(ctx.store):
            self.group.addItem(g.name, g.id)
        self.way.addItems(SupervisionWay.labels())
        on = row.on if row else self.today
        self.on = QDateEdit(QtCore.QDate(on.year, on.month, on.day), calendarPopup=True,
                            displayFormat="yyyy年M月d日")
        self.supervisors = QLineEdit(row.supervisors if row else "")
        self.supervisors.setPlaceholderText("如：李建国、王秀英")
        self.findings = QPlainTextEdit(row.findings if row else "")
        self.findings.setPlaceholderText("小组活动开展、台账资料、意见建议办理中发现的问题和提出的意见")
        if row:
            self.group.setCurrentIndex(max(0, self.group.findData(row.group_id)))
            self.way.setCurrentText(row.way)
        form = QFormLayout()
        for label, widget in (("代表小组 *", self.group), ("日期 *", self.on), ("方式", self.way),
                              ("主席团人员 *", self.supervisors), ("发现的问题及意见", self.findings)):
            form.addRow(label, widget)
        self._finish(form)

    def _save(self) -> None:
        if self.group.currentData() is None:
            raise ValueError("还没有代表小组，请先新增代表小组")
        data = SupervisionInput(self.group.currentData(), self.on.date().toPython(), self.way.currentText(),
                                self.supervisors.text(), self.findings.toPlainText())
        if self.row is None:
            record_supervision(self.ctx.store, data, today=self.today)
        else:
            update_supervision(self.ctx.store, supervision_id=self.row.id, data=data, today=self.today)
