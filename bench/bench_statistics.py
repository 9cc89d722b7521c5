"""Times the statistics of this quarter and this year (`load_statistics`, what the statistics page
and the quarterly and yearly reports read) and the home page's overview (`load_overview`).
Run: python -m bench.bench_statistics [township|county ...] [--folder PATH] [--runs N]
Goal: < 300 ms at township scale, < 2 s at county scale.

--folder reads a copy of a scale's data folder instead of the shared one (one process at a time
may open a data folder).
"""
from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from app.overview.service import load_overview
from app.statistics.periods import quarter_of, year_of
from app.statistics.report import load_statistics
from app.store import Store
from bench.timing import RUNS, data_dir, measure, stats, verdict

GOALS = {"township": 0.300, "county": 2.0}
TODAY = date.today()


def main(scale: str, *, folder: Path | None = None, runs: int = RUNS) -> None:
    store = Store.open(folder or data_dir(scale), daily_backup=False)
    goal = GOALS.get(scale, GOALS["county"])
    quarter, year = quarter_of(TODAY), year_of(TODAY)
    load_statistics(store, period=quarter, today=TODAY)       # imports and first reads, not timed
    timed = {
        f"统计 {quarter.label}（load_statistics）": lambda: load_statistics(store, period=quarter, today=TODAY),
        f"统计 {year.label}（load_statistics）": lambda: load_statistics(store, period=year, today=TODAY),
        "首页概览（load_overview）": lambda: load_overview(store, today=TODAY),
    }
    print(f"规模 {scale}（{runs} 次）")
    for label, call in timed.items():
        cpu: list[float] = []
        took = measure(lambda: _cpu(call, cpu), runs=runs)
        print(f"  {label:32s} {took.text()}  目标 < {goal * 1000:.0f} ms：{verdict(took, goal)}"
              f"  （CPU 中位 {stats(cpu).median * 1000:.1f} ms）")
    store.close()


def _cpu(call, into: list[float]) -> None:
    """The call's own CPU time besides the wall clock: the machine may be shared."""
    start = time.process_time()
    call()
    into.append(time.process_time() - start)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("scales", nargs="*", default=["township", "county"])
    parser.add_argument("--folder", type=Path, help="a copy of the (single) scale's data folder")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    for name in args.scales:
        main(name, folder=args.folder, runs=args.runs)
