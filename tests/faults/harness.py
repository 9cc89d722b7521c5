"""Kill a forked child (SIGKILL) at a random moment of an operation, and the checks every
fault test repeats on the data folder afterwards."""
from __future__ import annotations

import gc
import os
import shutil
import signal
import sqlite3
import time
import traceback
from pathlib import Path
from typing import Any, Callable

DB = "deputydesk.db"


def child_duration(prepare: Callable[[], Any], act: Callable[[Any], None]) -> float:
    """How long act() takes in a forked child, from ready to exit (the window to kill in)."""
    return kill_during(prepare, act, delay=60.0, timing=True)


def kill_during(prepare: Callable[[], Any], act: Callable[[Any], None], *, delay: float,
                timing: bool = False):
    """Fork: the child runs prepare(), says it is ready, then act(prepared); the parent kills it
    `delay` seconds after ready. True when the child had finished before the kill landed."""
    read_end, write_end = os.pipe()
    gc.freeze()   # fewer copy-on-write page copies in the child
    pid = os.fork()
    if pid == 0:   # child: never returns into pytest
        os.close(read_end)
        code = 0
        try:
            prepared = prepare()
            os.write(write_end, b"r")
            act(prepared)
        except BaseException:
            traceback.print_exc()
            code = 3
        os._exit(code)
    os.close(write_end)
    ready = os.read(read_end, 1)
    os.close(read_end)
    assert ready == b"r", "the child failed before it was ready"
    started = time.monotonic()
    status = _wait(pid, delay)
    if timing:
        assert status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        return time.monotonic() - started
    if status is None:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status):
        assert os.WEXITSTATUS(status) == 0, "the child's operation raised"
        return True
    return False


def _wait(pid: int, seconds: float) -> int | None:
    """The child's exit status if it ends within `seconds` (no sleeping past a finished run)."""
    end = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() >= end:
            return None
        time.sleep(0.002)


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def count(db_path: Path, sql: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def save_state(data_dir: Path, keep: Path) -> None:
    """A consistent copy of the database to put back before each run."""
    src, dst = sqlite3.connect(data_dir / DB), sqlite3.connect(keep)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def put_back(keep: Path, data_dir: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(data_dir / DB) + suffix).unlink(missing_ok=True)
    shutil.copyfile(keep, data_dir / DB)


def fill_audit(db_path: Path, rows: int, *, label: str = "填充") -> None:
    """Many rows quickly, straight through sqlite3, so operations on the file take a while."""
    conn = sqlite3.connect(db_path)
    try:
        conn.executemany(
            "INSERT INTO audit_entry (at, user, label, action, summary) VALUES "
            "('2026-01-01 00:00:00', 't', ?, 'write', ?)",
            ((f"{label}{i}", "内容" * 30) for i in range(rows)))
        conn.commit()
    finally:
        conn.close()
