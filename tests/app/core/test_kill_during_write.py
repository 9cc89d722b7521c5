"""A process killed (SIGKILL) in the middle of a large write leaves all or nothing behind."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.store import Store

ROWS = 20000
CHILD = textwrap.dedent(f"""
    import sys
    from pathlib import Path
    from app.store import Store
    from db.models.core import AuditEntry
    store = Store.open(Path(sys.argv[1]), daily_backup=False)
    print("ready", flush=True)
    with store.write("大批量写入") as uow:
        for i in range({ROWS}):
            uow.session.add(AuditEntry(user="t", label=f"批量{{i}}", action="write"))
            if i % 2000 == 0:
                uow.session.flush()
    print("done", flush=True)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_transaction_ten_times(data_dir):
    Store.open(data_dir, daily_backup=False).close()
    root = Path(__file__).resolve().parents[3]
    rng = random.Random(11)
    outcomes = set()
    for run in range(10):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir)], cwd=root,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 1.2))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        conn = sqlite3.connect(data_dir / "deputydesk.db")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = conn.execute("SELECT count(*) FROM audit_entry WHERE label LIKE '批量%'").fetchone()[0]
        conn.execute("DELETE FROM audit_entry")
        conn.commit()
        conn.close()
        assert n in (0, ROWS), f"run {run}: {n} rows survived a kill"
        outcomes.add(n)
    # The kills landed before the commit at least once (otherwise the test proved nothing).
    assert 0 in outcomes
    Store.open(data_dir, daily_backup=False).close()   # and the folder still opens
