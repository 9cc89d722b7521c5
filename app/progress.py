"""How long work reports progress and hears a cancel; the UI, CLI and tests each implement it."""
from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled; whatever was under way has been rolled back or removed."""

    def __init__(self) -> None:
        super().__init__("操作已取消，未作任何改动。")


class Progress(Protocol):
    def step(self, done: int, total: int, message: str) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class SilentProgress:
    """For the command line and tests: records the last step, never cancels."""

    def __init__(self) -> None:
        self.last: tuple[int, int, str] | None = None
        self.cancelled = False

    def step(self, done: int, total: int, message: str) -> None:
        self.last = (done, total, message)


def check(progress: Progress | None) -> None:
    if progress is not None and progress.cancelled:
        raise Cancelled()
