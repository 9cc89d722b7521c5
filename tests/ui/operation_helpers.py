"""Driving ui/operation.py's operations from tests: hold the real work at its first step, press 取消."""
from __future__ import annotations

import importlib
import threading

from ui.qt import QPushButton


def cancel_button(dialog) -> QPushButton:
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    return button


class HeldAtFirstStep:
    """Puts a wrapper in place of an app-layer call that takes `progress`: the real call runs, and
    its first step holds it until the test lets it go on (by then the test has pressed 取消)."""

    def __init__(self, monkeypatch, target: str) -> None:
        module, name = target.rsplit(".", 1)
        real = getattr(importlib.import_module(module), name)
        self.reached, self.go_on = threading.Event(), threading.Event()
        gate = self

        class Held:
            def __init__(self, progress) -> None:
                self.progress = progress

            @property
            def cancelled(self) -> bool:
                return self.progress.cancelled

            def step(self, done: int, total: int, message: str) -> None:
                self.progress.step(done, total, message)
                if not gate.reached.is_set():
                    gate.reached.set()
                    assert gate.go_on.wait(30)

        def held(*args, progress, **kwargs):
            return real(*args, progress=Held(progress), **kwargs)
        monkeypatch.setattr(target, held)
