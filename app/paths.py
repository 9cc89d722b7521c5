"""Where things live: the user's data folder, the demo folder, and bundled resources."""
from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir, user_desktop_dir, user_documents_dir

APP_NAME = "DeputyDesk"
PORTABLE_MARKER = "portable.txt"
DB_FILE = "deputydesk.db"


def is_frozen() -> bool:
    """Running from the PyInstaller bundle rather than from source."""
    return bool(getattr(sys, "frozen", False))


def install_dir() -> Path:
    """The folder of the running program: the bundle folder when frozen, else the source tree."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[1]


def exe_dir() -> Path | None:
    """The folder holding DeputyDesk(.exe) when frozen; None from source."""
    return Path(sys.executable).resolve().parent if is_frozen() else None


def is_portable() -> bool:
    """A USB-stick install: the marker file sits beside the frozen program."""
    folder = exe_dir()
    return folder is not None and (folder / PORTABLE_MARKER).is_file()


def resource_path(*parts: str) -> Path:
    """A file under resources/, both from source and inside a frozen bundle."""
    return install_dir().joinpath("resources", *parts)


def default_data_dir() -> Path:
    """%LOCALAPPDATA%\\DeputyDesk on Windows (never beside the exe: Program Files is read-only),
    except in portable mode, where the data travels with the program in its `data` folder."""
    if is_portable():
        return exe_dir() / "data"
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def demo_data_dir() -> Path:
    return default_data_dir().parent / f"{APP_NAME}-演示"


def default_save_dir() -> Path:
    """Where file dialogs start: 文档 (Documents), else the Desktop, else the home folder."""
    for candidate in (user_documents_dir(), user_desktop_dir()):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()
