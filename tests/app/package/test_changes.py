"""A county edit after a LibreOffice re-save imports as exactly that change; both-sides changes
are conflicts the user decides; hashes survive a re-save that keeps values."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest
from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from db.models.roster import DeputyLevel, DeputyStatusChange
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster


def libreoffice_resave(src, outdir):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui"
    outdir.mkdir()
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{outdir}/profile",
                    "--convert-to", "xlsx", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=120)
    return outdir / src.name


@pytest.fixture
def county_seat_package(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    row = find_row(pkg, "代表层级", "层级", "县")
    edit_cell(pkg, "代表层级", row=row, header="状态", value="调离")
    edit_cell(pkg, "代表层级", row=row, header="状态日期", value=datetime(2026, 10, 8))
    return pkg


def test_libreoffice_resaved_package_imports_exactly_the_change(store, county_seat_package, tmp_path):
    resaved = libreoffice_resave(county_seat_package, tmp_path / "lo")
    preview = preview_import(store, resaved)
    moved = [c for c in preview.changes if c.status != "unchanged"]
    assert [(c.sheet, c.title, c.status) for c in moved] == [("代表层级", "张三 县级代表", "changed")]
    assert [(d.header, d.local, d.incoming) for d in moved[0].diffs] == [
        ("状态", "在任", "调离"), ("状态日期", "", "2026-10-08")]
    assert preview.changed_sheets == ["代表层级"]
    assert preview.refusals == []
    apply_import(store, resaved)
    with store.read() as s:
        seat = s.scalars(select(DeputyLevel).where(DeputyLevel.level == "县")).one()
        assert (seat.status, str(seat.status_on)) == ("调离", "2026-10-08")
        assert s.scalars(select(DeputyStatusChange.status)).all() == ["调离"]


def test_resave_without_edits_keeps_every_sheet_hash(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "原样.xlsx").path
    preview = preview_import(store, libreoffice_resave(pkg, tmp_path / "lo"))
    assert preview.changed_sheets == []


def test_change_on_both_sides_is_a_conflict_the_user_decides(store, county_seat_package):
    with store.write("修改状态") as uow:
        seat = uow.session.scalars(select(DeputyLevel).where(DeputyLevel.level == "县")).one()
        seat.status, seat.status_reason = "辞职", "本人申请"
    preview = preview_import(store, county_seat_package)
    [conflict] = preview.conflicts
    assert ("状态", "辞职", "调离") in [(d.header, d.local, d.incoming) for d in conflict.diffs]
    kept = apply_import(store, county_seat_package)
    assert kept.kept_local == 1
    with store.read() as s:
        assert s.scalar(select(DeputyLevel.status).where(DeputyLevel.level == "县")) == "辞职"
    apply_import(store, county_seat_package, choices={(conflict.sheet, conflict.uuid): "package"})
    with store.read() as s:
        assert s.scalar(select(DeputyLevel.status).where(DeputyLevel.level == "县")) == "调离"
