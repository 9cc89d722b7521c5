"""The bundle: resources found from source and frozen (paths with Chinese and spaces), data
never beside the program unless portable, and build.spec's choices (run with stand-in
PyInstaller objects, so no build is needed here; .ci/bundle does the real build)."""
import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

import app
from app import paths
from app.store import Store
from ui.navigation import NAVIGATION

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """A fake installed bundle in a folder with Chinese characters and a space."""
    program = tmp_path / "Program Files" / "代表履职 工作台"
    internal = program / "_internal"
    internal.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "DeputyDesk.exe"))
    return program


def test_resource_path_from_source_finds_the_bundled_fonts():
    font = paths.resource_path("fonts", "wqy-microhei.ttc")
    assert font == ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
    assert font.is_file()
    assert not paths.is_frozen()


def test_resource_path_when_frozen_is_inside_meipass(frozen):
    assert paths.is_frozen()
    assert paths.install_dir() == frozen / "_internal"
    assert paths.resource_path("holidays", "cn_notices.toml") == (
        frozen / "_internal" / "resources" / "holidays" / "cn_notices.toml")


def test_frozen_data_lives_in_the_user_folder_not_beside_the_program(frozen, monkeypatch, tmp_path):
    local = tmp_path / "AppData" / "Local" / "DeputyDesk"
    monkeypatch.setattr(paths, "user_data_dir", lambda *a, **k: str(local))
    assert paths.default_data_dir() == local
    assert frozen not in paths.default_data_dir().parents
    assert not paths.is_portable()


def test_portable_marker_beside_the_program_keeps_data_with_it(frozen):
    (frozen / paths.PORTABLE_MARKER).write_text("便携模式", encoding="utf-8")
    assert paths.is_portable()
    assert paths.default_data_dir() == frozen / "data"
    store = Store.open(paths.default_data_dir(), daily_backup=False)
    store.close()
    assert (frozen / "data" / "deputydesk.db").is_file()


def test_a_folder_named_like_the_marker_is_not_portable_mode(frozen):
    (frozen / paths.PORTABLE_MARKER).mkdir()
    assert not paths.is_portable()


def test_marker_in_the_source_tree_does_not_count(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.exe_dir() is None
    assert not paths.is_portable()


def test_save_dialogs_start_in_documents_else_desktop(tmp_path, monkeypatch):
    docs, desktop = tmp_path / "文档", tmp_path / "桌面"
    desktop.mkdir()
    monkeypatch.setattr(paths, "user_documents_dir", lambda: str(docs))
    monkeypatch.setattr(paths, "user_desktop_dir", lambda: str(desktop))
    assert paths.default_save_dir() == desktop      # 文档 missing on this PC
    docs.mkdir()
    assert paths.default_save_dir() == docs


# -- build.spec, run with stand-ins ---------------------------------------------------------------

class Recorder:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


class FakeAnalysis(Recorder):
    binaries: list = []
    extra_datas: list = []

    def __init__(self, scripts, **kwargs):
        super().__init__(scripts, **kwargs)
        self.scripts, self.pure = scripts, []
        self.binaries = list(type(self).binaries)
        self.datas = [(str(Path(dest) / Path(src).name), src, "DATA")
                      for src, dest in kwargs["datas"]] + list(type(self).extra_datas)


def _collect_submodules(package, filter=lambda name: True):
    import pkgutil
    pkg = importlib.import_module(package)
    names = [package] + [m.name for m in pkgutil.walk_packages(pkg.__path__, package + ".")
                         if not m.name.startswith("db.migrations.env")]
    return [n for n in names if filter(n)]


def run_spec(tmp_path, monkeypatch, *, binaries=(), extra_datas=()):
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _collect_submodules
    hooks.collect_data_files = lambda package, includes=(): []
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(FakeAnalysis, "binaries", list(binaries))
    monkeypatch.setattr(FakeAnalysis, "extra_datas", list(extra_datas))
    work = tmp_path / "构建 目录"
    work.mkdir()
    spec = {"SPECPATH": str(ROOT), "workpath": str(work), "Analysis": FakeAnalysis,
            "PYZ": Recorder, "EXE": Recorder, "COLLECT": Recorder, "__name__": "spec"}
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), spec)
    return spec, work


@pytest.fixture(scope="module")
def spec_run(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    try:
        yield run_spec(tmp_path_factory.mktemp("spec"), mp)
    finally:
        mp.undo()


def test_spec_builds_a_windowed_exe_and_a_console_companion_from_the_entry_script(spec_run):
    spec, _ = spec_run
    a = spec["a"]
    assert Path(a.args[0][0]) == ROOT / "packaging" / "entry.py"
    assert a.kwargs["optimize"] == 2
    assert spec["gui"].kwargs["name"] == "DeputyDesk" and spec["gui"].kwargs["console"] is False
    assert spec["cli"].kwargs["name"] == "deputydesk-cli" and spec["cli"].kwargs["console"] is True
    assert spec["coll"].kwargs["name"] == "DeputyDesk"


def test_spec_leaves_out_heavy_qt_modules(spec_run):
    excludes = set(spec_run[0]["a"].kwargs["excludes"])
    for module in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQuick", "QtQml", "Qt3DCore",
                   "QtCharts", "QtMultimedia"):
        assert f"PySide6.{module}" in excludes
    for used in ("QtCore", "QtGui", "QtWidgets"):
        assert f"PySide6.{used}" not in excludes


def test_spec_ships_migrations_as_files_and_as_modules(spec_run):
    a = spec_run[0]["a"]
    datas = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in a.kwargs["datas"]
             if Path(src).is_relative_to(ROOT)}
    assert ("db/migrations/env.py", "db/migrations") in datas
    assert ("db/migrations/versions/0001_initial.py", "db/migrations/versions") in datas
    assert not any("__pycache__" in src for src, _ in datas)
    hidden = set(a.kwargs["hiddenimports"])
    assert {"db.migrations.versions", "db.models.core", "db.models.roster", "app.cli.core",
            "app.cli.deadline", "ui.settings.page", "holidays.countries.china"} <= hidden
    assert not any(name.endswith("__main__") for name in hidden)
    # pages are imported by name, not discovered: each must be shipped
    assert {f"ui.{key}.page" for key, _ in NAVIGATION} <= hidden


def test_spec_ships_fonts_with_licences_icons_and_holiday_data(spec_run):
    datas = {Path(src).relative_to(ROOT).as_posix() for src, _ in spec_run[0]["a"].kwargs["datas"]
             if Path(src).is_relative_to(ROOT)}
    for name in ("fonts/wqy-microhei.ttc", "fonts/uming-cn.ttf", "fonts/hanaminb-extb.ttf",
                 "fonts/LICENSE-wqy-microhei.txt", "fonts/LICENSE-arphic.txt",
                 "fonts/LICENSE-hanazono.txt", "icons/deputydesk.ico", "icons/deputydesk.png",
                 "holidays/cn_notices.toml"):
        assert f"resources/{name}" in datas


def test_spec_writes_the_discovery_manifest_the_self_test_checks(spec_run):
    _, work = spec_run
    manifest = json.loads((work / "bundle_manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == app.__version__
    assert {"core", "roster"} <= set(manifest["modules"]["db.models"])
    assert {"core", "deadline"} <= set(manifest["modules"]["app.cli"])
    assert "__init__" not in manifest["modules"]["db.models"]


QT_FILES = [
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "x", "BINARY"),
    ("PySide6/plugins/imageformats/qpdf.dll", "x", "BINARY"),
    ("PySide6/plugins/platforms/qwindows.dll", "x", "BINARY"),
    ("PySide6/opengl32sw.dll", "x", "BINARY"),
    ("PySide6/Qt6Pdf.dll", "x", "BINARY"),
    ("PySide6/QtWidgets.abi3.so", "x", "EXTENSION"),
]
QT_DATAS = [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", "x", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
    ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
    ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
]


def test_spec_drops_unused_qt_plugins_libraries_and_translations(tmp_path, monkeypatch):
    spec, _ = run_spec(tmp_path, monkeypatch, binaries=QT_FILES, extra_datas=QT_DATAS)
    kept = {d[0] for d in spec["a"].binaries}
    assert kept == {"PySide6/Qt/plugins/imageformats/libqjpeg.so",
                    "PySide6/Qt/plugins/platforms/libqxcb.so",
                    "PySide6/Qt/lib/libQt6Widgets.so.6",
                    "PySide6/plugins/platforms/qwindows.dll",
                    "PySide6/QtWidgets.abi3.so"}
    datas = {d[0] for d in spec["a"].datas}
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in datas
    assert "PySide6/Qt/translations/qtbase_de.qm" not in datas
    assert "libQt6Pdf.so.6" not in datas            # no symlink left dangling
    assert "libQt6Widgets.so.6" in datas


def test_spec_keeps_qt_pdf_when_the_program_imports_qtpdf(tmp_path, monkeypatch):
    files = QT_FILES + [("PySide6/QtPdf.abi3.so", "x", "EXTENSION")]
    spec, _ = run_spec(tmp_path, monkeypatch, binaries=files)
    kept = {d[0] for d in spec["a"].binaries}
    assert "PySide6/Qt/lib/libQt6Pdf.so.6" in kept and "PySide6/Qt6Pdf.dll" in kept
    assert "PySide6/Qt/lib/libQt6Network.so.6" in kept     # Qt6Pdf links against it
    assert "PySide6/Qt/plugins/imageformats/libqpdf.so" not in kept


# -- the Windows version resource ----------------------------------------------------------------

def load_version_info():
    spec = importlib.util.spec_from_file_location("vi", ROOT / "packaging" / "version_info.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_version_numbers_for_windows():
    vi = load_version_info()
    assert vi.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert vi.version_tuple("2.0") == (2, 0, 0, 0)
    assert vi.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    with pytest.raises(ValueError, match="没有数字"):
        vi.version_tuple("开发版")


def test_version_file_carries_app_version_and_chinese_product_name():
    vi = load_version_info()
    text = vi.render("1.4.2")
    seen = {}

    def record(kind):
        def make(*args, **kwargs):
            seen.setdefault(kind, []).append((args, kwargs))
            return kind
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo",
             "VarStruct"]
    namespace = {name: record(name) for name in names}
    namespace["StringStruct"] = lambda key, value: seen.setdefault("strings", {}).update({key: value})
    eval(text, namespace)                            # what PyInstaller does with the file
    assert seen["strings"]["ProductName"] == "代表履职工作台"
    assert seen["strings"]["ProductVersion"] == "1.4.2"
    assert seen["strings"]["OriginalFilename"] == "DeputyDesk.exe"
    assert seen["FixedFileInfo"][0][1]["filevers"] == (1, 4, 2, 0)
    assert vi.app_version(ROOT) == app.__version__


# -- the bundle's entry script ---------------------------------------------------------------------

def load_entry():
    spec = importlib.util.spec_from_file_location("deputydesk_entry", ROOT / "packaging" / "entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_console_is_attached_only_for_a_windowed_windows_exe_running_a_command(monkeypatch):
    entry = load_entry()
    assert entry.attach_parent_console(["--self-test"]) is False       # not Windows here
    monkeypatch.setattr(sys, "platform", "win32")
    assert entry.attach_parent_console(["--self-test"]) is False       # stdout exists: console exe
    monkeypatch.setattr(sys, "stdout", None)
    assert entry.attach_parent_console(["--demo"]) is False            # the window: no console


def test_import_check_names_a_window_module_that_cannot_load(monkeypatch, capsys):
    entry = load_entry()
    real = importlib.import_module

    def broken(name, *args):
        if name == "ui.settings.page":
            raise ImportError("libQt6Network.so.6: cannot open shared object file")
        return real(name, *args)
    monkeypatch.setattr(entry.importlib, "import_module", broken)
    assert entry.check_imports() == 1
    err = capsys.readouterr().err
    assert "界面模块无法加载 ui.settings.page：libQt6Network.so.6" in err


def test_window_starts_in_documents_and_keeps_a_relative_data_folder(tmp_path, monkeypatch):
    entry = load_entry()
    start, docs = tmp_path / "启动 位置", tmp_path / "文档"
    start.mkdir()
    docs.mkdir()
    monkeypatch.setattr(entry, "default_save_dir", lambda: docs)
    monkeypatch.chdir(start)
    argv = entry.start_in_documents(["--data-dir", "人大 数据", "--demo"])
    assert argv == ["--data-dir", str(start / "人大 数据"), "--demo"]
    assert Path.cwd() == docs
    assert entry.start_in_documents(["--data-dir=D"]) == [f"--data-dir={docs / 'D'}"]


def test_commands_keep_the_folder_they_were_typed_in(tmp_path, monkeypatch):
    entry = load_entry()
    monkeypatch.setattr(entry, "default_save_dir", lambda: tmp_path / "文档")
    monkeypatch.chdir(tmp_path)
    assert entry.start_in_documents(["--data-dir", "数据", "check"]) == ["--data-dir", "数据", "check"]
    assert Path.cwd() == tmp_path


def test_installer_script_matches_the_spec():
    iss = (ROOT / "packaging" / "deputydesk.iss").read_text(encoding="utf-8")
    assert r"..\dist\DeputyDesk" in iss                       # COLLECT's folder name
    assert r'{app}\deputydesk-cli.exe"" --self-test' in iss   # the console exe's name
    assert '#define AppExe "DeputyDesk.exe"' in iss
    assert (ROOT / "resources" / "icons" / "deputydesk.ico").is_file()
    assert "{localappdata}" not in iss.lower()                 # never installs or deletes data
