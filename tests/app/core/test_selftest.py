"""The self-test support asks users to run: it passes on a sound installation, names the
failing step in Chinese when one part is broken, and never touches the user's data."""
import json
from pathlib import Path

import pytest

import app.paths
import app.printing
import app.selftest as selftest
from app import settings
from app.cli import main as cli_main
from app.printing import PrintError


class FakeCtx:
    def __init__(self, *, as_json: bool = False) -> None:
        self.as_json = as_json

    def emit(self, data: dict, text: str) -> None:
        print(json.dumps(data, ensure_ascii=False) if self.as_json else text)


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    """Where the user's real data would be: the self-test must leave it alone."""
    folder = tmp_path / "用户 数据"
    monkeypatch.setattr(selftest, "default_data_dir", lambda: folder)
    return folder


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """The system temp folder, under a path with Chinese characters and a space."""
    root = tmp_path / "临时 文件"
    root.mkdir()
    monkeypatch.setattr(selftest.tempfile, "tempdir", str(root))
    return root


def test_passes_through_the_command_line_and_leaves_nothing_behind(capsys, temp_root, user_data):
    code = cli_main(["--self-test"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip().endswith("自检通过")
    assert out.count("正常：") == 8
    assert "[1/8] 准备临时文件夹" in out
    assert "[8/8] 导出并读回数据包" in out
    assert list(temp_root.iterdir()) == []       # temporary database and files removed
    assert not user_data.exists()


def test_json_lists_every_step(capsys, temp_root):
    assert selftest.run_self_test(FakeCtx(as_json=True)) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["ok"] is True and report["failed_step"] is None
    assert [s["title"] for s in report["steps"]] == [
        "准备临时文件夹", "检查程序文件", "加载各功能模块", "创建临时数据库并升级结构", "写入并读取记录",
        "生成含中文的 PDF", "写入并读取 Excel 表格", "导出并读回数据包"]


def test_unwritable_temp_folder_is_the_first_failing_step(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "不存在的 临时文件夹"
    monkeypatch.setattr(selftest.tempfile, "tempdir", str(missing))
    assert selftest.run_self_test(FakeCtx()) == 1
    out = capsys.readouterr().out
    assert f"无法在临时文件夹 {missing} 中新建文件夹" in out
    assert "第 1 步“准备临时文件夹”失败" in out


def test_broken_pdf_printing_fails_step_six_and_stops(capsys, temp_root, monkeypatch):
    def refuse(*args, **kwargs):
        raise PrintError("保存位置不存在：X:\\打印")
    monkeypatch.setattr(app.printing, "render_pdf", refuse)
    assert selftest.run_self_test(FakeCtx()) == 1
    out = capsys.readouterr().out
    assert "失败：保存位置不存在：X:\\打印（PrintError）" in out
    assert out.strip().splitlines()[-1] == (
        "自检未通过：第 6 步“生成含中文的 PDF”失败。请把以上内容发给技术支持。")
    assert "Excel" not in out and "数据包" not in out   # later steps are not run
    assert list(temp_root.iterdir()) == []        # the store was closed and the folder removed


def test_missing_font_file_fails_the_first_step_naming_the_file(capsys, tmp_path, monkeypatch):
    empty = tmp_path / "程序 文件"
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: empty.joinpath("resources", *parts))
    assert selftest.run_self_test(FakeCtx(as_json=True)) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["failed_step"] == "检查程序文件"
    assert len(report["steps"]) == 2
    assert str(empty / "resources" / "fonts" / "wqy-microhei.ttc") in report["steps"][1]["detail"]


def test_module_lost_from_the_bundle_fails_discovery(capsys, tmp_path, monkeypatch):
    bundle = tmp_path / "打包 目录"
    bundle.mkdir()
    (bundle / selftest.MANIFEST).write_text(json.dumps(
        {"modules": {"app.cli": ["core", "不存在的命令"]}}), encoding="utf-8")
    monkeypatch.setattr(selftest, "install_dir", lambda: bundle)
    assert selftest.run_self_test(FakeCtx()) == 1
    out = capsys.readouterr().out
    assert "app.cli 中找不到模块：不存在的命令" in out
    assert "第 3 步“加载各功能模块”失败" in out


def test_record_read_back_differently_fails_step_four(capsys, temp_root, monkeypatch):
    monkeypatch.setattr(settings, "load", lambda session, section: settings.Township(name="别的镇"))
    assert selftest.run_self_test(FakeCtx()) == 1
    out = capsys.readouterr().out
    assert "读回的乡镇信息与写入的不同" in out
    assert "第 5 步“写入并读取记录”失败" in out


def test_package_read_back_with_a_refused_row_fails_the_last_step(capsys, temp_root, monkeypatch):
    import app.package.reader as reader
    real = reader.read_package

    def with_refusal(path, **kwargs):
        package = real(path, **kwargs)
        package.refusals.append(reader.Refusal("代表名册", 2, "身份证号", "应为文本"))
        return package
    monkeypatch.setattr(reader, "read_package", with_refusal)
    assert selftest.run_self_test(FakeCtx()) == 1
    out = capsys.readouterr().out
    assert "读回的数据包有错误：代表名册 第 2 行 身份证号：应为文本" in out
    assert "第 8 步“导出并读回数据包”失败" in out
    assert list(temp_root.iterdir()) == []


def test_workbook_read_back_keeps_id_numbers_as_text(temp_root):
    detail = selftest.write_and_read_workbook(selftest.Workspace(temp_root))
    assert "读回一致" in detail
    assert (temp_root / "自检 表格.xlsx").is_file()


def test_frozen_bundle_reports_its_location(capsys, tmp_path, monkeypatch, temp_root):
    internal = tmp_path / "Program Files" / "代表履职工作台" / "_internal"
    monkeypatch.setattr(selftest, "install_dir", lambda: internal)
    monkeypatch.setattr(selftest, "is_frozen", lambda: True)
    monkeypatch.setattr(selftest, "STEPS", selftest.STEPS[:2])
    monkeypatch.setattr(selftest, "resource_path", app.paths.resource_path)
    selftest.run_self_test(FakeCtx())
    assert f"程序位置：{internal}（打包版）" in capsys.readouterr().out
