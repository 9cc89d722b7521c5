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


STORE_CASES = {
    "store-lost": lost_database,
    "print-disk-full": print_on_a_full_disk,
    "cli-disk-full": lambda **_: os_message(OSError(errno.ENOSPC, "No space left on device", "名册.xlsx")),
}
