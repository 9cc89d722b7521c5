"""The statistics page: period chooser, tables from the same source as the workbook, charts."""
from datetime import date

from app.statistics.tables import all_tables
from tests.app.statistics.township import build
from ui.context import AppContext


def test_period_choice_and_tables(store, qtbot):
    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    assert page.period.code == "2026Q3"                     # opens on the current quarter
    qtbot.waitUntil(lambda: page.stats is not None)          # read in the background
    assert "62.5%（5/8）" in page.summary.text()
    assert "1 次活动未登记出勤" in page.summary.text()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[0] == "图表" and titles[1] == "五个全覆盖情况"
    assert len(titles) == 1 + len(all_tables(page.stats))
    groups = dict(page.charts["groups"].points)
    assert groups == {"东片小组": 62.5, "西片小组": 0}
    page.span.setCurrentIndex(4)                             # 上半年: nothing happened
    qtbot.waitUntil(lambda: page.stats.period.code == "2026H1")
    assert page.period.code == "2026H1" and len(page.stats.activities) == 0
    assert page.report_button.isHidden()
    page.show_with(period="2026")
    qtbot.waitUntil(lambda: page.stats.period.code == "2026")
    assert page.period.code == "2026" and page.report_button.text() == "年度总结…"


def test_charts_paint(qtbot):
    from ui.statistics.charts import BarChart, LineChart
    for chart in (BarChart("测试"), LineChart("测试")):
        qtbot.add_widget(chart)
        chart.resize(300, 200)
        assert not chart.grab().isNull()                     # empty: says there is no data
        chart.set_data([("一月", 3), ("二月", 0), ("三月", 5)])
        assert not chart.grab().isNull()


def test_charts_say_they_are_counting_until_the_figures_arrive(store, qtbot, monkeypatch):
    from ui.statistics.charts import NO_DATA, WAITING
    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    # No event has run yet, so the background result cannot have arrived.
    assert all(c.points == [] and c.note == WAITING for c in page.charts.values())
    qtbot.waitUntil(lambda: page.stats is not None)
    groups = page.charts["groups"]
    assert groups.note == "" and dict(groups.points) == {"东片小组": 62.5, "西片小组": 0}
    page.refresh()                                           # same period again (after a save)
    assert dict(groups.points) == {"东片小组": 62.5, "西片小组": 0}   # kept while recounting
    page.span.setCurrentIndex(4)                             # another period: old charts go
    assert all(c.points == [] and c.note == WAITING for c in page.charts.values())
    qtbot.waitUntil(lambda: page.stats.period.code == "2026H1")
    assert groups.note == "" and page.charts["kinds"].points == []   # counted: nothing happened
    page.charts["kinds"].resize(300, 200)
    assert not page.charts["kinds"].grab().isNull()
    assert NO_DATA == "（本期没有数据）"

    def fail(*_a, **_k):
        raise RuntimeError("磁盘读取失败")
    monkeypatch.setattr("ui.statistics.page.load_statistics", fail)
    page.span.setCurrentIndex(0)
    qtbot.waitUntil(lambda: "统计暂时无法完成" in page.summary.text())
    assert "磁盘读取失败" in page.summary.text()
    assert all(c.points == [] and c.note == "（未能统计）" for c in page.charts.values())


def test_each_coverage_row_quotes_seed_001_in_its_tooltip(store, qtbot):
    from ui.qt import QTableWidget
    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    qtbot.waitUntil(lambda: page.stats is not None)
    page.tabs.setCurrentIndex(1)                              # its table is built when opened
    grid = page.tabs.widget(1).findChild(QTableWidget)
    rows = {grid.item(r, 0).text(): grid.item(r, 1).toolTip() for r in range(grid.rowCount())}
    assert "时间、经费和场所等方面的保障" in rows["活动保障机制全覆盖"]
    assert "检查督导力度" in rows["督导工作全覆盖"]
    assert all("黄冈市" in tip for tip in rows.values())


def test_the_workbook_and_the_printouts_are_written_off_the_ui_thread_then_opened(store, qtbot, tmp_path,
                                                                                   monkeypatch):
    from python_calamine import CalamineWorkbook

    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    qtbot.waitUntil(lambda: page.stats is not None and page.export_button.isEnabled())
    opened = []       # a workbook says where it went; a printout opens in the app's own preview
    monkeypatch.setattr("ui.statistics.page.show_saved",
                        lambda _parent, path, *, what: opened.append(("已保存", str(path))))

    class Preview:
        def __init__(self, path, **_kw):
            opened.append(("预览", str(path)))

        def open(self):
            pass
    monkeypatch.setattr("ui.statistics.page.PrintPreviewDialog", Preview)
    for action, name in ((page.export, "统计.xlsx"), (page.print_tables, "统计.pdf"), (page.print_report, "报告.pdf")):
        monkeypatch.setattr(page, "_ask", lambda *_a, name=name: tmp_path / name)
        action()
        qtbot.waitUntil(lambda name=name: opened[-1:][0][1:] == (str(tmp_path / name),) if opened else False)
    assert opened == [("已保存", str(tmp_path / "统计.xlsx")), ("预览", str(tmp_path / "统计.pdf")),
                      ("预览", str(tmp_path / "报告.pdf"))]
    assert "代表小组参与率" in CalamineWorkbook.from_path(str(tmp_path / "统计.xlsx")).sheet_names
    assert (tmp_path / "统计.pdf").read_bytes()[:5] == b"%PDF-" == (tmp_path / "报告.pdf").read_bytes()[:5]


def test_the_suggestions_handling_report_for_a_year_and_the_notice_for_a_half_year(store, qtbot, tmp_path,
                                                                                    monkeypatch):
    from pypdf import PdfReader

    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    qtbot.waitUntil(lambda: page.stats is not None)
    assert page.handling_button.isHidden()                   # a quarter has neither
    opened = []

    class Preview:
        def __init__(self, path, **_kw):
            opened.append(str(path))

        def open(self):
            pass
    monkeypatch.setattr("ui.statistics.page.PrintPreviewDialog", Preview)
    for choice, button, name in ((4, "办理情况通报…", "通报.pdf"), (6, "办理情况报告…", "报告.pdf")):
        page.span.setCurrentIndex(choice)
        qtbot.waitUntil(lambda: page.stats.period == page.period and page.handling_button.isEnabled())
        assert not page.handling_button.isHidden() and page.handling_button.text() == button
        monkeypatch.setattr(page, "_ask", lambda *_a, name=name: tmp_path / name)
        page.handling_button.click()
        qtbot.waitUntil(lambda name=name: str(tmp_path / name) in opened)
    first = "".join(PdfReader(tmp_path / "通报.pdf").pages[0].extract_text().split())
    assert "关于2026年上半年代表意见建议办理情况的通报" in first
    first = "".join(PdfReader(tmp_path / "报告.pdf").pages[0].extract_text().split())
    assert "关于2026年度代表意见建议办理情况的报告" in first


def test_a_workbook_export_cancelled_part_way_keeps_the_old_file_and_says_nothing_saved(store, qtbot, tmp_path,
                                                                                        monkeypatch):
    from sqlalchemy import func, select

    from db.models.core import AuditEntry
    from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.add_widget(page)
    page.show()
    qtbot.waitUntil(lambda: page.stats is not None and page.export_button.isEnabled())
    with store.read() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    (tmp_path / "导出").mkdir()
    target = tmp_path / "导出" / "统计.xlsx"
    target.write_bytes(b"last quarter's good workbook")
    said = []
    monkeypatch.setattr("ui.statistics.page.show_saved", lambda _parent, path, *, what: said.append(path))
    monkeypatch.setattr(page, "_ask", lambda *_a: target)
    gate = HeldAtFirstStep(monkeypatch, "ui.statistics.page.export_statistics")
    op = page.export()
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    assert target.read_bytes() == b"last quarter's good workbook"
    assert list(target.parent.iterdir()) == [target]       # no half-written temporary beside it
    assert said == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries
