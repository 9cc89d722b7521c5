"""Where things live: the user's data folder, the demo folder, and bundled resources."""
from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "DeputyDesk"
PORTABLE_MARKER = "portable.txt"
DB_FILE = "deputydesk.db"


def install_dir() -> Path:
    """The folder of the running program: the bundle folder when frozen, else the source tree."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """A file under resources/, both from source and inside a frozen bundle."""
    return install_dir().joinpath("resources", *parts)


def default_data_dir() -> Path:
    # A USB-stick install keeps its data beside the program when the marker file is there.
    exe_dir = Path(sys.executable).parent if getattr(sys, "frozen", False) else None
    if exe_dir is not None and (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "data"
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def demo_data_dir() -> Path:
    return default_data_dir().parent / f"{APP_NAME}-演示"
