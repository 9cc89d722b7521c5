"""Qt's own dialogs in Chinese: Qt's catalogue, plus the few labels it has not caught up with."""
from __future__ import annotations

from ui.qt import QtCore

# Labels of Qt's standard dialogs whose source text gained a shortcut (&) after the Chinese
# catalogue was made, so the catalogue no longer finds them.
MISSING = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "File &name:"): "文件名称(&N)：",
    ("QPrintSettingsOutput", "Page &Set:"): "打印页(&S)：",
}


class _Missing(QtCore.QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 (Qt's signature)
        return MISSING.get((context, source))      # None: not ours, the catalogue answers

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install_chinese(app) -> None:
    """Chinese texts on Qt's message boxes, file chooser and print dialog, and Chinese dates."""
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Chinese, QtCore.QLocale.China))
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    catalogue = QtCore.QTranslator(app)
    if catalogue.load("qtbase_zh_CN", folder):
        app.installTranslator(catalogue)
    app._missing_texts = _Missing(app)          # searched first; it answers only its own labels
    app.installTranslator(app._missing_texts)
