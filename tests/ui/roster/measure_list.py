"""Measure (not a test): open the roster list and one search keystroke with 11,000 deputies.

Run: QT_QPA_PLATFORM=offscreen python -m tests.ui.roster.measure_list
"""
from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.demo.roster import FEMALE, MALE, SURNAMES  # noqa: E402
from app.roster import DeputyId  # noqa: E402
from app.roster.deputies import add_deputy  # noqa: E402
from app.roster.fields import DeputyFields  # noqa: E402
from app.roster.levels import SeatInput, add_seat  # noqa: E402
from app.store import Store  # noqa: E402

COUNT = 11_000


def fill(store: Store) -> None:
    rng = random.Random(1)
    with store.write("测量用数据") as uow:
        for n in range(COUNT):
            name = rng.choice(SURNAMES) + rng.choice(MALE + FEMALE)
            deputy = add_deputy(uow, DeputyFields(name=name, phone=f"139{rng.randrange(10**7, 10**8)}"))
            add_seat(uow, deputy_id=DeputyId(deputy.id), seat=SeatInput("乡镇", 18, "第一选区", date(2021, 12, 1)))


def main() -> None:
    from ui.qt import QApplication
    app = QApplication([])
    from ui.context import AppContext
    from ui.roster.page import Page
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp), daily_backup=False)
        started = time.perf_counter()
        fill(store)
        print(f"写入 {COUNT} 位代表：{time.perf_counter() - started:.1f} 秒")
        from app.roster.listing import roster_rows
        started = time.perf_counter()
        rows = roster_rows(store)
        service = time.perf_counter() - started
        page = Page(AppContext(store))
        started = time.perf_counter()
        page.model.set_rows(rows)
        set_rows = time.perf_counter() - started
        started = time.perf_counter()
        page.refresh()
        whole = time.perf_counter() - started
        print(f"名册服务 roster_rows：{service * 1000:.0f} ms；model.set_rows：{set_rows * 1000:.0f} ms；"
              f"整页刷新（含小组、提示、计数）：{whole * 1000:.0f} ms")
        for text in ("z", "zh", "王"):
            started = time.perf_counter()
            page.search.setText(text)
            app.processEvents()
            print(f"搜索“{text}”一次按键：{(time.perf_counter() - started) * 1000:.0f} ms，"
                  f"显示 {page.model.rowCount()} 人")
        page.close()
        store.close()


if __name__ == "__main__":
    main()
