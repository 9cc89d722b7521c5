"""代表自行填报 on screen: export the form, import what comes back, approve or reject in bulk."""
from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from sqlalchemy import func, select

from db.models.contact import ContactVisit
from db.models.suggestion import Suggestion
from tests.app.selfreport.test_selfreport import TODAY, town  # noqa: F401 (the fixture)
from ui.context import AppContext
from ui.qt import QFileDialog, QMessageBox


def test_export_fill_import_and_approve_all(store, town, qtbot, tmp_path, monkeypatch):  # noqa: F811
    from ui.selfreport.dialog import SelfReportDialog
    dialog = SelfReportDialog(AppContext(store), today=TODAY)
    qtbot.add_widget(dialog)
    assert dialog.count.text() == "没有待审核的填报内容" and not dialog.approve_button.isEnabled()
    assert [dialog.scope.itemText(i) for i in range(dialog.scope.count())] == ["全体在任代表", "张三", "李四"]
    dialog.span.setCurrentIndex(2)                              # 第3季度
    path = tmp_path / "填报表.xlsx"
    saved = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr("ui.selfreport.dialog.show_saved", lambda _p, where, *, what: saved.append(where))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: saved == [path])
    book = load_workbook(path)
    book["走访选民"]["B5"], book["走访选民"]["C5"] = "2026-09-12", "王大爷"
    book["意见建议"]["B4"], book["意见建议"]["C4"] = "2026-09-20", "增设路灯"
    book.save(path)
    bad = tmp_path / "坏的.xlsx"
    book["意见建议"]["E4"] = "天文"
    book.save(bad)
    said = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path), str(bad)], ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: said != [])
    assert "填报表.xlsx：待审核 2 条" in said[0] and "“意见建议”第 4 行 E 列（类别）" in said[0]
    assert dialog.model.rowCount() == 2 and dialog.count.text() == "待审核 2 条"
    dialog.select_all_button.click()
    dialog.approve_button.click()
    assert dialog.model.rowCount() == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(ContactVisit)) == 2
        assert s.scalar(select(func.count()).select_from(Suggestion)) == 2
    dialog.resize(900, 400)
    dialog.grab().save(str(tmp_path / "dialog.png"))
