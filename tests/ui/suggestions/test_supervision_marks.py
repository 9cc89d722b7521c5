"""The ledger marks the rows the home page proposes for 督办: 待交办 (registered 10 working days ago,
never assigned) and 办理不力 (5 working days past the deadline, no 督办 yet), the same rows the
home page counts. Counted by hand on tests/app/statistics/township.py."""
from datetime import date, datetime

from app.overview.service import load_overview
from tests.app.statistics.township import build
from ui.context import AppContext
from ui.suggestions.page import Page

TODAY = date(2026, 9, 15)      # S2 registered 07-02; S3 due 09-08, 09-15 is the fifth working day late


def test_the_rows_the_home_page_proposes_for_supervision_are_marked(qtbot, store, qtmodeltester):
    town = build(store)
    page = Page(AppContext(store), today=TODAY)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    column = [c.title for c in page.model.columns].index("督办提示")
    marks = {page.model.row_at(r).id: page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())}
    s = town.suggestions
    # S5 is overdue too, but already proposed for its two 不满意: not marked twice
    assert marks == {s["S1"]: "", s["S2"]: "待交办", s["S3"]: "办理不力", s["S4"]: "", s["S5"]: ""}
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == s["S3"])
    assert "逾期" in page.model.data(page.model.index(row, column), 3)     # tooltip
    home = {i.key: i for i in load_overview(store, today=TODAY, now=datetime(2026, 9, 15, 9))}
    assert home["unassigned"].filters["ids"] == [i for i, m in marks.items() if m == "待交办"]
    assert home["lagging"].filters["ids"] == [i for i, m in marks.items() if m == "办理不力"]
    page.resize(1200, 400)
    page.grab().save("/tmp/ledger-marks.png")


def test_a_day_earlier_nothing_is_marked(qtbot, store):
    build(store)
    page = Page(AppContext(store), today=date(2026, 7, 15))
    qtbot.addWidget(page)
    assert not any(page.flags.values())
