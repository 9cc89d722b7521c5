"""`package export` and `package import --dry-run --json` from the command line."""
from __future__ import annotations

import json
from datetime import date

from app.cli import main
from app.store import Store
from tests.app.package.helpers import edit_cell, find_row, township_with_roster


def test_export_then_dry_run_import_reports_counts_and_refusals(tmp_path, capsys):
    folder = tmp_path / "乡 镇"
    with Store.open(folder, today=date(2026, 11, 22)) as s:
        township_with_roster(s)
    out = tmp_path / "报送.xlsx"
    assert main(["--data-dir", str(folder), "package", "export", "--from", "2026-07-01", "--to", "2026-09-30",
                 str(out)]) == 0
    assert "2026年第3季度" in capsys.readouterr().out
    row = find_row(out, "代表层级", "层级", "县")
    edit_cell(out, "代表层级", row=row, header="届次", value="第十八届")
    assert main(["--data-dir", str(folder), "package", "import", str(out), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["代表名册"] == {"new": 0, "changed": 0, "unchanged": 3, "conflicts": 0}
    assert data["refusals"] == [{"sheet": "代表层级", "row": row, "column": "届次",
                                 "reason": "“第十八届”不是整数"}]
    assert data["changed_sheets"] == ["代表层级"]


def test_bad_period_is_a_usage_error(tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path / "x"), "package", "export", "--period", "2026Q5", str(tmp_path / "a.xlsx")])
    assert code == 2
    assert "2026Q3" in capsys.readouterr().err


def test_export_without_a_period_takes_the_quarter_just_ended_until_it_is_sent(tmp_path, capsys, monkeypatch):
    from app.package.defaults import quarter_of
    folder = tmp_path / "乡 镇"
    with Store.open(folder, today=date(2026, 11, 22)) as s:
        township_with_roster(s)
    current = quarter_of(date.today())
    from datetime import timedelta
    previous = quarter_of(current.start - timedelta(days=1))
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(folder), "package", "export", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["period"] == previous.label and first["default"] == f"默认：{previous.label}（上季度尚未报送）"
    assert first["file"] == f"青山镇{previous.label}数据包.xlsx" and (tmp_path / first["file"]).is_file()
    assert (first["from"], first["to"]) == (previous.start.isoformat(), previous.end.isoformat())
    # the quarter just ended is sent: the current one is offered, saying why
    assert main(["--data-dir", str(folder), "package", "export"]) == 0
    text = capsys.readouterr().out
    assert f"默认：{current.label}（{previous.label}数据包已于" in text
    assert f"已导出 {current.label}（{current.start.year}年{current.start.month}月1日至" in text
    assert (tmp_path / f"青山镇{current.label}数据包.xlsx").is_file()
