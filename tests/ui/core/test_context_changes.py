"""The screens hear of every committed write from the store itself, on the UI thread, whichever
thread wrote: a save in the background (ui/operation.py's worker) reaches the pages too."""
from __future__ import annotations

import threading

from tests.app.roster.helpers import add
from ui.context import AppContext


def test_a_write_on_the_ui_thread_is_announced_at_once(qtbot, store):
    ctx = AppContext(store)
    heard = []
    ctx.changed.connect(heard.append)
    add(store, "张三")
    assert len(heard) == 1 and {"deputy", "deputy_level", "audit_entry"} <= heard[0]


def test_a_write_in_a_worker_thread_is_announced_on_the_ui_thread(qtbot, store):
    ctx = AppContext(store)
    heard = []
    ctx.changed.connect(lambda changes: heard.append((changes, threading.get_ident())))
    worker = threading.Thread(target=lambda: add(store, "李四"))
    worker.start()
    worker.join()
    assert heard == []            # queued: delivered when the UI thread next runs its events
    qtbot.waitUntil(lambda: bool(heard))
    changes, thread = heard[0]
    assert thread == threading.get_ident() and "deputy" in changes


def test_a_restore_is_announced_as_anything(qtbot, store):
    ctx = AppContext(store)
    point = store.take_backup("manual")
    add(store, "王五")
    heard = []
    ctx.changed.connect(heard.append)
    store.restore(point)
    assert len(heard) == 1 and heard[0].everything


def test_a_screen_context_gone_leaves_the_store_writing(qtbot, store):
    import gc
    ctx = AppContext(store)
    ctx.deleteLater()
    qtbot.wait(10)
    del ctx
    gc.collect()
    add(store, "赵六")                  # saved and said to nobody, without an error
    add(store, "钱七")
    assert store._listeners == []
