"""What folding the WAL into deputydesk.db after each save costs: one save (a deputy's phone
changed, with its audit entry) with the checkpoint, without it, and in rollback-journal mode
(journal_mode=DELETE, where the .db alone is complete after every commit).
Run: python -m bench.bench_save [township|county]   (default: the demo township)"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from sqlalchemy import event

from app.store import Store
from bench.timing import data_dir, measure
from db.models.roster import Deputy

RUNS = 40


def one_save(store: Store, n: list[int]) -> None:
    n[0] += 1
    with store.write("修改代表（电话）") as uow:
        deputy = uow.session.get(Deputy, 1 + n[0] % 20)
        before = deputy.phone
        deputy.phone = f"1380000{n[0] % 10000:04d}"
        uow.record(action="update", entity="deputy", entity_uuid=deputy.uuid, summary="电话",
                   before={"phone": before}, after={"phone": deputy.phone})


def folder(scale: str | None) -> Path:
    work = Path(tempfile.mkdtemp()) / "数据"
    if scale:
        shutil.copytree(data_dir(scale), work)
    else:
        from app.demo import fill_demo
        with Store.open(work, daily_backup=False) as store:
            fill_demo(store)
    return work


def main(scale: str | None) -> None:
    work = folder(scale)
    n = [0]
    with Store.open(work, daily_backup=False) as store:
        print("WAL，每次保存后并入  ", measure(lambda: one_save(store, n), runs=RUNS).text())
        real = store.checkpoint
        store.checkpoint = lambda: None
        print("WAL，不并入          ", measure(lambda: one_save(store, n), runs=RUNS).text())
        store.checkpoint = real
    with Store.open(work, daily_backup=False) as store:
        store.engine.dispose()
        event.listen(store.engine, "connect",
                     lambda conn, _r: conn.execute("PRAGMA journal_mode=DELETE"))
        store.checkpoint = lambda: None
        print("回滚日志（DELETE）    ", measure(lambda: one_save(store, n), runs=RUNS).text())
    shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
