"""The bundle's entry script: the window, or the command line when a command or --self-test
is given (ui.launch decides)."""
import importlib
import os
import pkgutil
import sys

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
    sys.exit(main())
