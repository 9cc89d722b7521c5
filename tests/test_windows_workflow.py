"""The hosted Windows and Linux build (.github/workflows/windows.yml): actionlint accepts it, every
command it runs is the one docs/windows-build.md gives a person, in the same order, and what it
hands over (packaging/release.py) carries SHA-256 sums a person can check on the office PC."""
from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
DOC = ROOT / "docs" / "windows-build.md"
# A fenced block the workflow runs is introduced by this line in the document.
MARKED_BLOCK = re.compile(r"<!-- 持续集成也运行：(\w+) -->\n```\w*\n(.*?)```", re.DOTALL)


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def without_comment(line: str) -> str:
    # PowerShell and bash comments; no command here has a '#' of its own.
    return re.sub(r"(^|\s)#.*$", "", line).strip()


def workflow_commands(job: str) -> list[str]:
    steps = workflow()["jobs"][job]["steps"]
    return [without_comment(line) for step in steps if "run" in step
            for line in step["run"].splitlines() if without_comment(line)]


def document_commands() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for job, block in MARKED_BLOCK.findall(DOC.read_text(encoding="utf-8")):
        found.setdefault(job, []).extend(
            without_comment(line) for line in block.splitlines() if without_comment(line))
    return found


def actionlint() -> Path:
    name = "actionlint.exe" if sys.platform == "win32" else "actionlint"
    beside_python = Path(sysconfig.get_path("scripts")) / name
    found = beside_python if beside_python.is_file() else shutil.which("actionlint")
    assert found, 'actionlint is installed with the test extra: pip install -e ".[test]"'
    return Path(found)


def lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(actionlint()), "-no-color", "-oneline", str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_actionlint_accepts_the_workflow():
    done = lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_actionlint_would_catch_a_mistake_in_it(tmp_path):
    # The check above means something: a misspelt step id in a condition is reported.
    broken = tmp_path / "windows.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.bundle.outcome" in text
    broken.write_text(text.replace("steps.bundle.outcome", "steps.bundel.outcome", 1),
                      encoding="utf-8")
    done = lint(broken)
    assert done.returncode == 1
    assert "bundel" in done.stdout


def test_every_workflow_command_is_the_documents_in_the_same_order():
    documented = document_commands()
    assert set(documented) == set(workflow()["jobs"]) == {"windows", "linux"}
    for job, commands in documented.items():
        assert workflow_commands(job) == commands, f"job {job} and the document differ"


def test_the_document_names_only_files_that_exist():
    for commands in document_commands().values():
        for command in commands:
            for name in re.findall(r"[\w\\/.-]+\.(?:py|iss|spec)\b", command):
                assert (ROOT / name.replace("\\", "/")).is_file(), f"{name} in: {command}"


def test_windows_job_builds_tests_checks_and_installs_on_python_311():
    job = workflow()["jobs"]["windows"]
    assert job["runs-on"] == "windows-latest"
    assert setup_python(job) == "3.11"
    commands = workflow_commands("windows")
    assert '.venv\\Scripts\\python -m pip install -e ".[test,build]"' in commands
    assert ".venv\\Scripts\\python -m pytest --junitxml=dist\\test-report.xml" in commands
    assert ".venv\\Scripts\\python -m PyInstaller build.spec --noconfirm" in commands
    assert "dist\\DeputyDesk\\deputydesk-cli.exe --self-test" in commands
    assert ".venv\\Scripts\\python packaging\\check_bundle.py dist\\DeputyDesk" in commands
    assert any("ISCC.exe" in c and c.endswith("packaging\\deputydesk.iss") for c in commands)
    assert commands[-1] == ".venv\\Scripts\\python packaging\\release.py"
    assert uploads(job) == {
        "DeputyDesk-windows-installer": {"dist/release/*-setup.exe", "dist/release/SHA256SUMS.txt"},
        "DeputyDesk-windows-folder": {"dist/release/*-windows.zip", "dist/release/SHA256SUMS.txt"},
        "test-report-windows": {"dist/test-report.xml"},
    }


def test_linux_job_builds_tests_and_checks_the_linux_bundle():
    job = workflow()["jobs"]["linux"]
    assert job["runs-on"] == "ubuntu-latest"
    assert setup_python(job) == "3.11"
    commands = workflow_commands("linux")
    assert '.venv/bin/python -m pip install -e ".[test,build]"' in commands
    assert ".venv/bin/python -m pytest --junitxml=dist/test-report.xml" in commands
    assert "QT_QPA_PLATFORM=offscreen dist/DeputyDesk/deputydesk-cli --self-test" in commands
    assert ".venv/bin/python packaging/check_bundle.py dist/DeputyDesk" in commands
    assert uploads(job) == {
        "DeputyDesk-linux-folder": {"dist/release/*-linux.zip", "dist/release/SHA256SUMS.txt"},
        "test-report-linux": {"dist/test-report.xml"},
    }


def test_linux_job_installs_the_system_packages_from_the_projects_one_list():
    # tests/system-packages.sh is also what .ci/run and the README's test command run first.
    assert workflow_commands("linux")[0] == "sh tests/system-packages.sh"
    assert "sh tests/system-packages.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def setup_python(job: dict) -> str:
    (step,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    return step["with"]["python-version"]


def uploads(job: dict) -> dict[str, set[str]]:
    return {s["with"]["name"]: set(s["with"]["path"].split())
            for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")}


# -- packaging/release.py: what is handed over, with its SHA-256 ---------------------------------

def load_release():
    spec = importlib.util.spec_from_file_location("deputydesk_release", ROOT / "packaging" / "release.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def built(tmp_path):
    """A source folder (version 2.3.4) with a built bundle and installer, names as on Windows."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text('__version__ = "2.3.4"\n', encoding="utf-8")
    bundle = tmp_path / "dist" / "DeputyDesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "DeputyDesk.exe").write_bytes(b"MZ window")
    (bundle / "_internal" / "resources" / "节假日 数据.toml").write_text("春节", encoding="utf-8")
    (tmp_path / "dist" / "installer").mkdir()
    (tmp_path / "dist" / "installer" / "DeputyDesk-2.3.4-setup.exe").write_bytes(b"MZ setup" * 1000)
    return tmp_path


def test_release_holds_installer_and_folder_with_their_sha256(built):
    assert load_release().main(built, windows=True) == 0
    release = built / "dist" / "release"
    assert sorted(p.name for p in release.iterdir()) == [
        "DeputyDesk-2.3.4-setup.exe", "DeputyDesk-2.3.4-windows.zip", "SHA256SUMS.txt"]
    lines = (release / "SHA256SUMS.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{hashlib.sha256((release / name).read_bytes()).hexdigest()}  {name}"
                     for name in ("DeputyDesk-2.3.4-setup.exe", "DeputyDesk-2.3.4-windows.zip")]
    assert (release / "DeputyDesk-2.3.4-setup.exe").read_bytes() == b"MZ setup" * 1000
    with zipfile.ZipFile(release / "DeputyDesk-2.3.4-windows.zip") as archive:
        assert sorted(archive.namelist()) == ["DeputyDesk/DeputyDesk.exe",
                                              "DeputyDesk/_internal/resources/节假日 数据.toml"]
        assert archive.read("DeputyDesk/_internal/resources/节假日 数据.toml").decode() == "春节"


def test_release_on_windows_refuses_without_the_installer_and_hands_over_nothing(built, capsys):
    (built / "dist" / "installer" / "DeputyDesk-2.3.4-setup.exe").unlink()
    assert load_release().main(built, windows=True) == 1
    assert "找不到安装程序" in capsys.readouterr().err
    assert not (built / "dist" / "release").exists()


def test_linux_release_is_the_folder_alone_and_old_files_are_cleared(built):
    stale = built / "dist" / "release" / "DeputyDesk-2.3.3-linux.zip"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    assert load_release().main(built, windows=False) == 0
    release = built / "dist" / "release"
    assert sorted(p.name for p in release.iterdir()) == ["DeputyDesk-2.3.4-linux.zip",
                                                         "SHA256SUMS.txt"]
