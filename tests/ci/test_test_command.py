"""The README's test command is the one CI runs, and on a bare Debian it first sees to the system
packages Qt needs: installed as root, named in one line otherwise."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "system-packages.sh"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the script is for Debian and Ubuntu")


def readme_test_command() -> str:
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    lines = [line for block in blocks for line in block.splitlines() if "pytest" in line]
    assert len(lines) == 1, lines
    return lines[0]


def test_ci_runs_the_readme_test_command_as_written():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_test_command() in ci_lines


def test_the_readme_test_command_sees_to_the_system_packages_before_anything_else():
    assert readme_test_command().startswith("sh tests/system-packages.sh && ")


def fake_dpkg(tmp_path, *, missing: set[str], uid: int | None = None) -> dict:
    """An environment whose dpkg-query reports every package installed except `missing`, whose
    apt-get and sudo only log their arguments to apt.log (sudo refusing without a password), and,
    given `uid`, whose user id is that."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    cases = "|".join(missing) or "no-such-package"
    tools = {"dpkg-query": f'case "$3" in {cases}) exit 1;; esac\nprintf "install ok installed"',
             "apt-get": f'echo "apt-get $*" >> "{tmp_path}/apt.log"',
             "sudo": f'[ "$1" = -n ] && exit 1\necho "sudo $*" >> "{tmp_path}/apt.log"'}
    if uid is not None:
        tools["id"] = f"echo {uid}"
    for name, body in tools.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@posix_only
def test_as_root_the_missing_packages_are_installed(tmp_path):
    env = fake_dpkg(tmp_path, missing={"libglib2.0-0", "libxkbcommon0"}, uid=0)
    out = subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "apt.log").read_text().splitlines() == [
        "apt-get update -qq", "apt-get install -y -qq libxkbcommon0 libglib2.0-0"]


@posix_only
def test_without_root_nothing_is_installed_and_one_line_names_the_packages(tmp_path):
    env = fake_dpkg(tmp_path, missing={"libglib2.0-0"}, uid=1000)
    out = subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert out.returncode == 1 and not (tmp_path / "apt.log").exists()
    assert out.stderr.splitlines() == ["The tests need these system packages; as root, run: "
                                       "apt-get install libglib2.0-0"]


@posix_only
def test_missing_qt_libraries_are_named_in_one_line(tmp_path):
    env = fake_dpkg(tmp_path, missing={"libglib2.0-0", "libegl1"})
    out = subprocess.run(["sh", str(SCRIPT), "--check"], env=env, capture_output=True, text=True)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.splitlines() == ["The tests need these system packages; as root, run: "
                                       "apt-get install libegl1 libglib2.0-0"]


@posix_only
def test_nothing_is_said_when_every_package_is_there(tmp_path):
    out = subprocess.run(["sh", str(SCRIPT), "--check"], env=fake_dpkg(tmp_path, missing=set()),
                         capture_output=True, text=True)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", "")


@posix_only
def test_the_tests_stop_at_once_with_that_line_before_qt_is_loaded(tmp_path):
    env = fake_dpkg(tmp_path, missing={"libglib2.0-0"})
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/ci"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == pytest.ExitCode.USAGE_ERROR
    assert "apt-get install libglib2.0-0" in out.stdout + out.stderr
    assert "INTERNALERROR" not in out.stdout + out.stderr
