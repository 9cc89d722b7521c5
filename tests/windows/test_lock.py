"""On a real Windows PC (msvcrt byte-range locks): one data folder is open in one program at a
time; a program that crashed (killed) leaves nothing that blocks the next opening."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.lock import AlreadyOpenError, InstanceLock
from app.store import Store

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from pathlib import Path
from app.store import Store
store = Store.open(Path(sys.argv[1]), daily_backup=False)
print("opened", flush=True)
sys.stdin.read()
"""


def test_a_second_program_is_refused_until_the_first_is_killed(data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"opened"
        with pytest.raises(AlreadyOpenError, match="已在使用这个数据文件夹"):
            Store.open(data_dir)
    finally:
        holder.kill()            # TerminateProcess: no clean-up runs, as in a crash
        holder.wait()
    assert (data_dir / "deputydesk.lock").exists()      # the file stays behind …
    Store.open(data_dir).close()                         # … but nothing is locked any more


def test_the_lock_is_refused_to_a_second_handle_and_free_again_once_released(data_dir):
    path = data_dir / "deputydesk.lock"
    first = InstanceLock(path)
    first.acquire()
    with pytest.raises(AlreadyOpenError):
        InstanceLock(path).acquire()
    first.release()
    again = InstanceLock(path)
    again.acquire()
    again.release()
