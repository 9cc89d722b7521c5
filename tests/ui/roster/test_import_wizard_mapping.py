"""The import wizard's column mapping changes only when the secretary means it, and what is
imported is always what the preview shows."""
import pytest
from openpyxl import Workbook

from app.roster.listing import roster_rows
from ui.context import AppContext
from ui.qt import QMessageBox, Qt, QtCore, QtGui
from ui.roster.import_wizard import ImportWizard
from tests.ui.roster.wizard_helpers import previewed


@pytest.fixture
def sheet_path(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "家庭住址", "工作单位"])
    sheet.append(["张三", "男", "青山村", "青山村委会"])
    path = tmp_path / "名册.xlsx"
    book.save(path)
    return path


def _wheel(widget, steps: int) -> None:
    centre = QtCore.QPointF(widget.rect().center())
    at_screen = QtCore.QPointF(widget.mapToGlobal(QtCore.QPoint(0, 0)))
    event = QtGui.QWheelEvent(centre, at_screen, QtCore.QPoint(0, 0), QtCore.QPoint(0, -120 * steps),
                              Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QtGui.QGuiApplication.sendEvent(widget, event)


def test_the_wheel_over_a_mapping_it_has_not_entered_changes_nothing(qtbot, store, sheet_path):
    wizard = ImportWizard(AppContext(store), path=str(sheet_path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    box = wizard.combos["address"]
    before = box.currentText()
    _wheel(box, 2)                    # scrolling the form with the pointer over the drop-down
    assert box.currentText() == before == "C 列（家庭住址）"


def test_a_changed_mapping_is_previewed_again_and_imported_as_previewed(qtbot, store, sheet_path,
                                                                         monkeypatch):
    wizard = ImportWizard(AppContext(store), path=str(sheet_path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    address = wizard.combos["address"]
    address.setCurrentIndex(address.findData("D"))      # the secretary picks 工作单位 by mistake
    qtbot.waitUntil(lambda: wizard.preview.mapping.get("address") == "D")
    assert wizard.apply.isEnabled()
    assert wizard.combos["address"].currentText() == "D 列（工作单位）"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    wizard.run().wait()
    [deputy] = roster_rows(store)
    assert deputy.address == "青山村委会"
