"""The `activities` command through its own register/run with a stand-in context."""
import argparse
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.cli import activities as command
from app.cli.context import CliError
from tests.app.activities.seed import make_township


class FakeContext:
    def __init__(self, store) -> None:
        self._store, self.emitted = store, []

    def store(self):
        return self._store

    def emit(self, data: dict, text: str) -> None:
        json.dumps(data, ensure_ascii=False, default=str)
        self.emitted.append((data, text))


def _run(store, *argv):
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    ctx = FakeContext(store)
    args = parser.parse_args(["activities", *argv])
    return args.run(args, ctx), ctx.emitted


def test_funding_is_listed_and_exported(store, tmp_path):
    town = make_township(store)
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 4, 1), group_id=town.east,
                                         duration_hours=4, attendance=(AttendanceInput(town.ids["李四"]),)))
    code, [(data, text)] = _run(store, "funding", "--year", "2026", "--export", str(tmp_path / "f.xlsx"))
    assert code == 0 and data["total"] == 100 and data["by_quarter"] == [0, 100, 0, 0]
    assert "李四（乡镇）出席 1 次，补助 100 元" in text
    assert load_workbook(tmp_path / "f.xlsx")["汇总"]["A3"].value == "李四"


def test_export_to_a_missing_folder_is_refused(store, tmp_path):
    make_township(store)
    with pytest.raises(CliError, match="导出位置不存在"):
        _run(store, "funding", "--export", str(tmp_path / "无" / "f.xlsx"))
