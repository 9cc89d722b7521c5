"""`python -m app print …` over the hand-made sample."""
from __future__ import annotations

import io
import json

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
    assert "张三" in text and "不称职2人" in text
    assert main(["--data-dir", str(data_dir), "print", "dossier", "--deputy", "赵六", str(out)]) == 1
    assert "找不到代表：赵六" in capsys.readouterr().err
