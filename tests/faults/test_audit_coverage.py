"""The audit trail covers what the office must be able to account for: a delete, a restore from
the recycle bin, a restore from a backup, a roster import, and the exports (the roster with full
ID numbers, the data package) each leave exactly one entry with their own action."""
from collections import Counter
from datetime import date

import pytest

from app import recycle
from app.cli import main as cli
from app.package.export import export_package
from app.package.period import quarter
from app.roster.deputies import delete_deputy
from app.roster.export import export_roster
from app.roster.importer import apply_import
from app.store import Store
from db.models.core import AuditEntry
from db.models.roster import Deputy
from tests.faults.rosters import configure_township, rows, write_roster

# What a user action may leave beside its own entry: the records it creates or changes.
RECORD_LEVEL = {"create", "update", "write"}


def trail(store) -> list[tuple[str, str, str]]:
    with store.read() as session:
        return [(e.action, e.entity or "", e.label)
                for e in session.query(AuditEntry).order_by(AuditEntry.id)]


class Trail:
    """The entries each step adds, read from the real database after the step."""

    def __init__(self, store) -> None:
        self.store, self.seen = store, len(trail(store))

    def added(self) -> list[tuple[str, str, str]]:
        now = trail(self.store)
        new, self.seen = now[self.seen:], len(now)
        return new


@pytest.fixture
def township(data_dir, tmp_path, open_new_store):
    store = open_new_store(data_dir, daily_backup=False)
    configure_township(store)
    yield store, write_roster(tmp_path / "名册.xlsx", rows(6))
    store.close()


def first_deputy(store) -> tuple[int, str, str]:
    with store.read() as session:
        d = session.query(Deputy).filter(Deputy.deleted_at.is_(None)).order_by(Deputy.id).first()
        return d.id, d.name, d.id_number


def test_import_delete_bin_restore_and_exports_each_leave_one_entry(township, tmp_path):
    store, roster = township
    steps = Trail(store)

    apply_import(store, path=roster, on=date(2026, 3, 2))
    actions = Counter(action for action, _, _ in steps.added())
    assert actions["import"] == 1 and set(actions) - RECORD_LEVEL == {"import"}

    deputy_id, name, number = first_deputy(store)
    delete_deputy(store, deputy_id=deputy_id)
    assert steps.added() == [("delete", "deputy", f"删除代表（{name}）")]

    [item] = recycle.bin_items(store)
    recycle.restore_item(store, table=item.table, id=item.id, label=item.label)
    assert steps.added() == [("restore", "deputy", f"从回收站恢复（{item.label}）")]

    export_roster(store, path=tmp_path / "名册（完整）.xlsx", full_ids={deputy_id: number})
    assert steps.added() == [("export", "deputy", "导出代表名册（完整身份证号）")]

    export_roster(store, path=tmp_path / "名册（遮蔽）.xlsx")
    assert steps.added() == [("export", "deputy", "导出代表名册")], "every roster leaving is accounted for"

    export_package(store, out=tmp_path / "青山镇 2026 第一季度.xlsx", period=quarter(2026, 1))
    assert steps.added() == [("export", "exchange_log", "导出数据包（2026年第1季度）")]


def test_a_restore_from_backup_leaves_one_entry_in_the_restored_data(township, data_dir):
    store, roster = township
    apply_import(store, path=roster, on=date(2026, 3, 2))
    backup = store.take_backup("manual")
    at_backup = trail(store)
    delete_deputy(store, deputy_id=first_deputy(store)[0])   # undone by the restore
    store.close()

    assert cli(["--data-dir", str(data_dir), "restore", str(backup)]) == 0

    with Store.open(data_dir, daily_backup=False) as restored:
        after = trail(restored)
    assert after[: len(at_backup)] == at_backup
    assert [(a, e) for a, e, _ in after[len(at_backup):]] == [("restore", "database")]
    assert after[-1][2] == f"从备份恢复（{backup.name}）"


@pytest.mark.parametrize("how", ["cli", "app"])
def test_a_manual_backup_leaves_one_entry_naming_it(township, data_dir, capsys, how):
    store, _ = township
    steps = Trail(store)
    if how == "app":
        from app.store import manual_backup
        path = manual_backup(store)
    else:
        store.close()
        assert cli(["--data-dir", str(data_dir), "--json", "backup"]) == 0
        import json
        from pathlib import Path
        path = Path(json.loads(capsys.readouterr().out)["backup"])
        store = Store.open(data_dir, daily_backup=False)
        steps.store = store
    try:
        assert steps.added() == [("backup", "database", "手动备份")]
        with store.read() as session:
            assert session.query(AuditEntry).order_by(AuditEntry.id.desc()).first().summary == f"备份为 {path.name}"
    finally:
        if how == "cli":
            store.close()


def test_password_reset_without_a_password_says_so_and_records_nothing(township, data_dir, capsys):
    store, _ = township
    before = trail(store)
    store.close()
    assert cli(["--data-dir", str(data_dir), "password-reset", "--yes"]) == 0
    assert capsys.readouterr().out.strip() == "没有设置开启密码，无需清除。"
    with Store.open(data_dir, daily_backup=False) as reopened:
        assert trail(reopened) == before
