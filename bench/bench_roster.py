"""Times opening the roster list at county scale (11,000 deputies) and one search keystroke.

Run: python -m bench.bench_roster [township|county]    goals: list < 300 ms, keystroke < 50 ms
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text  # noqa: E402

from app.roster.listing import RosterFilter, roster_rows  # noqa: E402
from app.roster.warnings import roster_view  # noqa: E402
from app.store import Store  # noqa: E402
from bench.timing import data_dir, measure, ratio, verdict  # noqa: E402

LIST_GOAL, KEY_GOAL = 0.300, 0.050
# One keystroke each: a character, the first and second letter of full pinyin, initials.
KEYSTROKES = (("", "王"), ("", "w"), ("w", "wa"), ("z", "zs"), ("王", "王伟"))


def _raw(store: Store) -> list:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT * FROM deputy WHERE deleted_at IS NULL ORDER BY id")).fetchall()


def main(scale: str) -> None:
    from ui.context import AppContext
    from ui.roster.page import COLUMNS, Page
    from ui.qt import QApplication
    from ui.table_model import RowTableModel
    app = QApplication.instance() or QApplication([])
    store = Store.open(data_dir(scale), daily_backup=False)
    raw = measure(lambda: _raw(store))
    service = measure(lambda: roster_rows(store))
    with_warnings = measure(lambda: roster_view(store))
    rows = roster_rows(store)
    model = RowTableModel(COLUMNS)
    model.sort(0)
    set_rows = measure(lambda: model.set_rows(rows))
    ctx = AppContext(store)
    page_open = measure(lambda: (Page(ctx).grab(), app.processEvents()))
    print(f"规模 {scale}：名册 {len(rows)} 人")
    print(f"  原始 SQL 取代表表       {raw.text()}")
    print(f"  名册服务 roster_rows    {service.text()}  = 原始 SQL 的 {ratio(service, raw)}")
    print(f"  名册+提示 roster_view   {with_warnings.text()}  = 原始 SQL 的 {ratio(with_warnings, raw)}")
    print(f"  表格模型 set_rows(排序) {set_rows.text()}")
    print(f"  打开名册页（含绘制）    {page_open.text()}  目标 < 300 ms：{verdict(page_open, LIST_GOAL)}")
    page = Page(ctx)
    for before, after in KEYSTROKES:
        def reset(before=before):
            page.search.setText(before)
        key = measure(lambda after=after: page.search.setText(after), setup=reset)
        shown = len(page.model.visible_rows())
        pure = measure(lambda after=after: [r for r in rows if RosterFilter(query=after).accepts(r)])
        print(f"  按键 “{before}”→“{after}” ({shown:5} 人)  {key.text()}  其中筛选 {pure.median * 1000:5.1f} ms"
              f"  目标 < 50 ms：{verdict(key, KEY_GOAL)}")
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "county")
    sys.stdout.flush()
    os._exit(0)   # PySide may crash tearing down pages at interpreter exit; nothing is left to save
