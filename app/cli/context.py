"""What a command gets: its data folder opened on demand, and one way to report."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from app.paths import default_data_dir
from app.store import DamagedDatabaseError, Store, StoreError
from app.lock import AlreadyOpenError
from db.migrate import NewerDatabaseError


class CliError(Exception):
    def __init__(self, message: str, code: int = 1, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.damaged = damaged     # the data folder's database is damaged or lost


class CliContext:
    def __init__(self, *, data_dir: str | None, as_json: bool) -> None:
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.as_json = as_json
        self._store: Store | None = None

    def store(self, *, daily_backup: bool = True) -> Store:
        if self._store is None:
            try:
                self._store = Store.open(self.data_dir, daily_backup=daily_backup)
            except DamagedDatabaseError as exc:
                raise CliError(f"{exc}命令行中恢复：restore 备份文件路径（check 命令列出最近的备份）。",
                               damaged=True) from None
            except (StoreError, AlreadyOpenError, NewerDatabaseError) as exc:
                raise CliError(str(exc)) from None
        return self._store

    @contextmanager
    def session(self):
        with self.store().read() as session:
            yield session

    def emit(self, data: dict, text: str) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, default=str))
        else:
            print(text)

    def fail(self, message: str, *, code: int = 1) -> None:
        if self.as_json:
            print(json.dumps({"ok": False, "error": message, "code": code}, ensure_ascii=False))
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
