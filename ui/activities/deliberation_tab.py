"""人民议事厅: the year's topics put to deliberation, with the matters people raised, what was
agreed and how far it has been carried out (挂图推进); those still under way are counted."""
from __future__ import annotations

from datetime import date

from app.deliberation.service import (TopicInput, delete_topic, record_topic, topics,
                                      update_topic)
from app.vocabulary import TopicProgress
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

_flat = lambda text: text.replace("\n", " ")  # noqa: E731
COLUMNS = (Column("议事日期", lambda r: r.held_on.isoformat(), 95), Column("议题", lambda r: r.topic, 200),
           Column("地点", lambda r: r.place, 120), Column("参加人员", lambda r: r.participants, 140),
           Column("群众反映的事项", lambda r: _flat(r.matters), 220, tooltip=lambda r: r.matters),
           Column("议定事项", lambda r: _flat(r.outcome), 220, tooltip=lambda r: r.outcome),
           Column("落实情况", lambda r: r.progress, 80, "center",
                  color=lambda r: "#b9770e" if r.progress == TopicProgress.ONGOING else None))


class DeliberationTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.table, self.model = list_view(COLUMNS, self, single=True, stretch="议定事项")
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.open = QLabel(styleSheet="color: #b9770e")
        bar = ToolBar()
        bar.add("登记议题", self.new, main=True)
        bar.add("编辑", self.edit)
        bar.add_separator()
        bar.add("删除", self.delete)
        bar.add_stretch()
        bar.add_widget(QLabel("年度"))
        bar.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(QLabel("每个议事选题登记一行：群众反映的事项、议定的事项清单，以及推进落实的情况。"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open)
        if load:
            self.refresh()

    def refresh(self) -> None:
        rows = topics(self.ctx.store, year=self.year.value())
        self.model.set_rows(rows)
        going = sum(1 for r in rows if r.progress == TopicProgress.ONGOING)
        self.open.setText(f"有 {going} 个议题的议定事项仍在推进中" if going else "")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def new(self) -> None:
        self._form(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._form(row)

    def _form(self, row) -> None:
        topic, place = QLineEdit(row.topic if row else ""), QLineEdit(row.place if row else "")
        place.setPlaceholderText("如：青山村人民议事厅")
        people = QLineEdit(row.participants if row else "", placeholderText="如：代表6人、群众代表15人")
        matters = QPlainTextEdit(row.matters if row else "", placeholderText="群众在议事时提出的问题和意见")
        outcome = QPlainTextEdit(row.outcome if row else "", placeholderText="议定要办的事项，一项一行")
        progress, held_on = QComboBox(), date_edit(row.held_on if row else self.today)
        progress.addItems(TopicProgress.values())
        progress.setCurrentText(row.progress if row else TopicProgress.ONGOING)
        if not ask(self, "人民议事厅议题", [("议题", topic), ("议事日期", held_on), ("地点", place),
                                            ("参加人员", people), ("群众反映的事项", matters),
                                            ("议定事项", outcome), ("落实情况", progress)]):
            return
        data = TopicInput(topic.text(), held_on.date().toPython(), place.text(), people.text(),
                          matters.toPlainText(), outcome.toPlainText(), progress.currentText())
        if row is None:
            self.ctx.attempt(self, lambda: record_topic(self.ctx.store, data, today=self.today))
        else:
            self.ctx.attempt(self, lambda: update_topic(self.ctx.store, topic_id=row.id, data=data, today=self.today))

    def delete(self) -> None:
        row = self.selected()
        if row and QMessageBox.question(self, "删除", f"把议题“{row.topic}”移到回收站？") == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_topic(self.ctx.store, topic_id=row.id))
