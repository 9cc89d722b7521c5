"""The exchange page: export writes a package and logs it; import shows conflicts and applies choices."""
from __future__ import annotations

from sqlalchemy import select

from app.package.importer import preview_import
from db.models.roster import DeputyLevel
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster
from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
from ui.context import AppContext
from ui.exchange.preview_dialog import PreviewDialog
from ui.exchange.page import Page


def test_export_from_page_logs_the_package(qtbot, store, tmp_path, monkeypatch, qtmodeltester):
    township_with_roster(store)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    page.show()
    said = []
    monkeypatch.setattr("ui.exchange.page.show_saved", lambda _parent, path, *, what: said.append((path, what)))
    page.period.setCurrentIndex(0)
    page.export(path=str(tmp_path / "报送.xlsx")).wait()
    assert (tmp_path / "报送.xlsx").exists()
    assert [path for path, _ in said] == [tmp_path / "报送.xlsx"] and said[0][1].endswith("数据包")
    qtmodeltester.check(page.log_model)
    assert page.log_model.rowCount() == 1
    assert page.log_model.index(0, 1).data() == "导出"


def test_conflict_shown_side_by_side_and_choice_applied(qtbot, store, tmp_path, monkeypatch):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    row = find_row(pkg, "代表层级", "层级", "县")
    edit_cell(pkg, "代表层级", row=row, header="状态", value="调离")
    with store.write("修改状态") as uow:
        uow.session.scalars(select(DeputyLevel).where(DeputyLevel.level == "县")).one().status = "辞职"
    dialog = PreviewDialog(preview_import(store, pkg))
    qtbot.addWidget(dialog)
    item = dialog.conflicts.topLevelItem(0)
    assert item.text(0) == "代表层级：张三 县级代表"
    assert [item.child(i).text(0) for i in range(item.childCount())] == ["状态"]
    assert (item.child(0).text(1), item.child(0).text(2)) == ("辞职", "调离")
    dialog.grab().save(str(tmp_path / "preview.png"))
    from ui.qt import Qt
    item.setCheckState(0, Qt.Checked)
    monkeypatch.setattr(dialog, "exec", lambda: True)
    monkeypatch.setattr("ui.exchange.page.QMessageBox.information", lambda *a: None)
    ctx = AppContext(store)
    announced = []
    ctx.changed.connect(announced.append)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.import_package(path=str(pkg), dialog=dialog).wait()
    page.importing.wait()
    with store.read() as s:
        assert s.scalar(select(DeputyLevel.status).where(DeputyLevel.level == "县")) == "调离"
    assert page.log_model.rowCount() == 2
    # the import is announced once, naming what it changed: the seat's status and the exchange log
    assert announced == [{"deputy_level", "exchange_log", "audit_entry"}]


def test_export_offers_the_quarter_just_ended_says_why_and_shows_its_dates(qtbot, store, tmp_path, monkeypatch):
    from datetime import date, timedelta

    from app.package.defaults import quarter_of
    township_with_roster(store)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    previous = quarter_of(quarter_of(date.today()).start - timedelta(days=1))
    assert page.period.currentText() == previous.label
    assert page.default_note.text() == f"默认：{previous.label}（上季度尚未报送）"
    assert page.period_dates.text() == (f"{previous.start.year}年{previous.start.month}月1日至"
                                        f"{previous.end.year}年{previous.end.month}月{previous.end.day}日")
    offered = []
    monkeypatch.setattr("ui.exchange.page.QFileDialog.getSaveFileName",
                        lambda parent, title, name, *a: (offered.append(name), ("", ""))[1])
    page.export()
    assert offered == [f"青山镇{previous.label}数据包.xlsx"]
    page.period.setCurrentIndex(page.period.count() - 1)          # 自定义日期段
    page.date_from.setDate(date(2026, 7, 1))
    page.date_to.setDate(date(2026, 8, 15))
    assert page.period_dates.text() == "2026年7月1日至2026年8月15日"


def test_cancelling_an_export_part_way_keeps_the_file_that_was_there(qtbot, store, tmp_path, monkeypatch):
    township_with_roster(store)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "报送.xlsx"
    target.write_bytes(b"the package sent last quarter")
    gate = HeldAtFirstStep(monkeypatch, "ui.exchange.page.export_package")
    op = page.export(path=str(target))
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    assert target.read_bytes() == b"the package sent last quarter"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["报送.xlsx"]
    assert page.log_model.rowCount() == 0
