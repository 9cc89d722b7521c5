"""A package import or county merge cancelled part way changes nothing: each is one transaction."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.package.county import merge_packages, preview_merge
from app.package.importer import apply_import, preview_import
from app.progress import Cancelled
from db.models.core import AuditEntry
from db.models.county import CountyPackage, CountyRow
from db.models.exchange import ExchangeLog
from db.models.roster import Deputy
from tests.app.package.helpers import set_township, township_with_roster
from tests.app.package.test_county import packages  # noqa: F401  (the three townships' packages)


class CancelAt:
    """Presses 取消 once a step's message contains `words` (after `skip` such steps)."""

    def __init__(self, words: str, *, skip: int = 0) -> None:
        self.words, self.skip, self.cancelled, self.steps = words, skip, False, []

    def step(self, done: int, total: int, message: str) -> None:
        self.steps.append(message)
        if self.words in message:
            if self.skip:
                self.skip -= 1
            else:
                self.cancelled = True


def _counts(store) -> tuple:
    with store.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (CountyPackage, CountyRow, ExchangeLog,
                                                                             AuditEntry, Deputy))


def test_a_merge_cancelled_at_its_second_file_keeps_not_even_the_first(store, packages):  # noqa: F811
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    before = _counts(store)
    progress = CancelAt("白霓镇.xlsx")
    with pytest.raises(Cancelled):
        merge_packages(store, packages, progress=progress)
    assert any("正在保存青山镇" in m for m in progress.steps)      # the first file was stored, then undone
    assert _counts(store) == before
    # not cancelled: all three, in one go
    assert [o.status for o in merge_packages(store, packages)] == ["新导入"] * 3


def test_a_merge_preview_can_be_cancelled(store, packages):  # noqa: F811
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    with pytest.raises(Cancelled):
        preview_merge(store, packages, progress=CancelAt("路口镇.xlsx"))


def test_an_import_cancelled_while_writing_changes_nothing(store, tmp_path, open_new_store):
    with open_new_store(tmp_path / "另一台", today=date(2026, 11, 22)) as other:
        township_with_roster(other)
        from tests.app.package.helpers import export_q3
        pkg = export_q3(other, tmp_path / "包.xlsx").path
    set_township(store)
    before = _counts(store)
    progress = CancelAt("正在写入")
    with pytest.raises(Cancelled):
        apply_import(store, pkg, progress=progress)
    assert _counts(store) == before
    with pytest.raises(Cancelled):
        preview_import(store, pkg, progress=CancelAt("正在读取"))
    assert apply_import(store, pkg).written > 0     # the same package, not cancelled
    assert _counts(store)[4] > before[4]
