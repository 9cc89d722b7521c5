"""The deputy's own form: the only place the full resident-ID number is shown."""
from __future__ import annotations

from datetime import date

from app.cn import seat_term_text
from app.roster.service import (EDUCATIONS, ETHNICITIES, POLITICAL_STATUSES, DeputyFields, DeputyId,
                                SeatInput, categories, create_deputy, groups, load_form, update_deputy)
from app.access import record_full_id_view
from app import settings
from app.vocabulary import BirthPrecision, Level
from ui.roster.photo_box import PhotoBox
from ui.qt import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QKeySequence,
                   QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QtGui)


def _combo(items, *, editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.addItems(["", *items])
    box.setEditable(editable)
    return box


class DeputyDialog(QDialog):
    """New deputy (deputy_id None) or edit; saving calls the roster services."""

    def __init__(self, ctx, *, deputy_id: DeputyId | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.deputy_id, self.saved_id = ctx, deputy_id, None
        self.setWindowTitle("新增代表" if deputy_id is None else "编辑代表")
        self.setMinimumWidth(640)
        self._build()
        if deputy_id is not None:
            self._load(deputy_id)

    def _build(self) -> None:
        with self.ctx.store.read() as session:
            category_list = categories(session)
            self._term = settings.load(session, "township").term or 1
        self.name, self.id_number = QLineEdit(), QLineEdit()
        self.id_number.setPlaceholderText("18 位，出生日期和性别将自动填写")
        self.id_number.setMaxLength(18)
        self.sex = _combo(("男", "女"))
        self.ethnicity = _combo(ETHNICITIES)
        self.birth = QLineEdit()
        self.birth.setPlaceholderText("如 1975-03-12（有身份证号时可不填）")
        self.political = _combo(POLITICAL_STATUSES)
        self.education = _combo(EDUCATIONS, editable=True)
        self.unit, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.category = _combo(category_list, editable=True)
        self.card_number = QLineEdit()
        self.card_number.setPlaceholderText("代表证上的编号，如 0012（前面的 0 照样保留）")
        self.group = QComboBox()
        self.group.addItem("（不在小组）", None)
        for row in groups(self.ctx.store):
            self.group.addItem(row.name, row.id)
        self.level, self.term = _combo(Level.labels()), QSpinBox()
        self.term.setRange(1, 99)
        self.term.setValue(self._term)
        self.constituency, self.notes = QLineEdit(), QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.photo = PhotoBox(self.ctx.store.data_dir)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b")
        self.message.setWordWrap(True)
        form = QFormLayout()
        for label, widget in (("姓名 *", self.name), ("身份证号", self.id_number), ("性别", self.sex),
                              ("民族", self.ethnicity), ("出生日期", self.birth),
                              ("政治面貌", self.political), ("学历", self.education),
                              ("工作单位及职务", self.unit), ("代表构成", self.category),
                              ("联系电话", self.phone), ("住址", self.address),
                              ("代表证号", self.card_number), ("代表小组", self.group)):
            form.addRow(label, widget)
        self.seat_row = QHBoxLayout()
        for widget in (self.level, QLabel("第"), self.term, QLabel("届  选区"), self.constituency):
            self.seat_row.addWidget(widget)
        form.addRow("代表层级", self.seat_row)
        form.addRow("备注", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存")
        buttons.button(QDialogButtonBox.Save).setDefault(True)   # Enter in any field saves
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QtGui.QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.photo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _load(self, deputy_id: DeputyId) -> None:
        form = load_form(self.ctx.store, deputy_id=deputy_id)
        f = form.fields
        if f.id_number:
            # The deputy's own form is the one place the full number shows: that view is audited.
            record_full_id_view(self.ctx.store, deputy_uuid=form.uuid, name=f.name)
        self.name.setText(f.name)
        self.id_number.setText(f.id_number or "")
        for box, value in ((self.sex, f.sex), (self.ethnicity, f.ethnicity),
                           (self.political, f.political_status), (self.education, f.education),
                           (self.category, f.category)):
            box.setCurrentText(value)
        if f.birth_date:
            self.birth.setText(f"{f.birth_date:%Y-%m}" if f.birth_precision == BirthPrecision.MONTH
                               else f.birth_date.isoformat())
        self.unit.setText(f.work_unit_post)
        self.phone.setText(f.phone)
        self.address.setText(f.address)
        self.card_number.setText(f.card_number)
        self.notes.setPlainText(f.notes)
        self.photo.set_photo(f.photo)
        self.group.setCurrentIndex(max(0, self.group.findData(form.group_id)))
        # Seats are changed in the 层级与状态 dialog, which keeps their history.
        for widget in (self.level, self.term, self.constituency):
            widget.setEnabled(False)
        seats = "、".join(f"{seat_term_text(s.term)}{s.level}级（{s.status}）" for s in form.seats)
        self.level.setToolTip(seats)

    def fields(self) -> DeputyFields:
        birth, precision = _parse_birth(self.birth.text())
        return DeputyFields(
            name=self.name.text(), sex=self.sex.currentText(), ethnicity=self.ethnicity.currentText(),
            birth_date=birth, birth_precision=precision, id_number=self.id_number.text() or None,
            political_status=self.political.currentText(), education=self.education.currentText(),
            work_unit_post=self.unit.text(), category=self.category.currentText(),
            phone=self.phone.text(), address=self.address.text(),
            notes=self.notes.toPlainText(), photo=self.photo.photo, card_number=self.card_number.text())

    def save(self) -> None:
        try:
            self.saved_id = self._save()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()

    def _save(self) -> DeputyId:
        data, group_id = self.fields(), self.group.currentData()
        if self.deputy_id is not None:
            update_deputy(self.ctx.store, deputy_id=self.deputy_id, data=data, group_id=group_id)
            return self.deputy_id
        level = self.level.currentText()
        seats = [SeatInput(level, self.term.value(), self.constituency.text(), date.today())] if level else []
        return create_deputy(self.ctx.store, data=data, seats=seats, group_id=group_id)


def _parse_birth(text: str) -> tuple[date | None, str]:
    text = text.strip().replace("/", "-").replace(".", "-")
    if not text:
        return None, BirthPrecision.DAY.value
    parts = text.split("-")
    try:
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), BirthPrecision.MONTH.value
        return date(int(parts[0]), int(parts[1]), int(parts[2])), BirthPrecision.DAY.value
    except (ValueError, IndexError):
        raise ValueError(f"出生日期“{text}”无法识别：请写成 1975-03-12 或 1975-03") from None
