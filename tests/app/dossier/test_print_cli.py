"""`python -m app print …` over the hand-made sample."""
from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from app.cli import main
from tests.app.dossier.sample import build


def test_print_group_assessment_and_unknown_deputy(store, data_dir, tmp_path, capsys):
    build(store)
    store.close()
    out = tmp_path / "小组.pdf"
    assert main(["--data-dir", str(data_dir), "--json", "print", "dossier", "--group", "第一代表小组",
                 "--year", "2026", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["deputies"] == 3
    assert len(PdfReader(io.BytesIO(out.read_bytes())).outline) == 3
    table = tmp_path / "考评.pdf"
    assert main(["--data-dir", str(data_dir), "print", "assessment", "--year", "2026", str(table)]) == 0
    text = "".join(PdfReader(io.BytesIO(table.read_bytes())).pages[0].extract_text().split())
    assert "张三" in text and "考评尚未确定" in text and "不称职2人" not in text
    assert main(["--data-dir", str(data_dir), "print", "dossier", "--deputy", "赵六", str(out)]) == 1
    assert "找不到代表：赵六" in capsys.readouterr().err


def test_settle_and_reopen_a_year_from_the_command_line(store, data_dir, tmp_path, capsys):
    build(store)
    store.close()
    base = ["--data-dir", str(data_dir)]
    year = date.today().year            # the year is not over: settling it needs --early
    assert main([*base, "assessment", "settle", "--year", str(year)]) == 1
    assert "尚未结束" in capsys.readouterr().err
    table = tmp_path / "考评.pdf"
    assert main([*base, "--json", "assessment", "settle", "--year", str(year), "--early"]) == 0
    assert json.loads(capsys.readouterr().out)["deputies"] == 3
    assert main([*base, "assessment", "settle", "--year", "2025"]) == 0
    assert "已确定2025年度履职考评：参加考评3人" in capsys.readouterr().out
    assert main([*base, "print", "assessment", "--year", "2025", str(table)]) == 0
    text = "".join(PdfReader(io.BytesIO(table.read_bytes())).pages[0].extract_text().split())
    assert "2025年度履职考评经主席团于" in text and "不称职" in text and "等次" in text
    assert main([*base, "assessment", "settle", "--year", "2025"]) == 1
    assert "已于" in capsys.readouterr().err
    assert main([*base, "assessment", "reopen", "--year", "2025"]) == 0
    assert main([*base, "assessment", "reopen", "--year", "2025"]) == 1
    assert "尚未确定，无需重新打开" in capsys.readouterr().err
