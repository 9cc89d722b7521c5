"""Times starting the application to a usable main window, each in a new process, against a
bare QMainWindow process measured in the same run. Run: python -m bench.bench_startup
Goals: < 1.0 s township, < 1.5 s county (file cache warm: the OS keeps the files after run 1).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import data_dir, ratio, stats, verdict

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"township": 1.0, "county": 1.5}
# The window counts as usable once the event loop has run once after show().
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 780); w.show()
QTimer.singleShot(0, lambda: (print("READY", time.time(), flush=True), app.quit()))
app.exec()
"""
APP = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, lambda: (print("READY", time.time(), flush=True), app.quit()))
from ui.launch import main
main(["--data-dir", sys.argv[1]])
"""


def one(script: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    started = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120)
    ready = [line for line in out.stdout.splitlines() if line.startswith("READY")]
    if not ready:
        raise RuntimeError(f"启动失败：{out.stderr[-2000:]}")
    return float(ready[0].split()[1]) - started


def main(scales: list[str], runs: int = 5) -> None:
    folders = {scale: str(data_dir(scale)) for scale in scales}
    for folder in folders.values():
        one(APP, folder)    # the first open of the day takes the daily backup: not a start-up cost
    bare = stats([one(BARE) for _ in range(runs)])
    print(f"空 QMainWindow 进程        {bare.text('s')}")
    for scale, folder in folders.items():
        app = stats([one(APP, folder) for _ in range(runs)])
        print(f"主窗口（{scale:8}）       {app.text('s')}  = 空窗口的 {ratio(app, bare)}"
              f"  目标 < {GOALS[scale]} s：{verdict(app, GOALS[scale])}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["township", "county"])
