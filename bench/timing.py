"""Shared helpers for the benchmarks: repeated timings with min/median/max, and the data sets."""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

RUNS = 5


@dataclass(frozen=True)
class Stats:
    low: float
    median: float
    high: float

    def text(self, unit: str = "ms") -> str:
        scale, digits = (1000, 1) if unit == "ms" else (1, 3)
        return (f"最小 {self.low * scale:8.{digits}f} {unit}  中位 {self.median * scale:8.{digits}f} {unit}  "
                f"最大 {self.high * scale:8.{digits}f} {unit}")


def stats(samples: list[float]) -> Stats:
    return Stats(min(samples), statistics.median(samples), max(samples))


def measure(fn: Callable[[], object], *, runs: int = RUNS, setup: Callable[[], object] | None = None) -> Stats:
    """Seconds per call over `runs` calls; `setup` runs before each call, outside the timing."""
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return stats(samples)


def ratio(ours: Stats, reference: Stats) -> str:
    return f"{ours.median / reference.median:5.2f}×"


def verdict(value: Stats, goal: float) -> str:
    return "达标" if value.median <= goal else "未达标"


def data_dir(scale: str, *, seed: int = 1) -> Path:
    """The generated data folder of a scale, generated on first use."""
    from bench.generate import DEFAULT_DIRS, SCALES, generate
    folder = DEFAULT_DIRS[scale]
    if not (folder / "marker-generated").exists():
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, scale=SCALES[scale], seed=seed)
        (folder / "marker-generated").write_text(str(seed), encoding="utf-8")
    return folder
