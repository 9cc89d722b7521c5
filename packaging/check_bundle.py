"""Runs a built bundle the way the office PC will, offscreen: every window module loads; the
window starts with demo data and stays up; while it runs, a second program on the same data
folder is refused in Chinese, and once it is killed (a crash) the folder opens again; a copy
with portable.txt beside the program keeps its data in its own data folder. Folders have
Chinese names and spaces throughout.

Usage: python packaging/check_bundle.py dist/DeputyDesk      (exit 0 when every check passed)
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = ".exe" if sys.platform == "win32" else ""
START_LIMIT = 180   # seconds for the window to write the demo data on a slow machine
STAY_UP = 5         # seconds the window must then stay alive
REFUSED = "已在使用"  # app.lock.AlreadyOpenError's words


class CheckFailed(Exception):
    pass


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    if not (bundle / f"DeputyDesk{EXE}").is_file():
        print(f"找不到打包好的程序：{bundle / ('DeputyDesk' + EXE)}（请先运行 PyInstaller build.spec）",
              file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="代表履职 检查-"))
    try:
        check_window_modules(bundle)
        check_window_and_lock(bundle, work)
        check_portable(bundle, work)
    except CheckFailed as exc:
        print(f"检查未通过：{exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("打包版检查通过")
    return 0


def check_window_modules(bundle: Path) -> None:
    """Every window module loads inside the bundle, so a Qt library missing for a screen
    opened late (print preview, …) shows here (packaging/entry.py's import check)."""
    print("== 加载全部界面模块", flush=True)
    done = subprocess.run([str(bundle / f"DeputyDesk{EXE}")], capture_output=True, timeout=600,
                          env={**offscreen(), "DEPUTYDESK_CHECK_IMPORTS": "1"})
    out = (done.stdout + done.stderr).decode("utf-8", errors="replace").strip()
    print(f"   {out}", flush=True)
    if done.returncode != 0:
        raise CheckFailed(f"有界面模块在打包版中无法加载（退出码 {done.returncode}）")


def check_window_and_lock(bundle: Path, work: Path) -> None:
    data = work / "演示 数据"
    log_path = work / "window.log"
    print(f"== 启动窗口（演示数据，离屏）：{data}", flush=True)
    with open(log_path, "wb") as log:
        window = subprocess.Popen([str(bundle / f"DeputyDesk{EXE}"), "--demo", "--data-dir", str(data)],
                                  stdout=log, stderr=subprocess.STDOUT, env=offscreen())
    try:
        wait_for_demo_data(window, data / "deputydesk.db", log_path)
        print("== 窗口运行时，同一数据文件夹不能再打开", flush=True)
        code, out = run_cli(bundle, "--data-dir", str(data), "backup")
        if code == 0 or REFUSED not in out:
            raise CheckFailed(f"窗口运行时第二个程序没有被拒绝（退出码 {code}）：{out}")
        time.sleep(STAY_UP)
        if window.poll() is not None:
            raise CheckFailed(f"窗口程序启动后退出（退出码 {window.returncode}）：{read(log_path)}")
    finally:
        window.kill()   # as a crash would: the lock must go with the process
        window.wait()
    if "Traceback" in read(log_path):
        raise CheckFailed(f"窗口程序出现 Python 错误：{read(log_path)}")
    print("== 窗口被强行关闭后，数据文件夹可以再次打开", flush=True)
    code, out = run_cli(bundle, "--data-dir", str(data), "backup")
    if code != 0:
        raise CheckFailed(f"程序异常退出后数据文件夹仍打不开（退出码 {code}）：{out}")


def wait_for_demo_data(window: subprocess.Popen, db: Path, log_path: Path) -> None:
    deadline = time.monotonic() + START_LIMIT
    while not (db.is_file() and db.stat().st_size > 0):
        if window.poll() is not None:
            raise CheckFailed(f"窗口程序启动后退出（退出码 {window.returncode}）：{read(log_path)}")
        if time.monotonic() > deadline:
            raise CheckFailed(f"{START_LIMIT} 秒内没有写出演示数据：{read(log_path)}")
        time.sleep(1)


def check_portable(bundle: Path, work: Path) -> None:
    copy = work / "U盘 便携" / "DeputyDesk"
    print(f"== 便携模式：{copy}", flush=True)
    shutil.copytree(bundle, copy, symlinks=True)
    (copy / "portable.txt").write_text("便携模式", encoding="utf-8")
    code, out = run_cli(copy, "demo")
    if code != 0:
        raise CheckFailed(f"便携模式下生成演示数据失败（退出码 {code}）：{out}")
    if not (copy / "data" / "deputydesk.db").is_file():
        raise CheckFailed(f"便携模式的数据没有放在程序旁边的 data 文件夹里：{out}")
    code, out = run_cli(copy, "check")
    if code != 0 or str(copy / "data") not in out:
        raise CheckFailed(f"便携模式的数据文件夹不对（退出码 {code}）：{out}")


def run_cli(bundle: Path, *args: str) -> tuple[int, str]:
    done = subprocess.run([str(bundle / f"deputydesk-cli{EXE}"), *args], capture_output=True,
                          env=offscreen(), timeout=600)
    out = (done.stdout + done.stderr).decode("utf-8", errors="replace").strip()
    print(f"   {' '.join(args)} → 退出码 {done.returncode}：{out.splitlines()[-1] if out else ''}",
          flush=True)
    return done.returncode, out


def offscreen() -> dict[str, str]:
    # As on the office PC: no UTF-8 mode, the console's own code page (the programs cope).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    return {**env, "QT_QPA_PLATFORM": "offscreen"}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
