"""Bench (not a test): the data package's export and import against the raw libraries writing
(xlsxwriter constant-memory) and reading (python-calamine) the same rows, with peak memory.

Run: python -m bench.bench_package [--scale township|county|both] [--runs N]
Each run is a fresh process; its peak memory is the peak resident memory (VmHWM) of the timed work
alone (see `child`). Data folders are built once with bench.generate (Core inserts) under /tmp and
reused.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.timing import stats

# DEPUTYDESK_BENCH_PACKAGE_ROOT: another folder, so two benches can run side by side (each data
# folder admits one opener at a time).
ROOT = Path(os.environ.get("DEPUTYDESK_BENCH_PACKAGE_ROOT", "/tmp/deputydesk-bench-package"))
ACTIONS = ("export", "raw-write", "read", "raw-read", "import", "apply-import")
FIFTH = "county-fifth"      # a fifth of the county scale, for apply_import (see child)


def data_dir(scale: str) -> Path:
    return ROOT / f"{scale}-data"


def package_path(scale: str) -> Path:
    return ROOT / f"{scale}-包.xlsx"


def ensure_data(scale: str) -> None:
    if (data_dir(scale) / "deputydesk.db").exists() or any(data_dir(scale).glob("*.db")):
        return
    from bench.generate import SCALES, Scale, generate
    ROOT.mkdir(parents=True, exist_ok=True)
    sizes = Scale(deputies=2_200, townships=12, years=3, activities=8_000, attendance=80_000, suggestions=6_000) \
        if scale == FIFTH else SCALES[scale]
    generate(data_dir(scale), scale=sizes, seed=7, today=date.today())


def period():
    from app.package.period import date_range
    return date_range(date(date.today().year - 3, 1, 1), date.today())


def _status_mb(field: str) -> float:
    """A figure of /proc/self/status (VmHWM: peak resident memory, VmRSS: resident now) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _forget_peak() -> None:
    """Resets VmHWM to the memory resident now (Linux: /proc/self/clear_refs, "5")."""
    Path("/proc/self/clear_refs").write_text("5")


def child(action: str, scale: str) -> dict:
    """One timed action in this process; returns seconds and peak memory (MB).

    The peak is that of the timed work: the reads open no Store (they need none), and the actions
    that do need one forget the peak of its opening (at county scale the opening alone peaks
    above any package's work) before their timing starts. `peak_mb` is the process's peak
    resident memory from there on, `base_mb` what was resident when the timing started."""
    from app.store import Store
    store = None if action in ("read", "raw-read") else Store.open(data_dir(scale), daily_backup=False)
    out = ROOT / f"{scale}-{action}.xlsx"
    if action == "export":
        from sqlalchemy.orm import configure_mappers

        from app.package.export import export_package
        # The ORM's one-time set-up, done by the app long before any export (and here, for the raw
        # write, by the query that collects its rows before its timing starts).
        configure_mappers()
        base, start, cpu = _start()
        export_package(store, out=package_path(scale), period=period())
    elif action == "raw-write":
        sheets = _sheets(store)
        base, start, cpu = _start()
        _xlsxwriter(out, sheets)
    elif action == "read":
        from app.package.kinds import specs
        from app.package.reader import read_package
        base, start, cpu = _start()
        read_package(package_path(scale), specs=specs())
    elif action == "raw-read":
        from python_calamine import CalamineWorkbook
        base, start, cpu = _start()
        book = CalamineWorkbook.from_path(str(package_path(scale)))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    elif action == "apply-import" and scale == "county":
        # The whole county package takes many minutes through apply_import (ORM writes per record);
        # a fifth of the county is timed instead: its own data folder and package, built untimed.
        from app.package.export import export_package
        store.close()
        ensure_data(FIFTH)
        store = Store.open(data_dir(FIFTH), daily_backup=False)
        if not package_path(FIFTH).exists():
            export_package(store, out=package_path(FIFTH), period=period())
        base, start, cpu = _start()
        _import(FIFTH, store, merge=False)
    elif action in ("import", "apply-import"):
        base, start, cpu = _start()
        _import(scale, store, merge=action == "import" and scale == "county")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = _status_mb("VmHWM")
    if store is not None:
        store.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak, "base_mb": base}


def _start() -> tuple[float, float, float]:
    _forget_peak()
    return _status_mb("VmRSS"), time.perf_counter(), time.process_time()


def _sheets(store):
    from app.package.export import _collect
    from app.package.kinds import Scope
    with store.read() as session:
        return [(spec, list(rows)) for spec, rows in _collect(session, Scope(period()), up=True, progress=None)]


def _xlsxwriter(out: Path, sheets) -> None:
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_numbers": False})
    day, moment = wb.add_format({"num_format": "yyyy-mm-dd"}), wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for spec, rows in sheets:
        ws = wb.add_worksheet(spec.name)
        ws.write_row(0, 0, spec.headers)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if hasattr(v, "hour"):
                    ws.write_datetime(r, c, v, moment)
                elif hasattr(v, "year"):
                    ws.write_datetime(r, c, v, day)
                elif isinstance(v, str):
                    ws.write_string(r, c, v)
                else:
                    ws.write_number(r, c, v)
    wb.close()


def _import(scale: str, src, *, merge: bool) -> None:
    """A full import into an empty township (`apply_import`), or (merge) a county workspace's merge."""
    from app import settings
    from app.store import Store
    target = ROOT / f"{scale}-import-target"
    shutil.rmtree(target, ignore_errors=True)
    store = Store.open(target, daily_backup=False)
    with src.read() as s:
        town = settings.load(s, "township")
    with store.write("设置") as uow:
        mode = "county" if merge else "township"
        settings.save(uow, "township", settings.Township(name=town.name, code=town.code if mode == "township" else "420921000000",
                                                        county=town.county, term=18, mode=mode))
    if merge:
        from app.package.county import merge_packages
        [outcome] = merge_packages(store, [package_path(scale)])
        assert outcome.status != "拒绝", outcome.message
    else:
        from app.package.importer import apply_import
        apply_import(store, package_path(scale))
    store.close()


def run(action: str, scale: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.bench_package", "--child", action, "--scale", scale],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench(scale: str, runs: int, *, apply_import: bool = False) -> dict[str, dict]:
    """Runs interleaved (export, raw write, read, raw read, … then again), so that load from other
    work on a shared machine falls on ours and the reference alike."""
    ensure_data(scale)
    plan = {a: runs for a in ("export", "raw-write", "read", "raw-read")}
    plan["import"] = 1 if scale == "county" and runs > 1 else min(runs, 2)
    if apply_import:
        plan["apply-import"] = 1
    samples: dict[str, list[dict]] = {a: [] for a in plan}
    for i in range(max(plan.values())):
        for action, n in plan.items():
            if i < n:
                samples[action].append(run(action, scale))
    out = {}
    for action, results in samples.items():
        out[action] = {"stats": stats([r["seconds"] for r in results]), "peak": max(r["peak_mb"] for r in results),
                       "base": max(r["base_mb"] for r in results),
                       "runs": len(results)}
        out[action]["cpu"] = stats([r["cpu_seconds"] for r in results])
        print(f"{scale} {action}: {out[action]['stats'].text('s')}  CPU 中位数 {out[action]['cpu'].median:.2f} s  "
              f"峰值内存 {out[action]['peak']:.0f} MB（计时开始时 {out[action]['base']:.0f} MB）"
              f"（{len(results)} 次）", flush=True)
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_package")
    p.add_argument("--scale", default="both", choices=("township", "county", "both"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--child", choices=ACTIONS)
    p.add_argument("--apply-import", action="store_true",
                   help="also time apply_import of the package into an empty township (county: slow)")
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.scale)))
        return 0
    for scale in (("township", "county") if args.scale == "both" else (args.scale,)):
        print(f"loadavg before {scale}: {Path('/proc/loadavg').read_text().strip()}", flush=True)
        r = bench(scale, args.runs if scale == "township" else min(args.runs, 3), apply_import=args.apply_import)
        e, w, rd, rr = (r[k]["stats"].median for k in ("export", "raw-write", "read", "raw-read"))
        print(f"{scale}：导出/原始写入 = {e / w:.2f}×，读取校验/原始读取 = {rd / rr:.2f}×", flush=True)
        print(f"loadavg after {scale}: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
