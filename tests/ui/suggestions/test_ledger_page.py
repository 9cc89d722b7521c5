"""The ledger page: its model through qtmodeltester, filters, figures opening their list, and
bulk assignment through the page."""
import random
from datetime import date

import pytest

from app.demo import suggestions as demo
from db.models.roster import Deputy
from ui.context import AppContext
from ui.suggestions.page import Page
from ui.suggestions.timeline import TimelineDialog
from app.suggestions import service

TODAY = date(2026, 11, 20)


@pytest.fixture
def page(qtbot, store, monkeypatch):
    monkeypatch.setattr(demo, "reference_day", lambda: TODAY)
    with store.write("代表") as uow:
        uow.session.add_all(Deputy(name=f"代表{i}") for i in range(12))
    demo.fill(store, random.Random(3))
    widget = Page(AppContext(store), today=TODAY)
    qtbot.addWidget(widget)
    widget.show()          # on screen: a save reloads it at once
    return widget


def test_model_and_state_filter(page, qtmodeltester):
    qtmodeltester.check(page.model)
    total = page.model.rowCount()
    assert total == page.model.total >= 30
    page.state.setCurrentText("未交办")
    assert page.model.rowCount() >= 1
    assert {page.model.row_at(i).state for i in range(page.model.rowCount())} == {"未交办"}
    page.state.setCurrentText("全部")
    page.search.setText("污水")
    assert [page.model.row_at(i).title for i in range(page.model.rowCount())] == ["集镇污水管网建设滞后"] * 2


def test_figure_opens_its_list(page):
    page.figures.buttons["closed"].click()
    states = {page.model.row_at(i).state for i in range(page.model.rowCount())}
    assert states == {"已办结"} and "办结率" in page.only_label.text()
    page.clear_only.click()
    assert page.model.rowCount() == page.model.total


def test_bulk_assign_from_the_page(page):
    page.state.setCurrentText("未交办")
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    units, _ = service.load_choices(page.ctx.store)
    page.do_assign(rows, lead_unit_id=units[0].id, assisting_unit_ids=[], kind="ordinary",
                   assigned_on=TODAY)
    assert page.model.rowCount() == 0   # reloaded through ctx.changed: none left unassigned
    page.state.setCurrentText("全部")
    numbers = {r.number for r in rows}
    assigned = [page.model.row_at(i) for i in range(page.model.rowCount())
                if page.model.row_at(i).number in numbers]
    # Fri 20 Nov 2026 → 23, 24, 25, 26, 27 Nov.
    assert {r.deadline for r in assigned} == {date(2026, 11, 27)}


def test_timeline_shows_history_and_deadline(page, qtbot):
    row = next(r for r in page.rows if r.title == "集镇污水管网建设滞后" and r.closed_on)
    detail = service.load_detail(page.ctx.store, suggestion_id=row.id, today=TODAY)
    dialog = TimelineDialog(detail, page)
    qtbot.addWidget(dialog)
    actions = [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]
    assert actions.count("满意度测评") == 3 and "约见" in actions and actions[-1] == "办结"
    assert "答复期限" in dialog.explanation.toPlainText()


def test_assignment_letters_are_printed_off_the_ui_thread_and_where_they_went_is_said(page, tmp_path,
                                                                                       monkeypatch, qtbot):
    from pypdf import PdfReader

    from ui.suggestions import print_actions
    rows = [page.model.row_at(i) for i in range(page.model.rowCount()) if page.model.row_at(i).mode][:2]
    said = []
    monkeypatch.setattr(print_actions, "ask_pdf_path", lambda *a, **k: tmp_path / "交办单.pdf")
    monkeypatch.setattr(print_actions.QMessageBox, "information", lambda _p, title, text: said.append((title, text)))
    print_actions.print_letters(page, page.ctx, rows=rows, today=TODAY).wait()
    assert said == [("打印交办单", f"已将2 份交办单保存到：\n{tmp_path / '交办单.pdf'}")]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "交办单.pdf").pages)
    assert all(r.number in text for r in rows)


def test_the_ledger_as_the_list_shows_it_is_exported_to_excel_off_the_ui_thread(page, tmp_path, monkeypatch):
    from python_calamine import CalamineWorkbook
    said = []
    monkeypatch.setattr("ui.suggestions.print_actions.show_saved",
                        lambda _parent, path, *, what: said.append((path, what)))
    page.state.setCurrentText("未交办")
    shown = [page.model.row_at(i).number for i in range(page.model.rowCount())]
    assert 1 <= len(shown) < page.model.total
    assert page.actions.actions["export"].text() == "导出台账…"
    page.actions.export_ledger(path=str(tmp_path / "台账")).wait()     # the .xlsx is added
    assert said == [(tmp_path / "台账.xlsx", f"{len(shown)} 件意见建议的台账")]
    rows = CalamineWorkbook.from_path(str(tmp_path / "台账.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "意见建议台账"
    numbers = [str(r[0]) for r in rows[2:]]
    assert numbers == shown      # the filtered rows, in the list's order, numbers as text


def test_an_empty_list_exports_nothing_and_says_so(page, tmp_path, monkeypatch):
    from ui.suggestions import print_actions
    said = []
    monkeypatch.setattr(print_actions.QMessageBox, "information", lambda _p, title, text: said.append((title, text)))
    page.search.setText("没有这样的意见建议")
    assert page.actions.export_ledger(path=str(tmp_path / "台账.xlsx")) is None
    assert said == [("导出台账", "列表中没有意见建议可以导出。")] and not (tmp_path / "台账.xlsx").exists()
