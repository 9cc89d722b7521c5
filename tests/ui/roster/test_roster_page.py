from datetime import date

import pytest
from sqlalchemy import func, select

from app.roster.listing import roster_rows
from db.models.roster import Deputy, DeputyGroup
from tests.app.roster.helpers import add, make_id
from ui.context import AppContext
from ui.qt import QMessageBox, Qt
from tests.ui.roster.wizard_helpers import previewed


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def page(qtbot, ctx, store):
    add(store, "张三", id_number=make_id("19750312", "123"))
    add(store, "曾红", category="其他")
    add(store, "李四", levels=("县", "乡镇"))
    from ui.roster.page import Page
    widget = Page(ctx)
    qtbot.addWidget(widget)
    return widget


def test_list_model_passes_modeltester(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_list_shows_masked_ids_and_counts(page):
    number = make_id("19750312", "123")
    shown = [page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())]
    assert number[:4] + "**********" + number[-4:] in shown
    assert number not in shown
    assert page.counts.text().startswith("合计 3 人  县级 1 人  乡镇级 3 人")


def test_search_by_initials_and_polyphonic_surname(qtbot, page):
    qtbot.keyClicks(page.search, "zs")
    assert [r.name for r in page.model.visible_rows()] == ["张三"]
    page.search.clear()
    qtbot.keyClicks(page.search, "zengh")
    assert [r.name for r in page.model.visible_rows()] == ["曾红"]


def test_add_through_the_form(qtbot, page, monkeypatch):
    from ui.roster.deputy_dialog import DeputyDialog
    dialog = DeputyDialog(page.ctx, parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王五")   # QTest cannot type non-Latin keys
    qtbot.keyClicks(dialog.id_number, "11010519491231002x")
    dialog.level.setCurrentText("乡镇")
    qtbot.keyClicks(dialog.phone, "1381234567")      # one digit short
    dialog.save()
    assert "联系电话" in dialog.message.text() and dialog.result() == 0
    dialog.phone.setText("13812345678")
    qtbot.keyClick(dialog.phone, Qt.Key_Return)      # Enter saves
    assert dialog.result() == 1
    page.show()                                      # a save made while hidden is caught up
    row = next(r for r in page.model.visible_rows() if r.name == "王五")
    assert row.sex == "女" and row.birth == "1949.12.31" and row.id_masked == "1101**********002X"


def test_edit_shows_full_id_only_in_the_form(qtbot, page):
    from ui.roster.deputy_dialog import DeputyDialog
    row = next(r for r in roster_rows(page.ctx.store) if r.name == "张三")
    page.show()
    dialog = DeputyDialog(page.ctx, deputy_id=row.id, parent=page)
    qtbot.addWidget(dialog)
    assert dialog.id_number.text() == make_id("19750312", "123")
    dialog.unit.setText("青山村党支部书记")
    dialog.save()
    assert next(r for r in page.model.visible_rows() if r.name == "张三").work_unit_post == "青山村党支部书记"


def test_delete_after_confirmation(qtbot, page, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    page.show()
    index = next(i for i, r in enumerate(page.model.visible_rows()) if r.name == "李四")
    page.table.selectRow(index)
    page.delete()
    assert [r.name for r in page.model.visible_rows()] == ["张三", "曾红"] or \
        sorted(r.name for r in page.model.visible_rows()) == sorted(["张三", "曾红"])
    assert page.counts.text().startswith("合计 2 人")


def test_import_wizard_preview_and_apply(qtbot, ctx, tmp_path, monkeypatch):
    from tests.fixtures.make_messy_roster import make_messy_roster
    from ui.roster.import_wizard import ImportWizard
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    from app import settings
    with ctx.store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    assert wizard.tables["new"].rowCount() == 14 and wizard.lists["refused"].count() == 3
    assert wizard.combos["phone"].currentData() == "K"
    wizard.combos["phone"].setCurrentIndex(0)           # the user decides not to import phones
    wizard.refresh()
    previewed(qtbot, wizard)
    assert "phone" not in wizard.preview.mapping
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    wizard.run().wait()
    rows = roster_rows(ctx.store)
    assert len(rows) == 14 and all(r.phone == "" for r in rows)
    assert wizard.result() == 1


def test_cancelling_a_roster_import_part_way_adds_nobody(qtbot, ctx, tmp_path, monkeypatch):
    from tests.fixtures.make_messy_roster import make_messy_roster
    from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
    from ui.roster.import_wizard import ImportWizard
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    from app import settings
    with ctx.store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    wizard.show()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    gate = HeldAtFirstStep(monkeypatch, "ui.roster.import_wizard.apply_import")
    op = wizard.run()
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    assert op.dialog.labelText() == "正在导入第 1/14 位代表"
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    assert roster_rows(ctx.store) == [] and wizard.isVisible()
    with ctx.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Deputy)) == 0
        assert session.scalar(select(func.count()).select_from(DeputyGroup)) == 0   # none half-made


def test_constituency_filter_lists_them_in_counting_order_and_filters(qtbot, ctx, store):
    add(store, "张三", constituency="第十选区")
    add(store, "李四", constituency="第二选区")
    add(store, "王五", constituency="第二选区", levels=("县",))
    add(store, "赵六", constituency="青山村选区")
    from ui.roster.page import Page
    page = Page(ctx)
    qtbot.addWidget(page)
    box = page.constituency
    assert [box.itemText(i) for i in range(box.count())] == ["全部选区", "第二选区", "第十选区", "青山村选区"]
    box.setCurrentText("第二选区")
    assert sorted(r.name for r in page.model.visible_rows()) == ["李四", "王五"]
    assert page.counts.text().startswith("合计 2 人  县级 1 人  乡镇级 1 人")
    page.level.setCurrentText("县级")
    assert [r.name for r in page.model.visible_rows()] == ["王五"]
    box.setCurrentIndex(0)
    page.level.setCurrentIndex(0)
    assert page.model.rowCount() == 4


def test_constituency_choice_survives_a_refresh_and_can_be_set_from_elsewhere(qtbot, ctx, store):
    add(store, "张三", constituency="第一选区")
    add(store, "李四", constituency="第三选区")
    from ui.roster.page import Page
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_with(constituency="第三选区")
    assert [r.name for r in page.model.visible_rows()] == ["李四"]
    add(store, "王五", constituency="第三选区")
    assert page.constituency.currentText() == "第三选区"
    assert sorted(r.name for r in page.model.visible_rows()) == ["李四", "王五"]


def test_export_writes_the_roster_the_list_shows_off_the_ui_thread(qtbot, page, tmp_path, monkeypatch):
    from python_calamine import CalamineWorkbook

    from ui.roster.export_action import export_roster_dialog
    said = []
    monkeypatch.setattr("ui.roster.export_action.show_saved",
                        lambda _parent, path, *, what: said.append((path, what)))
    page.show()
    page.level.setCurrentText("县级")
    export_roster_dialog(page, page.ctx, page.current_filter(), path=str(tmp_path / "名册.xlsx")).wait()
    assert said == [(tmp_path / "名册.xlsx", "代表名册（1 位代表，身份证号已打码）")]
    rows = CalamineWorkbook.from_path(str(tmp_path / "名册.xlsx")).get_sheet_by_index(0).to_python()
    assert any("李四" in map(str, row) for row in rows) and not any("张三" in map(str, row) for row in rows)


def test_a_roster_export_cancelled_part_way_writes_no_file_and_no_audit_entry(qtbot, page, store, tmp_path, monkeypatch):
    from db.models.core import AuditEntry
    from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
    from ui.roster.export_action import export_roster_dialog
    with store.read() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    page.show()
    gate = HeldAtFirstStep(monkeypatch, "ui.roster.export_action.export_roster")
    op = export_roster_dialog(page, page.ctx, page.current_filter(), path=str(tmp_path / "名册.xlsx"))
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []     # no workbook, no half-written temporary
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries
