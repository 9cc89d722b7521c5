"""Import the town's Excel roster: choose the file, correct the column mapping, preview, import."""
from __future__ import annotations

from pathlib import Path

from app.roster.service import COLUMNS, ImportPreview, SheetOptions, apply_import, item_view, preview_import
from app.roster_sheet.service import FIELDS, TITLES
from ui.operation import Operation, run_operation
from ui.qt import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                   QHeaderView, QLabel, QListWidget, QMessageBox, QPushButton, QScrollArea, QTabWidget,
                   QTableWidget, QTableWidgetItem, QTimer, QVBoxLayout, QWidget)
from ui.widgets.choice_box import ChoiceBox

FIELD_LABELS = TITLES
KINDS = (("new", "新增"), ("updated", "更新"), ("unchanged", "未变"))


class ImportWizard(QDialog):
    def __init__(self, ctx, *, path: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.preview = ctx, path, None
        self.setWindowTitle("导入 Excel 代表名册")
        self.resize(1100, 640)
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
        self.tables = {key: _item_table() for key, _ in KINDS}
        for key, title in KINDS:
            self.tabs.addTab(self.tables[key], title)
        self.lists = {key: QListWidget() for key in ("warnings", "duplicates", "refused")}
        for key, title in (("warnings", "提示"), ("duplicates", "表内重复"), ("refused", "拒绝的行")):
            self.lists[key].setWordWrap(True)
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
        self.previewing: Operation | None = None
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
        """Read the file in the background (a large roster takes a while); the newest request
        wins when the mapping is changed again before the last one has finished."""
        self.apply.setEnabled(False)
        path, store = Path(self.path), self.ctx.store
        op = Operation(self, self.ctx, lambda progress: preview_import(
            store, path=path, options=options, progress=progress), title="读取名册", writes=False)
        op.success(lambda result: self._previewed(op, result, options))
        op.failure(lambda message: self._unreadable(op, message))
        self.previewing = op
        op.run()

    def _previewed(self, op: Operation, result: ImportPreview, options: SheetOptions) -> None:
        if op is not self.previewing:
            return
        self.preview, self._options = result, options
        self.apply.setEnabled(True)
        self._show(result)

    def _unreadable(self, op: Operation, message: str) -> None:
        if op is self.previewing:
            self.preview = None
            QMessageBox.warning(self, "无法读取名册", message)

    def _show(self, p: ImportPreview) -> None:
        self._fill_mapping(p)
        for key, _ in KINDS:
            _fill_items(self.tables[key], p.of_kind(key))
        self.lists["warnings"].clear()
        for w in p.warnings:
            self.lists["warnings"].addItem(w.located())
        self.lists["duplicates"].clear()
        for d in p.duplicates:
            self.lists["duplicates"].addItem(f"第 {'、'.join(map(str, d.rows))} 行 {d.person}："
                                             f"{d.reason}（只导入第一行）")
        self.lists["refused"].clear()
        for r in p.refused:
            self.lists["refused"].addItem(f"{r.sheet} 第 {r.row} 行 {r.column} 列 {r.person}"
                                          f"“{r.value}”：{r.reason}")
        s = p.summary()
        for index, (key, title) in enumerate((*KINDS, ("warnings", "提示"), ("duplicates", "表内重复"),
                                              ("refused", "拒绝的行"))):
            count = len(p.of_kind(key)) if key in self.tables else len(s[key])
            self.tabs.setTabText(index + 1, f"{title}（{count}）")
        text = (f"工作表“{p.sheet_name}”，表头在第 {p.header_row} 行。新增 {s['new']} 人，更新 "
                f"{s['updated']} 人，未变 {s['unchanged']} 人，表内重复 {len(s['duplicates'])} 组，"
                f"拒绝 {len(s['refused'])} 行。")
        if p.warnings:
            text += f"有 {len(p.warnings)} 项读不懂（见“提示”），这些项目不导入，这几位代表照常导入。"
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
            title="导入名册",
            on_success=self._imported)

    def _imported(self, done: ImportPreview) -> None:
        d = done.summary()
        text = f"新增 {d['new']} 人，更新 {d['updated']} 人。"
        if done.warnings:
            # Kept in the audit trail too; listed here so the secretary can fill them in.
            text += (f"\n\n以下 {len(done.warnings)} 项未能导入（已留空或按身份证号填写），"
                     "请在代表信息中补充：\n" + "\n".join(w.located() for w in done.warnings))
        QMessageBox.information(self, "导入完成", text)
        self.accept()


def _item_table() -> QTableWidget:
    table = QTableWidget(0, len(COLUMNS))
    table.setHorizontalHeaderLabels(list(COLUMNS))
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
    return table


def _fill_items(table: QTableWidget, items) -> None:
    table.setRowCount(len(items))
    for row, item in enumerate(items):
        view = item_view(item)
        for column, text in enumerate((view.row, view.person, view.sex, view.birth, view.levels,
                                       view.group, view.phone, view.note)):
            table.setItem(row, column, QTableWidgetItem(text))
        table.item(row, len(COLUMNS) - 1).setToolTip(view.detail)
