"""The bundle's entry script: the window, or the command line when a command or --self-test
is given (ui.launch decides)."""
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from app.paths import default_save_dir
from ui.launch import is_command_line, main

# Set by .ci/bundle only: import every window module and exit, so that a Qt library missing
# from the bundle shows up even for screens opened late (print preview, …).
CHECK_IMPORTS = "DEPUTYDESK_CHECK_IMPORTS"


def attach_parent_console(argv: list[str]) -> bool:
    """The windowed DeputyDesk.exe has no console on Windows, so a command typed in cmd would
    print nothing: write to the console of the cmd window that started it instead."""
    if sys.platform != "win32" or sys.stdout is not None or not is_command_line(argv):
        return False
    import ctypes

    if not ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        return False
    # "CONOUT$" opens as a Unicode console stream, so Chinese shows on a GBK console too.
    sys.stdout = open("CONOUT$", "w", encoding="utf-8")
    sys.stderr = sys.stdout
    return True


def start_in_documents(argv: list[str]) -> list[str]:
    """File dialogs given a bare file name or no folder start in the working folder, which for
    an installed program is Program Files: make it 文档 (or the Desktop) for the window.
    A relative --data-dir keeps meaning the folder it was typed in."""
    if is_command_line(argv):
        return argv
    here, out = Path.cwd(), list(argv)
    for i, arg in enumerate(out):
        if arg == "--data-dir" and i + 1 < len(out):
            out[i + 1] = str(here / out[i + 1])
        elif arg.startswith("--data-dir="):
            out[i] = "--data-dir=" + str(here / arg.split("=", 1)[1])
    try:
        os.chdir(default_save_dir())
    except OSError:
        pass  # an unreachable redirected 文档 folder: dialogs start where they would anyway
    return out


def check_imports() -> int:
    import ui

    loaded, failed = 0, []
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
            loaded += 1
        except Exception as exc:  # report every broken module, not only the first
            failed.append(f"{info.name}：{exc}")
    for line in failed:
        print(f"界面模块无法加载 {line}", file=sys.stderr)
    print(f"界面模块 {loaded} 个加载成功，{len(failed)} 个失败")
    return 1 if failed or not loaded else 0


if __name__ == "__main__":
    if os.environ.get(CHECK_IMPORTS):
        sys.exit(check_imports())
    attach_parent_console(sys.argv[1:])
    sys.exit(main(start_in_documents(sys.argv[1:])))
