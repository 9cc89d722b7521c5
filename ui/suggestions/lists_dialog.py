"""承办单位与类别: add or remove handling units, and edit the category list (one per line)."""
from __future__ import annotations

from app.suggestions import service
from app.vocabulary import UnitKind
from ui.qt import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                   QLineEdit, QListWidget, QListWidgetItem, QPushButton, Qt, QTabWidget,
                   QVBoxLayout, QWidget)
from ui.suggestions.form_dialog import text_box


class ListsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("承办单位与意见建议类别")
        self.units = QListWidget()
        self.name, self.contact, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(UnitKind.labels())
        self.add_button, self.remove_button = QPushButton("添加单位"), QPushButton("删除所选单位")
        self.categories = text_box(220)
        self.save_categories_button = QPushButton("保存类别")
        self.message = QLabel()
        self.message.setWordWrap(True)
        tabs = QTabWidget()
        tabs.addTab(self._units_tab(), "承办单位")
        tabs.addTab(self._categories_tab(), "意见建议类别")
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_unit)
        self.name.returnPressed.connect(self.add_unit)
        self.remove_button.clicked.connect(self.remove_unit)
        self.save_categories_button.clicked.connect(self.save_categories)
        self.resize(520, 460)
        self.reload()

    def _units_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout()
        for label, widget in (("名称", self.name), ("类别", self.kind), ("联系人", self.contact),
                              ("电话", self.phone)):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.units)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return tab

    def _categories_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel("每行一个类别，按显示顺序排列："))
        layout.addWidget(self.categories)
        layout.addWidget(self.save_categories_button)
        return tab

    def reload(self) -> None:
        units, categories = service.load_choices(self.ctx.store)
        self.units.clear()
        for unit in units:
            extra = "　".join(x for x in (unit.contact, unit.phone) if x)
            item = QListWidgetItem(f"{unit.name}（{unit.kind}）　{extra}".rstrip())
            item.setData(Qt.UserRole, (unit.id, unit.name))
            self.units.addItem(item)
        self.categories.setPlainText("\n".join(categories))

    def _done(self, result, text: str) -> None:
        if result is not None:
            self.message.setText(text)
            self.reload()

    def add_unit(self) -> None:
        name = self.name.text().strip()
        done = self.ctx.attempt(self, lambda: service.add_unit(
            self.ctx.store, name=name, kind=self.kind.currentText(), contact=self.contact.text(),
            phone=self.phone.text()))
        if done is not None:
            for edit in (self.name, self.contact, self.phone):
                edit.clear()
        self._done(done, f"已添加承办单位“{name}”。")

    def remove_unit(self) -> None:
        item = self.units.currentItem()
        if item is None:
            return
        unit_id, name = item.data(Qt.UserRole)
        done = self.ctx.attempt(self, lambda: service.remove_unit(self.ctx.store, unit_id=unit_id, name=name) or True)
        self._done(done, f"已将承办单位“{name}”移入回收站（已有的交办记录不受影响）。")

    def save_categories(self) -> None:
        names = self.categories.toPlainText().splitlines()
        done = self.ctx.attempt(self, lambda: service.save_categories(self.ctx.store, names=names) or True)
        self._done(done, "意见建议类别已保存。")
