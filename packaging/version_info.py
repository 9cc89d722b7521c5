"""The Windows version resource of DeputyDesk.exe, generated from the app's version so the
file properties (product name 代表履职工作台, version) never drift from the code."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT_NAME = "代表履职工作台"
COMPANY = "代表履职工作台"
DESCRIPTION = "代表履职工作台（乡镇人大主席团离线工作台）"
EXE_NAME = "DeputyDesk.exe"


def app_version(root: Path = ROOT) -> str:
    """The version pyproject.toml takes from app/__init__.py (read as text: no import needed)."""
    text = (root / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise ValueError(f"在 {root / 'app' / '__init__.py'} 中找不到 __version__")
    return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows: '1.2.3rc1' → (1, 2, 3, 0); missing parts are 0."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    if not numbers:
        raise ValueError(f"版本号“{version}”中没有数字")
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def render(version: str) -> str:
    """The text of a PyInstaller version file (a VSVersionInfo expression)."""
    nums = version_tuple(version)
    strings = {
        "CompanyName": COMPANY, "FileDescription": DESCRIPTION, "FileVersion": version,
        "InternalName": "DeputyDesk", "LegalCopyright": COMPANY,
        "OriginalFilename": EXE_NAME, "ProductName": PRODUCT_NAME, "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0804 = Chinese (PRC), 1200 = Unicode code page.
    return f"""# Generated from app/__init__.py by packaging/version_info.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write(path: Path, *, root: Path = ROOT) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(app_version(root)), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "version_info.txt"
    print(write(target))
