"""Cases for the bad-input catalogue from the data folder itself and the command line's endings:
a lost database, a full disk while printing or writing."""
from __future__ import annotations

import errno
from datetime import datetime

from app import backup
from app.cli import os_message
from app.printing import PrintError
from app.store import LostDatabaseError, Store
from tests.faults.form_refusals import refused
from tests.faults.harness import DB


def lost_database(tmp_path, **_):
    folder = tmp_path / "丢失"
    with Store.open(folder, daily_backup=False) as store:
        backup.take_backup(store.db_path, store.backups_dir, reason="daily", now=datetime(2026, 3, 2, 9))
    (folder / DB).write_bytes(b"")
    return refused(lambda: Store.open(folder), LostDatabaseError)


def print_on_a_full_disk(tmp_path, **_):
    import app.printing.pdf as pdf
    from app.printing.document import Document

    def full(document, filename, **__):
        raise OSError(errno.ENOSPC, "No space left on device")
    real, pdf._build = pdf._build, full
    try:
        return refused(lambda: pdf.render_pdf(Document("履职档案"), tmp_path / "档案.pdf"), PrintError)
    finally:
        pdf._build = real


def full_ids_guarded(typed):
    """`package export --full-ids` with an opening password set; `typed` at the prompt, None:
    no console to ask at."""
    def run(store, data_dir, tmp_path, capsys, **_):
        import getpass
        import sys
        from app import access
        from app.cli import main as cli
        from tests.app.package.helpers import township_with_roster
        township_with_roster(store)
        access.set_password(store, current="", new="青山镇人大秘书", repeat="青山镇人大秘书")
        store.close()
        saved = sys.stdin.isatty, getpass.getpass
        sys.stdin.isatty, getpass.getpass = (lambda: typed is not None), (lambda prompt="": typed)
        try:
            assert cli(["--data-dir", str(data_dir), "package", "export", "--period", "2026Q3",
                        "--full-ids", str(tmp_path / "包.xlsx")]) == 2
        finally:
            sys.stdin.isatty, getpass.getpass = saved
        return capsys.readouterr().err.strip()
    return run


def reset_without_password(store, data_dir, capsys, **_):
    from app.cli import main as cli
    store.close()
    assert cli(["--data-dir", str(data_dir), "password-reset", "--yes"]) == 0
    return capsys.readouterr().out.strip()


STORE_CASES = {
    "store-lost": lost_database,
    "print-disk-full": print_on_a_full_disk,
    "cli-disk-full": lambda **_: os_message(OSError(errno.ENOSPC, "No space left on device", "名册.xlsx")),
    "cli-full-ids-console": full_ids_guarded(None),
    "cli-full-ids-wrong": full_ids_guarded("猜的密码"),
    "cli-reset-none": reset_without_password,
}
