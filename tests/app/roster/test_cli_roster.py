import json

from app.cli import main
from tests.fixtures.make_messy_roster import make_messy_roster


def test_import_dry_run_json_then_import_and_export(tmp_path, data_dir, capsys):
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    args = ["--data-dir", str(data_dir), "roster", "import", str(path), "--term", "18"]
    assert main([*args, "--dry-run", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert set(first) == {"new", "updated", "unchanged", "duplicates", "refused", "warnings"}
    assert (first["new"], first["updated"], first["unchanged"]) == (14, 0, 0)
    assert first["refused"][0] == {
        "sheet": "代表名册", "row": 13, "column": "F", "value": "4212**********1000",
        "reason": "身份证号以数字形式保存，末几位已丢失，请将该列设为文本后重新录入",
        "person": "郑十一（4212**********1000）"}
    assert first["warnings"] == []      # the messy roster's other cells can all be read
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 14
    assert main([*args, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 14)
    assert main(["--data-dir", str(data_dir), "roster", "export", str(tmp_path / "出.xlsx")]) == 0
    assert "已导出 14 位代表" in capsys.readouterr().out


def test_missing_file_fails_in_chinese(tmp_path, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "roster", "import", str(tmp_path / "无.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
