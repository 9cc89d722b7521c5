"""Import the town's Excel roster: choose the file, correct the column mapping, preview, import."""
from __future__ import annotations

from pathlib import Path

from app.roster.importer import ImportPreview, SheetOptions, apply_import, preview_import
from app.roster_sheet import FIELDS
from ui.operation import Operation, run_operation
from ui.qt import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                   QMessageBox, QPushButton, QScrollArea, QTabWidget, QTimer, QVBoxLayout, QWidget)
from ui.widgets.choice_box import ChoiceBox

FIELD_LABELS = {
    "name": "姓名", "sex": "性别", "ethnicity": "民族", "birth_date": "出生年月",
    "id_number": "身份证号", "political_status": "政治面貌", "education": "学历",
    "work_unit_post": "工作单位及职务", "category": "代表构成", "phone": "联系电话",
    "address": "住址", "levels": "代表层级", "constituency": "选区", "group_name": "代表小组",
    "term": "届次", "notes": "备注",
}


class ImportWizard(QDialog):
    def __init__(self, ctx, *, path: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.preview = ctx, path, None
        self.setWindowTitle("导入 Excel 代表名册")
        self.resize(820, 600)
        self.file_label = QLabel("尚未选择文件")
        choose = QPushButton("选择文件…")
        choose.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        self.mapping_form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.mapping_form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "列对应")
        self.lists = {key: QListWidget() for key in ("new", "updated", "unchanged", "duplicates", "refused")}
        for key, title in (("new", "新增"), ("updated", "更新"), ("unchanged", "未变"),
                           ("duplicates", "表内重复"), ("refused", "拒绝的行")):
            self.tabs.addTab(self.lists[key], title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.apply = QPushButton("导入")
        self.apply.setEnabled(False)
        self.apply.clicked.connect(self.run)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.combos: dict[str, QComboBox] = {}
        if path:
            self.load(path)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择 Excel 代表名册", "", "Excel 工作簿 (*.xlsx)")
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        self.path = path
        self.file_label.setText(Path(path).name)
        self._preview(SheetOptions())

    def refresh(self) -> None:
        mapping = {f: box.currentData() for f, box in self.combos.items() if box.currentData()}
        if self.preview is not None:
            self._preview(SheetOptions(sheet=self.preview.sheet_name, mapping=mapping,
                                       header_row=self.preview.header_row))

    def _preview(self, options: SheetOptions) -> None:
        result = self.ctx.attempt(self, lambda: preview_import(self.ctx.store, path=Path(self.path),
                                                               options=options), title="无法读取名册")
        self.preview = result
        self.apply.setEnabled(result is not None)
        if result is not None:
            self._options = options
            self._show(result)

    def _show(self, p: ImportPreview) -> None:
        self._fill_mapping(p)
        for key in ("new", "updated", "unchanged"):
            self.lists[key].clear()
            for item in p.of_kind(key):
                extra = "；".join(item.changes)
                self.lists[key].addItem(f"第 {item.row} 行  {item.name}" + (f"：{extra}" if extra else ""))
        self.lists["duplicates"].clear()
        for d in p.duplicates:
            self.lists["duplicates"].addItem(f"第 {'、'.join(map(str, d.rows))} 行：{d.reason}（只导入第一行）")
        self.lists["refused"].clear()
        for r in p.refused:
            self.lists["refused"].addItem(f"{r.sheet} 第 {r.row} 行 {r.column} 列“{r.value}”：{r.reason}")
        s = p.summary()
        text = (f"工作表“{p.sheet_name}”，表头在第 {p.header_row} 行。新增 {s['new']} 人，更新 "
                f"{s['updated']} 人，未变 {s['unchanged']} 人，表内重复 {len(s['duplicates'])} 组，"
                f"拒绝 {len(s['refused'])} 行。")
        if p.new_groups:
            text += f"导入时将新建代表小组：{'、'.join(p.new_groups)}。"
        self.summary.setText(text)

    def _fill_mapping(self, p: ImportPreview) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        # Each column as the file heads it (代表姓名, 公民身份号码 …), matched or not, so the
        # secretary recognises her own sheet when checking the mapping.
        own = {**p.unmapped_headers, **p.headings}
        headings = {letter: f"{letter} 列（{own.get(letter) or '无表头'}）"
                    for letter in {*own, *p.mapping.values()}}
        self.combos = {}
        for field in FIELDS:
            box = ChoiceBox()
            box.addItem("（不导入）", None)
            for letter in sorted(headings, key=lambda x: (len(x), x)):
                box.addItem(headings[letter], letter)
            box.setCurrentIndex(max(0, box.findData(p.mapping.get(field))))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = box
            self.mapping_form.addRow(FIELD_LABELS.get(field, field), box)

    def _mapping_changed(self) -> None:
        # What is imported is always what the preview shows: a changed mapping is previewed
        # again at once (after the drop-down has closed: the preview rebuilds the drop-downs).
        self.apply.setEnabled(False)
        QTimer.singleShot(0, self.refresh)

    def run(self) -> Operation | None:
        s = self.preview.summary()
        if QMessageBox.question(self, "确认导入", f"将新增 {s['new']} 人、更新 {s['updated']} 人。"
                                "导入前会自动备份数据。继续？") != QMessageBox.Yes:
            return None
        path, options = Path(self.path), self._options
        return run_operation(self, self.ctx, lambda progress: apply_import(
            self.ctx.store, path=path, options=options, progress=progress),
            title="导入名册", changes=("deputy", "deputy_level", "deputy_group", "group_membership"),
            on_success=self._imported)

    def _imported(self, done: ImportPreview) -> None:
        d = done.summary()
        QMessageBox.information(self, "导入完成", f"新增 {d['new']} 人，更新 {d['updated']} 人。")
        self.accept()
