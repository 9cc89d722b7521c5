"""Errors raised while printing, with messages shown to the user."""
from __future__ import annotations

from app.progress import Cancelled


class PrintError(Exception):
    """A document could not be printed; the message says why, in Chinese."""


class PrintCancelled(Cancelled):
    """Printing was cancelled by the user; no file was written."""

    def __init__(self) -> None:
        Exception.__init__(self, "打印已取消，未生成文件。")
