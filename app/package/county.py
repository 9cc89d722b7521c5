"""County mode (县级汇总): townships' packages merged into the county workspace, one package per
township and period (a newer one replaces the older and says what changed)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select

from app import settings
from app.package import UP, PackageError, keys
from app.package.columns import canonical
from app.package.kinds import specs
from app.package.reader import Package, read_package
from db.models.county import CountyPackage, CountyRow


@dataclass(frozen=True)
class MergeOutcome:
    file: str
    township: str
    period: str
    status: str                      # 新导入 / 已更新 / 拒绝
    message: str = ""
    changes: dict[str, dict[str, int]] = field(default_factory=dict)   # sheet → 新增/修改/删除


def require_county(session) -> None:
    if settings.load(session, "township").mode != "county":
        raise PackageError("本机不是县级汇总模式：请在“设置”中把本机设为县级（县人大常委会）后再汇总")


def merge_packages(store, paths: list[Path]) -> list[MergeOutcome]:
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
    return [_merge_one(store, Path(p), key) for p in paths]


def _merge_one(store, path: Path, key: str) -> MergeOutcome:
    try:
        pkg = read_package(path, specs=specs(), key=key)
        if pkg.meta.direction != UP:
            raise PackageError(f"{path.name} 是县里回传的数据包（{pkg.meta.direction}），不是乡镇报送的")
        m = pkg.meta
        with store.write(f"县级汇总导入（{m.township_name} {m.period_label}）") as uow:
            changes, replaced = _store_package(uow, pkg)
            uow.record(action="import", entity="county_package", summary=f"{path.name}：{m.township_name} {m.period_label}")
    except PackageError as exc:
        return MergeOutcome(path.name, "", "", "拒绝", str(exc))
    note = "；".join(pkg.warnings)
    return MergeOutcome(path.name, m.township_name, m.period_label, "已更新" if replaced else "新导入", note, changes)


def _store_package(uow, pkg: Package) -> tuple[dict, bool]:
    m, s = pkg.meta, uow.session
    old = s.scalar(select(CountyPackage).where(CountyPackage.township_code == m.township_code,
                                               CountyPackage.period_from == m.period_from,
                                               CountyPackage.period_to == m.period_to))
    if old is not None and m.created_at <= old.created_at:
        raise PackageError(f"{m.township_name}{m.period_label}的数据包已导入过（生成于 {old.created_at}），"
                           f"此文件生成于 {m.created_at}，不比已导入的新，未导入")
    before = _rows_of(s, old.id) if old else {}
    if old is not None:
        s.execute(delete(CountyRow).where(CountyRow.package_id == old.id))
        s.delete(old)
        s.flush()
    new = CountyPackage(township_code=m.township_code, township_name=m.township_name, period=m.period_label,
                        period_from=m.period_from, period_to=m.period_to, created_at=m.created_at,
                        sha256=pkg.sha256, file_name=pkg.path.name)
    s.add(new)
    s.flush()
    after = {}
    for sheet, rows in pkg.rows.items():
        for _, values in rows:
            data = json.dumps({k: canonical(v) for k, v in values.items()}, ensure_ascii=False)
            after[(sheet, values["uuid"])] = data
            s.add(CountyRow(package_id=new.id, sheet=sheet, uuid=values["uuid"], data=data))
    return (_diff(before, after) if old is not None else {}), old is not None


def _rows_of(session, package_id: int) -> dict:
    rows = session.scalars(select(CountyRow).where(CountyRow.package_id == package_id)).all()
    return {(r.sheet, r.uuid): r.data for r in rows}


def _diff(before: dict, after: dict) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    def bump(sheet, what):
        out.setdefault(sheet, {"新增": 0, "修改": 0, "删除": 0})[what] += 1
    for k, v in after.items():
        if k not in before:
            bump(k[0], "新增")
        elif before[k] != v:
            bump(k[0], "修改")
    for k in before.keys() - after.keys():
        bump(k[0], "删除")
    return out
