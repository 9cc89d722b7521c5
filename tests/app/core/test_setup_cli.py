"""`python -m app setup`: the first-run dialog's setup from the command line, refused where the
dialog refuses, and never a second time over a folder already set up."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from app import settings
from app.cli import main
from app.store import Store
from db.models.suggestion import HandlingUnit

ARGS = ["--township", "青山镇", "--code", "421281103000", "--county-name", "崇阳县", "--term", "18"]


def test_setup_does_what_the_first_run_dialog_does(tmp_path, capsys):
    folder = tmp_path / "新 文件夹"
    assert main(["--data-dir", str(folder), "setup", *ARGS, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["township"], out["mode"]) == (True, "青山镇", "township")
    with Store.open(folder, today=date(2026, 12, 4)) as store:
        town = settings.get(store, "township")
        assert (town.name, town.code, town.county, town.term, town.mode) == ("青山镇", "421281103000", "崇阳县", 18,
                                                                             "township")
        with store.read() as s:     # the township's offices, as after the dialog
            assert s.scalars(select(HandlingUnit.name)).all()


def test_setup_of_a_county_workspace(tmp_path, capsys):
    folder = tmp_path / "县里"
    assert main(["--data-dir", str(folder), "setup", *ARGS, "--county"]) == 0
    assert "县级汇总模式" in capsys.readouterr().out
    with Store.open(folder, today=date(2026, 12, 4)) as store:
        assert settings.get(store, "township").mode == "county"


def test_a_folder_already_set_up_is_left_as_it_is(tmp_path, capsys):
    folder = tmp_path / "已设置"
    assert main(["--data-dir", str(folder), "setup", *ARGS]) == 0
    capsys.readouterr()
    again = ["--township", "白霓镇", "--code", "421281104000", "--county-name", "崇阳县", "--term", "19"]
    assert main(["--data-dir", str(folder), "setup", *again, "--json"]) == 1
    err = json.loads(capsys.readouterr().out)
    assert err["ok"] is False and "该数据文件夹已设置过（青山镇，区划代码 421281103000），未作任何改动" in err["error"]
    with Store.open(folder, today=date(2026, 12, 4)) as store:
        assert settings.get(store, "township").name == "青山镇"


def test_bad_values_are_refused_in_chinese_and_nothing_is_set_up(tmp_path, capsys):
    folder = tmp_path / "错"
    bad = ["--township", " ", "--code", "4212", "--county-name", "崇阳县", "--term", "0"]
    assert main(["--data-dir", str(folder), "setup", *bad]) == 2
    err = capsys.readouterr().err
    assert "请填写乡镇名称。" in err and "统计用区划代码应为 12 位数字" in err and "请填写本届届次。" in err
    assert not folder.exists()      # refused before the data folder is even made
