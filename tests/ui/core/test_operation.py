"""The operation runner: work off the UI thread, a progress dialog with 取消 once it runs past a
moment, the outcome said on the UI thread, the changed tables announced, one write at a time."""
from __future__ import annotations

import threading

import pytest

from app.progress import Cancelled, check
from tests.app.roster.helpers import add
from tests.ui.operation_helpers import cancel_button
from ui.context import AppContext
from ui.operation import SHOW_AFTER_MS, Operation, run_operation
from ui.qt import QWidget


@pytest.fixture
def window(qtbot, store):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget, AppContext(store)


@pytest.fixture
def said(monkeypatch):
    messages = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(f"ui.operation.QMessageBox.{kind}",
                            lambda _parent, title, text, kind=kind: messages.append((kind, title, text)))
    return messages


def test_the_work_runs_off_the_ui_thread_and_its_result_comes_back_on_it(qtbot, window, said):
    widget, ctx = window
    threads, results, announced = {}, [], []
    ctx.changed.connect(announced.append)

    def work(progress):
        threads["work"] = threading.get_ident()
        add(ctx.store, "张三")        # a write in the worker: the store announces it
        return 42
    op = run_operation(widget, ctx, work, title="导入名册",
                       on_success=lambda value: results.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, threading.get_ident())] and threads["work"] != threading.get_ident()
    assert len(announced) == 1 and "deputy" in announced[0] and said == [] and not op.running and op.dialog is None


def test_a_refusal_is_said_in_chinese_under_the_operation_title(qtbot, window, said):
    widget, ctx = window

    def work(progress):
        raise ValueError("第 3 行：身份证号校验位不对")
    succeeded, announced = [], []
    ctx.changed.connect(announced.append)
    op = run_operation(widget, ctx, work, title="导入名册", on_success=succeeded.append)
    with qtbot.waitSignal(op.ended):
        pass
    assert said == [("warning", "导入名册未完成", "第 3 行：身份证号校验位不对")]
    assert succeeded == [] and announced == []


class Gate:
    """Holds the work at a step until the test lets it go on."""

    def __init__(self) -> None:
        self.reached, self.go_on = threading.Event(), threading.Event()

    def work(self, progress):
        progress.step(1, 4, "正在整理第 1 部分")
        self.reached.set()
        assert self.go_on.wait(30)
        check(progress)
        progress.step(4, 4, "完成")
        return "已完成"


def test_quick_work_shows_no_progress_dialog(qtbot, window, said):
    widget, ctx = window
    results = []
    op = run_operation(widget, ctx, lambda progress: "快", title="打印", on_success=results.append)
    qtbot.waitUntil(lambda: bool(results))
    qtbot.wait(SHOW_AFTER_MS + 200)
    assert results == ["快"] and op.dialog is None
    assert not any(w.isVisible() for w in widget.findChildren(QWidget) if w.windowTitle() == "打印")


def test_long_work_shows_progress_and_cancel_stops_it_without_a_result(qtbot, window, said):
    widget, ctx = window
    gate, results, announced = Gate(), [], []
    ctx.changed.connect(announced.append)
    op = run_operation(widget, ctx, gate.work, title="导出数据包",
                       on_success=results.append)
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    assert op.dialog.labelText() == "正在整理第 1 部分"
    assert (op.dialog.value(), op.dialog.maximum()) == (1, 4)
    assert op.dialog.windowTitle() == "导出数据包" and op.dialog.isModal()
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    assert results == [] and announced == [] and said == []
    assert not op.running and op.dialog is None


def test_long_work_left_alone_finishes_and_its_dialog_closes(qtbot, window, said):
    widget, ctx = window
    gate, results = Gate(), []
    op = run_operation(widget, ctx, gate.work, title="导入数据包", on_success=results.append)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    gate.go_on.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["已完成"] and op.dialog is None


def test_a_second_write_while_one_runs_is_refused_clearly_and_a_read_may_run(qtbot, window, said):
    widget, ctx = window
    gate = Gate()
    first = run_operation(widget, ctx, gate.work, title="导入数据包")
    assert gate.reached.wait(30)
    second_ran = []
    assert run_operation(widget, ctx, lambda p: second_ran.append(1), title="导入名册") is None
    assert said == [("information", "导入名册", "“导入数据包”正在进行，请等它完成后再试。")]
    printed = []
    reading = run_operation(widget, ctx, lambda p: "档案.pdf", title="打印档案", writes=False,
                            on_success=printed.append)
    assert reading is not None
    qtbot.waitUntil(lambda: bool(printed))
    gate.go_on.set()
    with qtbot.waitSignal(first.ended):
        pass
    assert second_ran == []
    again = []
    run_operation(widget, ctx, lambda p: "好", title="导入名册", on_success=again.append)
    qtbot.waitUntil(lambda: bool(again))           # once the first is over, the next write runs


def test_cancelled_is_raised_by_the_app_layer_check(qtbot, window, said):
    # The worker reads the flag the dialog sets: app/progress.check raises Cancelled from it.
    widget, ctx = window
    seen = []

    def work(progress):
        progress.cancelled = True
        try:
            check(progress)
        except Cancelled as exc:
            seen.append(str(exc))
            raise
    op = Operation(widget, ctx, work, title="打印")
    with qtbot.waitSignal(op.cancelled):
        op.run()
    assert seen == ["操作已取消，未作任何改动。"]


def test_a_quick_write_asked_for_while_a_long_one_runs_is_refused_clearly(qtbot, window, monkeypatch):
    widget, ctx = window
    said = []
    monkeypatch.setattr("ui.context.QMessageBox.information", lambda _p, title, text: said.append((title, text)))
    gate = Gate()
    first = run_operation(widget, ctx, gate.work, title="导入名册")
    assert gate.reached.wait(30)
    saved = []
    assert ctx.attempt(widget, lambda: saved.append("保存"), title="代表未保存") is None
    assert saved == [] and said == [("代表未保存", "“导入名册”正在进行，请等它完成后再试。")]
    gate.go_on.set()
    with qtbot.waitSignal(first.ended):
        pass
    assert ctx.attempt(widget, lambda: saved.append("保存") or True) is True and saved == ["保存"]
