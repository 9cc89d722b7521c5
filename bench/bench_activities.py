"""Times the activities page: the year's list (list_activities) and funding ledger against raw SQL
returning the same rows in the same run, the page opened and painted, and each list filter.

Run: python -m bench.bench_activities [township|county] [data folder]
Goals: page < 300 ms (township) / < 1 s (county); a filter < 50 ms.
"""
from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text  # noqa: E402

from app.activities.funding import funding_ledger  # noqa: E402
from app.activities.reading import list_activities  # noqa: E402
from app.store import Store  # noqa: E402
from bench.timing import Stats, data_dir, measure, ratio, stats, verdict  # noqa: E402

PAGE_GOALS, FILTER_GOAL = {"township": 0.300, "county": 1.0}, 0.050
YEAR = date.today().year
# The references take the date index too (unary + keeps SQLite off deleted_at's, as ours do).
LIST_SQL = """
SELECT a.id, a.start_date, a.kind, a.theme, a.organiser, a.group_id, a.station_id, a.place,
       sum(t.status = '出席'), sum(t.status = '请假'), sum(t.status = '缺席')
  FROM activity a LEFT JOIN attendance t ON t.activity_id = a.id
 WHERE +a.deleted_at IS NULL AND a.start_date BETWEEN :s AND :e
 GROUP BY a.id ORDER BY a.start_date DESC, a.id
"""
FUNDING_SQL = """
SELECT t.deputy_id, d.name, a.id, a.start_date, a.kind, a.theme FROM attendance t
  JOIN activity a ON a.id = t.activity_id JOIN deputy d ON d.id = t.deputy_id
 WHERE t.status = '出席' AND +a.deleted_at IS NULL AND a.start_date BETWEEN :s AND :e
 ORDER BY t.deputy_id, a.start_date, a.id
"""


def _timed(fn, **kwargs) -> tuple[Stats, str]:
    """Wall-clock stats and the calls' own median CPU time (the machine may be shared)."""
    cpu: list[float] = []

    def call() -> None:
        start = time.process_time()
        fn()
        cpu.append(time.process_time() - start)
    took = measure(call, **kwargs)
    return took, f"（CPU 中位 {stats(cpu).median * 1000:.1f} ms）"


def _raw(store: Store, sql: str) -> list:
    with store.engine.connect() as conn:
        return conn.execute(text(sql), {"s": f"{YEAR}-01-01", "e": f"{YEAR}-12-31"}).fetchall()


def _services(store: Store, scale: str) -> None:
    raw_list = measure(lambda: _raw(store, LIST_SQL))
    raw_funding = measure(lambda: _raw(store, FUNDING_SQL))
    with store.read() as session:
        listed, listed_cpu = _timed(lambda: list_activities(session, year=YEAR))
        ledger, ledger_cpu = _timed(lambda: funding_ledger(session, year=YEAR))
        rows = list_activities(session, year=YEAR)
        lines = len(funding_ledger(session, year=YEAR).lines)
    print(f"规模 {scale}：{YEAR} 年活动 {len(rows)} 次，补助 {lines} 人次")
    print(f"  原始 SQL 取活动及出勤计数   {raw_list.text()}")
    print(f"  活动列表 list_activities    {listed.text()}  = 原始 SQL 的 {ratio(listed, raw_list)}  {listed_cpu}")
    print(f"  原始 SQL 取出席明细         {raw_funding.text()}")
    print(f"  补助台账 funding_ledger     {ledger.text()}  = 原始 SQL 的 {ratio(ledger, raw_funding)}  {ledger_cpu}")


def _page(store: Store, scale: str) -> None:
    from ui.context import AppContext
    from ui.activities.page import Page
    from ui.qt import QApplication
    app = QApplication.instance() or QApplication([])
    ctx = AppContext(store)
    page_open, page_cpu = _timed(lambda: (Page(ctx).grab(), app.processEvents()))
    print(f"  打开活动页（含绘制）        {page_open.text()}  目标 < {PAGE_GOALS[scale] * 1000:.0f} ms："
          f"{verdict(page_open, PAGE_GOALS[scale])}  {page_cpu}")
    page = Page(ctx)
    page.grab()
    tab = page.list
    for label, combo, index in (("类型", tab.kind, 1), ("组织者", tab.group, 1), ("季度", tab.quarter, 2)):
        if combo.count() <= index:
            continue
        filtered, filtered_cpu = _timed(lambda combo=combo, index=index: _filter_and_paint(app, tab, combo, index),
                                        setup=lambda combo=combo: combo.setCurrentIndex(0))
        combo.setCurrentIndex(index)
        shown = len(tab.model.visible_rows())
        combo.setCurrentIndex(0)
        print(f"  筛选{label}（{shown:5} 次，含绘制）   {filtered.text()}  目标 < 50 ms："
              f"{verdict(filtered, FILTER_GOAL)}  {filtered_cpu}")


def _filter_and_paint(app, tab, combo, index: int) -> None:
    combo.setCurrentIndex(index)
    tab.table.viewport().grab()      # the rows a user then sees
    tab.counts.grab()
    app.processEvents()


def main(scale: str, folder: Path) -> None:
    store = Store.open(folder, daily_backup=False)
    try:
        _services(store, scale)
        _page(store, scale)
    finally:
        store.close()


if __name__ == "__main__":
    chosen = sys.argv[1] if len(sys.argv) > 1 else "county"
    main(chosen, Path(sys.argv[2]) if len(sys.argv) > 2 else data_dir(chosen))
    sys.stdout.flush()
    os._exit(0)   # PySide may crash tearing down pages at interpreter exit; nothing is left to save
