"""Pick deputies from the roster by name or pinyin (zs → 张三): one (the lead deputy) or several
ticked (co-signers)."""
from __future__ import annotations

from app.pinyin_search import matches
from ui.qt import QLineEdit, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget


class _SearchEdit(QLineEdit):
    """Enter here picks a deputy; it must not also press the dialog's 保存 button."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()


class DeputyPicker(QWidget):
    def __init__(self, rows, *, several: bool, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.rows, self.several = list(rows), several
        self.search = _SearchEdit(placeholderText=placeholder)
        self.list = QListWidget()
        self.list.setFixedHeight(110)
        for row in self.rows:
            item = QListWidgetItem(f"{row.name}　{row.group or ''} {row.levels_text}".rstrip())
            item.setData(Qt.UserRole, row.id)
            if several:
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._take_first)

    def _filter(self, text: str) -> None:
        for i, row in enumerate(self.rows):
            self.list.item(i).setHidden(not matches(text, row.name, row.keys))

    def _take_first(self) -> None:
        # Enter in the search box picks (or ticks) the first deputy shown.
        shown = [self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if shown:
            self._choose(shown[0])

    def _choose(self, item: QListWidgetItem) -> None:
        if self.several:
            item.setCheckState(Qt.Checked)
        else:
            self.list.setCurrentItem(item)

    def choose(self, deputy_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.UserRole) == deputy_id:
                self._choose(self.list.item(i))

    def chosen(self) -> list[int]:
        items = [self.list.item(i) for i in range(self.list.count())]
        if self.several:
            return [it.data(Qt.UserRole) for it in items if it.checkState() == Qt.Checked]
        current = self.list.currentItem()
        return [current.data(Qt.UserRole)] if current is not None and not current.isHidden() else []
