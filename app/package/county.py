"""County mode (县级汇总): townships' packages merged into the county workspace, one package per
township and period (a newer one replaces the older and says what changed)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, insert, select

from app import settings
from app.package import UP, PackageError, keys
from app.package.columns import canonical
from app.package.export import log_exchange
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


def is_county(store) -> bool:
    with store.read() as session:
        return settings.load(session, "township").mode == "county"


def require_county(session) -> None:
    if settings.load(session, "township").mode != "county":
        raise PackageError("本机不是县级汇总模式：请在“设置”中把本机设为县级（县人大常委会）后再汇总")


def merge_packages(store, paths: list[Path]) -> list[MergeOutcome]:
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
    return [_merge_one(store, Path(p), key) for p in paths]


def preview_merge(store, paths: list[Path]) -> list[MergeOutcome]:
    """What merging would do, file by file, without writing anything."""
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
        out = []
        for path in map(Path, paths):
            try:
                pkg = _read_up(path, key)
                old = _existing(session, pkg)
                after = _row_texts(pkg)
                changes = _diff(_rows_of(session, old.id), after) if old else {}
                status = "将更新" if old else "将新导入"
                out.append(MergeOutcome(path.name, pkg.meta.township_name, pkg.meta.period_label, status,
                                        "；".join(pkg.warnings), changes))
            except PackageError as exc:
                out.append(MergeOutcome(path.name, "", "", "拒绝", str(exc)))
        return out


def _read_up(path: Path, key: str) -> Package:
    pkg = read_package(path, specs=specs(), key=key)
    if pkg.meta.direction != UP:
        raise PackageError(f"{path.name} 是县里回传的数据包（{pkg.meta.direction}），不是乡镇报送的")
    return pkg


def _merge_one(store, path: Path, key: str) -> MergeOutcome:
    try:
        pkg = _read_up(path, key)
        m = pkg.meta
        with store.write(f"县级汇总导入（{m.township_name} {m.period_label}）") as uow:
            changes, replaced = _store_package(uow, pkg)
            log_exchange(uow, way="in", meta=m, file_name=path.name, sha256=pkg.sha256,
                         summary="，".join(f"{k} {len(v)} 行" for k, v in pkg.rows.items()))
            uow.record(action="import", entity="county_package", summary=f"{path.name}：{m.township_name} {m.period_label}")
    except PackageError as exc:
        return MergeOutcome(path.name, "", "", "拒绝", str(exc))
    note = "；".join(pkg.warnings)
    return MergeOutcome(path.name, m.township_name, m.period_label, "已更新" if replaced else "新导入", note, changes)


def _existing(session, pkg: Package) -> CountyPackage | None:
    m = pkg.meta
    old = session.scalar(select(CountyPackage).where(CountyPackage.township_code == m.township_code,
                                                     CountyPackage.period_from == m.period_from,
                                                     CountyPackage.period_to == m.period_to))
    if old is not None and m.created_at <= old.created_at:
        raise PackageError(f"{m.township_name}{m.period_label}的数据包已导入过（生成于 {old.created_at}），"
                           f"此文件生成于 {m.created_at}，不比已导入的新，未导入")
    return old


def _row_texts(pkg: Package) -> dict[tuple[str, str], str]:
    return {(sheet, values["uuid"]): json.dumps({k: canonical(v) for k, v in values.items()}, ensure_ascii=False)
            for sheet, rows in pkg.rows.items() for _, values in rows}


def _store_package(uow, pkg: Package) -> tuple[dict, bool]:
    m, s = pkg.meta, uow.session
    old = _existing(s, pkg)
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
    after = _row_texts(pkg)
    # Core insert: a county-scale package is hundreds of thousands of rows.
    items = [{"package_id": new.id, "sheet": k[0], "uuid": k[1], "data": v} for k, v in after.items()]
    for i in range(0, len(items), 20_000):
        s.execute(insert(CountyRow), items[i:i + 20_000])
    return (_diff(before, after) if old is not None else {}), old is not None


def _rows_of(session, package_id: int) -> dict:
    q = select(CountyRow.sheet, CountyRow.uuid, CountyRow.data).where(CountyRow.package_id == package_id)
    return {(sheet, uuid): data for sheet, uuid, data in session.execute(q)}


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
