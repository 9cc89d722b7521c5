"""Writing a file the user asked for without ever leaving a half-written one at its place:
write beside it under a temporary name, then rename over it."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable


class SaveError(OSError):
    """The file could not be written; the message says why in Chinese and what to do."""


def save_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temp_path)`, then move the finished file to `path`. On any failure the
    temporary file is removed and whatever stood at `path` before is left untouched."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".保存中-", suffix=path.suffix, dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise SaveError(exc.errno, save_message(exc, path)) from exc
    try:
        write(Path(temp))
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise SaveError(exc.errno, save_message(exc, path)) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def save_workbook(book, path: Path) -> Path:
    return save_atomically(path, lambda temp: book.save(temp))


def save_message(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足，未能保存“{path.name}”，原有文件未改动。请清理磁盘或换一个位置后重试。"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，或该位置不允许写入。"
                "请关闭文件或换一个位置后重试。")
    return f"未能保存“{path.name}”：{exc.strerror or exc}。原有文件未改动。"
