"""Small charts drawn with QPainter (bars and a line), so the bundle needs no QtCharts."""
from __future__ import annotations

from ui.qt import QPainter, QtCore, QtGui, QWidget

BAR = QtGui.QColor("#b22222")
LINE = QtGui.QColor("#1f5f99")
GRID = QtGui.QColor("#dddddd")
TEXT = QtGui.QColor("#333333")
WAITING = "（正在统计……）"
NO_DATA = "（本期没有数据）"


class _Chart(QWidget):
    def __init__(self, title: str = "", parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.points: list[tuple[str, float]] = []
        self.suffix = ""
        self.note = WAITING      # shown instead of the chart until data is set
        self.setMinimumSize(280, 200)

    def set_data(self, points: list[tuple[str, float]], *, suffix: str = "") -> None:
        self.points, self.suffix, self.note = list(points), suffix, ""
        self.update()

    def set_note(self, note: str) -> None:
        """No chart, only `note` (e.g. while its figures are still being counted)."""
        self.points, self.note = [], note
        self.update()

    def _frame(self, painter: QPainter) -> QtCore.QRectF:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QtGui.QColor("white"))
        painter.setPen(TEXT)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QtCore.QRectF(0, 4, self.width(), 20), QtCore.Qt.AlignCenter, self.title)
        font.setBold(False)
        painter.setFont(font)
        area = QtCore.QRectF(40, 40, self.width() - 52, self.height() - 72)
        painter.setPen(GRID)
        for i in range(5):
            y = area.bottom() - area.height() * i / 4
            painter.drawLine(QtCore.QPointF(area.left(), y), QtCore.QPointF(area.right(), y))
        return area

    def _top(self) -> float:
        # Headroom above the tallest bar keeps its value clear of the title.
        return max([v for _, v in self.points] + [1.0]) * 1.15

    def _label(self, painter: QPainter, text: str, x: float, width: float, area) -> None:
        painter.setPen(TEXT)
        painter.drawText(QtCore.QRectF(x, area.bottom() + 4, width, 26),
                         QtCore.Qt.AlignHCenter | QtCore.Qt.AlignTop | QtCore.Qt.TextWordWrap, text)

    def _empty(self, painter: QPainter, area) -> bool:
        if self.points:
            return False
        painter.setPen(TEXT)
        painter.drawText(area, QtCore.Qt.AlignCenter, self.note or NO_DATA)
        return True


class BarChart(_Chart):
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        area = self._frame(painter)
        if self._empty(painter, area):
            return
        top, step = self._top(), area.width() / len(self.points)
        for i, (label, value) in enumerate(self.points):
            height = area.height() * value / top
            bar = QtCore.QRectF(area.left() + i * step + step * 0.2, area.bottom() - height, step * 0.6, height)
            painter.fillRect(bar, BAR)
            painter.setPen(TEXT)
            painter.drawText(QtCore.QRectF(bar.left() - 10, bar.top() - 16, bar.width() + 20, 14),
                             QtCore.Qt.AlignCenter, f"{value:g}{self.suffix}")
            self._label(painter, label, area.left() + i * step, step, area)


class LineChart(_Chart):
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        area = self._frame(painter)
        if self._empty(painter, area):
            return
        top, step = self._top(), area.width() / len(self.points)
        spots = [QtCore.QPointF(area.left() + step * (i + 0.5), area.bottom() - area.height() * v / top)
                 for i, (_, v) in enumerate(self.points)]
        painter.setPen(QtGui.QPen(LINE, 2))
        for a, b in zip(spots, spots[1:]):
            painter.drawLine(a, b)
        for spot, (label, value) in zip(spots, self.points):
            painter.setBrush(LINE)
            painter.drawEllipse(spot, 3.5, 3.5)
            painter.setPen(TEXT)
            painter.drawText(QtCore.QRectF(spot.x() - 30, spot.y() - 18, 60, 14),
                             QtCore.Qt.AlignCenter, f"{value:g}{self.suffix}")
            painter.setPen(QtGui.QPen(LINE, 2))
            self._label(painter, label, spot.x() - step / 2, step, area)
