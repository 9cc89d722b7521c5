"""A full disk while the package workbook is being saved: a Chinese message, no file and no
temporary file left, and no exchange-log entry for a package that never was."""
import errno

import pytest
import xlsxwriter.workbook
from sqlalchemy import func, select

from app.package.export import export_package
from app.package.period import quarter
from db.models.exchange import ExchangeLog
from tests.app.package.helpers import township_with_roster


def test_full_disk_while_saving_the_package(store, tmp_path, monkeypatch):
    township_with_roster(store)

    def half(self):
        with open(self.filename, "wb") as out:
            out.write(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", half)
    folder = tmp_path / "导出"
    folder.mkdir()
    with pytest.raises(OSError, match="磁盘空间不足"):
        export_package(store, out=folder / "青山镇 2026 第一季度.xlsx", period=quarter(2026, 1))
    assert list(folder.iterdir()) == []
    with store.read() as s:
        assert s.scalar(select(func.count(ExchangeLog.id))) == 0
