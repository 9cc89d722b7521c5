"""A crafted package never takes the program down: a cell at XFD1048576 in any of its sheets, an
entity declaration after a long comment, a part that lies about its size — each is refused with
its Chinese message by the package import, the county merge and the screens that call them, and
nothing is written."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.package import PackageError
from app.package.county import merge_packages, preview_merge
from app.package.importer import apply_import
from app.store import Store
from db.models.core import AuditEntry
from tests.app.package.helpers import export_q3, set_township, township_with_roster
from tests.faults import crafted

# Reads each package in a child process with its address space capped: were a far cell to reach
# python-calamine, it would abort that process (exit 134), not the test run.
CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from app.package import PackageError
from app.package.kinds import specs
from app.package.reader import read_package
out = {}
for path in sys.argv[1:]:
    try:
        read_package(path, specs=specs())
        out[path] = ""
    except PackageError as exc:
        out[path] = str(exc)
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("包")
    with Store.open(folder / "青山镇", today=date(2026, 11, 22)) as store:
        township_with_roster(store)
        return export_q3(store, folder / "青山镇.xlsx").path


def sheet_names(path: Path) -> dict[str, str]:
    """zip member → sheet name, from the workbook itself."""
    import re
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels)
                   + [(b, a) for a, b in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)])
    return {"xl/" + targets[rid].lstrip("/").removeprefix("xl/"): name
            for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"', book)}


def test_a_far_cell_in_every_sheet_of_a_package_is_refused_without_a_crash(package, tmp_path):
    names = sheet_names(package)
    assert len(names) >= 12
    variants = {str(crafted.with_far_cell(package, tmp_path / f"远{i}.xlsx", member)): name
                for i, (member, name) in enumerate(sorted(names.items()))}
    done = subprocess.run([sys.executable, "-c", CHILD, *variants], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    messages = json.loads(done.stdout.splitlines()[-1])
    for path, name in variants.items():
        assert messages[path].startswith(f"工作表“{name}”的单元格 XFD1048576 超出了可读的范围"), (name, messages[path])


def count_audit(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(AuditEntry.id)))


def test_a_far_cell_package_changes_nothing_on_import(store, package, tmp_path):
    set_township(store)
    far = crafted.with_far_cell(package, tmp_path / "远.xlsx", "xl/worksheets/sheet2.xml")
    before = count_audit(store)
    with pytest.raises(PackageError, match="单元格 XFD1048576 超出了可读的范围"):
        apply_import(store, far)
    assert count_audit(store) == before


def test_an_entity_declaration_after_a_long_comment_is_refused(store, package, tmp_path):
    set_township(store)
    for member in ("xl/worksheets/sheet3.xml", "xl/styles.xml", "docProps/core.xml"):
        evil = crafted.with_doctype_after_comment(package, tmp_path / "实体.xlsx", member)
        with pytest.raises(PackageError, match="含有实体或文档类型声明"):
            apply_import(store, evil)


def test_the_county_merge_refuses_a_crafted_package_by_name(store, package, tmp_path):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    far = crafted.with_far_cell(package, tmp_path / "远.xlsx", "xl/worksheets/sheet4.xml", "ZZ999999")
    lying = crafted.declaring(package, tmp_path / "谎.xlsx", "xl/worksheets/sheet8.xml", 100)
    for outcomes in (preview_merge(store, [far, lying]), merge_packages(store, [far, lying])):
        assert [o.status for o in outcomes] == ["拒绝", "拒绝"]
        assert "单元格 ZZ999999 超出了可读的范围" in outcomes[0].message
        assert "解压后比它声明的 100 字节大" in outcomes[1].message
