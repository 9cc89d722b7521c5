"""Fill a data folder with synthetic township- or county-scale records for the benchmarks.

Run: python -m bench.generate --scale township|county|tiny --seed N [--data-dir D]
Rows go in through SQLAlchemy Core insert() with dicts, in large batches, one transaction per
table group (ORM objects per row would take ten times longer and a gigabyte of memory).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Table, insert

from app import settings
from app.settings import Township
from app.store import Store
from app.workdays import WorkCalendar, load_overrides
from bench.synth_activities import build_activities, working_days
from bench.synth_people import build_people
from bench.synth_suggestions import build_suggestions, unit_rows
from db.base import Base
from db.models.core import Setting

BATCH = 20_000


@dataclass(frozen=True)
class Scale:
    deputies: int
    townships: int
    years: int
    activities: int
    attendance: int
    suggestions: int


SCALES = {
    "tiny": Scale(deputies=10, townships=1, years=1, activities=6, attendance=48, suggestions=15),
    "township": Scale(deputies=300, townships=1, years=3, activities=600, attendance=18_000, suggestions=1_500),
    "county": Scale(deputies=11_000, townships=12, years=3, activities=40_000, attendance=400_000,
                    suggestions=30_000),
}
DEFAULT_DIRS = {name: Path("/tmp") / f"deputydesk-bench-{name}" for name in SCALES}


def generate(data_dir: Path, *, scale: Scale, seed: int, today: date | None = None,
             log=print) -> dict[str, int]:
    """Fill an EMPTY data folder; returns the row count per table."""
    rng = random.Random(seed)
    today = today or date.today()
    now = datetime.now().replace(microsecond=0)
    store = Store.open(data_dir, daily_backup=False)
    try:
        with store.read() as session:
            calendar = WorkCalendar(load_overrides(session))
        days = working_days(calendar, first=date(today.year - scale.years + 1, 1, 1), last=today)
        counts: dict[str, int] = {}
        started = time.perf_counter()
        people = build_people(rng, deputies=scale.deputies, townships=scale.townships, now=now)
        _insert(store, {"station": people.stations, "deputy": people.deputies,
                        "deputy_group": people.groups, "deputy_level": people.seats,
                        "deputy_status_change": people.changes, "group_membership": people.memberships},
                counts)
        _settings(store, townships=scale.townships)
        log(f"代表名册：{len(people.deputies)} 名代表，{len(people.groups)} 个代表小组"
            f"（{time.perf_counter() - started:.1f} 秒）")
        activities, attendance = build_activities(
            rng, people, count=scale.activities, per_activity=round(scale.attendance / scale.activities),
            days=days, now=now)
        _insert(store, {"activity": activities, "attendance": attendance}, counts)
        log(f"活动记录：{len(activities)} 次活动，{len(attendance)} 条出勤（{time.perf_counter() - started:.1f} 秒）")
        tables = build_suggestions(rng, people, count=scale.suggestions, days=days, today=today,
                                   calendar=calendar, now=now)
        _insert(store, {"handling_unit": unit_rows(now), **tables.rows}, counts)
        log(f"意见建议：{scale.suggestions} 件（{time.perf_counter() - started:.1f} 秒）")
    finally:
        store.close()
    return counts


def _insert(store: Store, groups: dict[str, list[dict]], counts: dict[str, int]) -> None:
    """One transaction for the whole table group, in the order given (parents first)."""
    with store.engine.begin() as conn:
        for name, rows in groups.items():
            table: Table = Base.metadata.tables[name]
            for start in range(0, len(rows), BATCH):
                conn.execute(insert(table), rows[start:start + BATCH])
            counts[name] = counts.get(name, 0) + len(rows)


def _settings(store: Store, *, townships: int) -> None:
    township = Township(name="青山镇" if townships == 1 else "孝昌县（合并）", code="420921101000",
                        county="孝昌县", term=18, chair="李建国", secretary="王秀英",
                        mode="township" if townships == 1 else "county")
    with store.engine.begin() as conn:
        conn.execute(insert(Setting.__table__).prefix_with("OR REPLACE"),
                     [{"key": "township", "value": json.dumps(asdict(township), ensure_ascii=False)}])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description="生成测试用的代表履职数据")
    parser.add_argument("--scale", choices=sorted(SCALES), required=True, help="规模：tiny / township / county")
    parser.add_argument("--seed", type=int, default=1, help="随机种子（同一种子生成相同数据）")
    parser.add_argument("--data-dir", type=Path, help="数据文件夹（须为空或不存在）")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or DEFAULT_DIRS[args.scale]
    if data_dir.exists() and any(data_dir.iterdir()):
        print(f"数据文件夹 {data_dir} 不是空的：请换一个文件夹或先清空它", file=sys.stderr)
        return 2
    started = time.perf_counter()
    counts = generate(data_dir, scale=SCALES[args.scale], seed=args.seed)
    print(f"已生成 {sum(counts.values())} 条记录到 {data_dir}，用时 {time.perf_counter() - started:.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
