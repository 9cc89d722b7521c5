"""The 履职档案 page: choosing deputies, the assessment ranking, printing in the background with a preview."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.app.dossier.sample import build
from ui.context import AppContext
from ui.dossiers.page import Page
from ui.printing.preview import PrintPreviewDialog
from ui.qt import QMessageBox, Qt


@pytest.fixture
def page(qtbot, store):
    ids = build(store)
    widget = Page(AppContext(store), today=date(2026, 11, 22))
    qtbot.addWidget(widget)
    widget.ids = ids
    return widget


def _names(page) -> list[str]:
    model = page.panel.model
    return [model.row_at(i).name for i in range(model.rowCount())]


def test_assessment_ranking_and_breakdown(page, qtbot, monkeypatch):
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 3)   # read in the background
    # Not settled: scores so far, the rank and grade columns hidden, nothing graded.
    assert "2026年度考评尚未确定：以下为截至11月22日的得分，不评定等次，不排名" in page.panel.summary.text()
    assert page.panel.table.isColumnHidden(0) and page.panel.table.isColumnHidden(4)
    assert page.settle_button.isVisibleTo(page) and not page.reopen_button.isVisibleTo(page)
    _select(page, "张三")
    assert "总分 24" in page.panel.detail.text() and "考评尚未确定" in page.panel.detail.text()
    assert "等次" not in page.panel.detail.text()
    # 2026 is not over: the user is asked whether to settle it early, and says yes.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.Yes)
    page.settle_button.click()
    assert "2026年度尚未结束" in asked[0]
    qtbot.waitUntil(lambda: "已于2026年11月22日确定" in page.panel.summary.text())
    model = page.panel.model
    assert [model.row_at(i).name for i in range(model.rowCount())] == ["张三", "李四", "王五"]
    assert "优秀 0 人，称职 1 人，基本称职 0 人，不称职 2 人" in page.panel.summary.text()
    assert not page.panel.table.isColumnHidden(0) and page.reopen_button.isVisibleTo(page)
    _select(page, "张三")
    assert "总分 24" in page.panel.detail.text() and "等次 称职　第 1 名" in page.panel.detail.text()
    page.reopen_button.click()
    qtbot.waitUntil(lambda: "尚未确定" in page.panel.summary.text())
    assert page.panel.table.isColumnHidden(4) and page.settle_button.isVisibleTo(page)


def test_settling_refused_is_said_and_nothing_changes(page, qtbot, monkeypatch):
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 3)
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    page.year.setValue(2027)
    page.settle_button.click()
    qtbot.waitUntil(lambda: warnings == ["2027年度尚未开始，不能确定履职考评"])   # said once the work ends
    qtbot.waitUntil(lambda: "2027年度考评尚未确定" in page.panel.summary.text())


def test_settling_runs_off_the_ui_thread_and_one_write_at_a_time(page, qtbot, monkeypatch):
    import threading

    from app.assessment import settlement
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 3)
    threads, release = [], threading.Event()

    def slow_settle(store, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return settlement.settle_year(store, **kwargs)
    monkeypatch.setattr("ui.dossiers.page.settle_year", slow_settle)
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: QMessageBox.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page.settle_button.click()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    page.settle_button.click()                  # a second settle while the first runs is refused
    assert told == ["“确定年度考评”正在进行，请等它完成后再试。"] and len(threads) == 1
    release.set()
    qtbot.waitUntil(lambda: "已于2026年11月22日确定" in page.panel.summary.text())


def _select(page, name: str) -> None:
    model = page.panel.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).name == name)
    page.panel.table.selectRow(row)


def test_group_and_selection_choose_deputies(page):
    chooser = page.chooser
    assert sorted(chooser.chosen_ids()) == sorted(page.ids.values())
    chooser.search.insert("李")
    chooser.pick_button.click()
    visible = [chooser.list.item(i).text()[:2] for i in range(chooser.list.count())
               if not chooser.list.item(i).isHidden()]
    assert visible == ["李四"]
    assert chooser.chosen_ids() == []
    chooser.select(deputy_ids=[page.ids["王五"]])
    assert chooser.chosen_ids() == [page.ids["王五"]]
    assert chooser.describe() == "王五"
    page.show_with(group="第一代表小组")
    assert len(chooser.chosen_ids()) == 3 and chooser.describe() == "第一代表小组"


def test_preview_runs_in_background_and_opens_the_pdf(page, qtbot):
    page.chooser.select(deputy_ids=[page.ids["张三"]])
    page.preview_dossiers()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    preview = page.preview
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.document.pageCount() >= 2
    text = "".join(PdfReader(io.BytesIO(preview.path.read_bytes())).pages[1].extract_text().split())
    assert "张三" in text
    preview.close()


def test_save_one_file_each(page, qtbot, tmp_path):
    out = tmp_path / "档案"
    page.save_to(out, ids=[page.ids["张三"], page.ids["王五"]], per_file=True)
    qtbot.waitUntil(lambda: page.job is None and page.last_output is not None, timeout=20000)
    assert sorted(p.name for p in out.iterdir()) == ["张三履职档案（2026年度）.pdf", "王五履职档案（2026年度）.pdf"]
    assert page.open_button.isEnabled()


def test_cancelling_a_save_part_way_leaves_no_file(page, qtbot, tmp_path, monkeypatch):
    from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
    gate = HeldAtFirstStep(monkeypatch, "ui.dossiers.page.print_dossiers")
    target = tmp_path / "档案.pdf"
    page.save_to(target, ids=[page.ids["张三"], page.ids["王五"]], per_file=False)
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: page.job.dialog is not None and page.job.dialog.isVisible())
    job = page.job
    with qtbot.waitSignal(job.cancelled):
        cancel_button(job.dialog).click()
        gate.go_on.set()
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []      # no PDF, no partial file
    assert page.job is None and page.last_output is None


def _end_seat(store, deputy_id: int) -> None:
    from db.models.roster import DeputyLevel
    with store.write("测试") as uow:
        uow.session.query(DeputyLevel).filter_by(deputy_id=deputy_id).one().status = "终止"


def test_a_save_while_the_page_is_shown_updates_the_ranking(page, qtbot, store):
    page.show()
    qtbot.waitUntil(lambda: _names(page) == ["张三", "李四", "王五"])
    _end_seat(store, page.ids["张三"])
    qtbot.waitUntil(lambda: _names(page) == ["李四", "王五"])


def test_a_save_while_the_page_is_hidden_is_caught_up_when_it_shows(page, qtbot, store):
    qtbot.waitUntil(lambda: _names(page) == ["张三", "李四", "王五"])
    assert not page.isVisible()
    _end_seat(store, page.ids["张三"])
    qtbot.wait(200)
    assert _names(page) == ["张三", "李四", "王五"]    # nothing read for a page nobody sees
    page.show()
    qtbot.waitUntil(lambda: _names(page) == ["李四", "王五"])


def test_another_year_shows_that_years_ranking(page, qtbot):
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 3)
    page.year.setValue(2024)                      # the sample has no 2024 records: all score 0
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 3
                    and all(page.panel.model.row_at(i).score.total == 0 for i in range(3)))
    page.year.setValue(2026)
    qtbot.waitUntil(lambda: page.panel.model.row_at(0).score.total == 24)


def test_the_groups_ranking_prints_from_the_assessment_side(page, qtbot):
    page.groups_button.click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    text = "".join(PdfReader(io.BytesIO(page.preview.path.read_bytes())).pages[0].extract_text().split())
    assert "2026年度代表小组考评情况表" in text and "不提出先进代表小组推荐名单" in text
    page.preview.close()
