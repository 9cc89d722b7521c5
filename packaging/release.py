"""Puts what is handed over in dist/release/, each file with its SHA-256 in SHA256SUMS.txt beside
it: the program folder as DeputyDesk-<version>-<windows|linux>.zip and, on Windows, the
installer from dist/installer/. The sums are printed too, so the run's log shows them.

Usage: python packaging/release.py      (after pyinstaller build.spec and, on Windows, ISCC)
"""
from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMS = "SHA256SUMS.txt"


def app_version(root: Path) -> str:
    # By file path, as build.spec does: `packaging` on sys.path is the PyPI library's name.
    spec = importlib.util.spec_from_file_location(
        "deputydesk_version_info", Path(__file__).with_name("version_info.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app_version(root)


def main(root: Path = ROOT, *, windows: bool = sys.platform == "win32") -> int:
    dist = root / "dist"
    bundle = dist / "DeputyDesk"
    version = app_version(root)
    if not bundle.is_dir():
        print(f"找不到程序文件夹 {bundle}：请先运行 PyInstaller build.spec", file=sys.stderr)
        return 1
    installer = dist / "installer" / f"DeputyDesk-{version}-setup.exe"
    if windows and not installer.is_file():
        print(f"找不到安装程序 {installer}：请先用 Inno Setup 编译 packaging\\deputydesk.iss",
              file=sys.stderr)
        return 1
    release = dist / "release"
    shutil.rmtree(release, ignore_errors=True)   # no file of an earlier build is handed over
    release.mkdir(parents=True)
    files = [zip_folder(bundle, release / f"DeputyDesk-{version}-{'windows' if windows else 'linux'}.zip")]
    if windows:
        files.append(Path(shutil.copy2(installer, release / installer.name)))
    lines = write_sums(files, release / SUMS)
    print(f"交付文件在 {release}：")
    for line in lines:
        print(f"  {line}")
    return 0


def zip_folder(folder: Path, target: Path) -> Path:
    """The folder itself (DeputyDesk/…) inside the zip, so unpacking gives one folder."""
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            name = Path(folder.name, path.relative_to(folder)).as_posix()
            if path.is_symlink():   # the Linux bundle links libraries; keep links, not copies
                link = zipfile.ZipInfo(name)
                link.external_attr = (0o120777 << 16)
                archive.writestr(link, str(path.readlink()))
            elif path.is_file():
                archive.write(path, name)
    partial.replace(target)   # never a half-written zip under the final name
    return target


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(files: list[Path], target: Path) -> list[str]:
    """`<sha256>  <name>` per file, the format sha256sum -c reads; Windows shows the same
    64 characters with certutil -hashfile or Get-FileHash (in capitals: case does not matter)."""
    lines = [f"{sha256(f)}  {f.name}" for f in sorted(files, key=lambda p: p.name)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


if __name__ == "__main__":
    sys.exit(main())
