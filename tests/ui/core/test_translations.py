"""Qt's standard dialogs speak Chinese: no English label reaches the secretary."""
import re

import pytest

from ui.qt import QApplication, QFileDialog, QLabel, QMessageBox, QtCore
from ui.translations import install_chinese


@pytest.fixture
def chinese(qapp):
    before = QtCore.QLocale()
    install_chinese(qapp)
    yield
    qapp.removeTranslator(qapp._missing_texts)
    QtCore.QLocale.setDefault(before)


def _english(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)
            if re.search("[A-Za-z]{3}", label.text())]


def test_message_box_buttons_are_chinese(chinese):
    box = QMessageBox(QMessageBox.Question, "标题", "内容", QMessageBox.Yes | QMessageBox.No)
    assert sorted(b.text() for b in box.buttons()) == ["否(&N)", "是(&Y)"]


def test_the_file_chooser_has_no_english_label(chinese, tmp_path):
    dialog = QFileDialog(None, "保存", str(tmp_path))
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    assert _english(dialog) == []
    assert "查找范围(&L)：" in [label.text() for label in dialog.findChildren(QLabel)]


def test_the_print_dialog_has_no_english_label(chinese):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    printer = QPrinter()
    assert _english(QPrintDialog(printer)) == []


def test_dates_follow_the_chinese_locale(chinese):
    assert QtCore.QLocale().name() == "zh_CN"
    assert QApplication.instance() is not None
