"""The bundle's entry script: the window, or the command line when a command or --self-test
is given (ui.launch decides)."""
import sys

from ui.launch import is_command_line, main


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


if __name__ == "__main__":
    attach_parent_console(sys.argv[1:])
    sys.exit(main())
