"""County mode (县级汇总): townships' packages merged into the county workspace, one package per
township and period (a newer one replaces the older and says what changed)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from json.encoder import encode_basestring
from itertools import islice
from operator import itemgetter, ne
from pathlib import Path

from sqlalchemy import delete, select

from app import settings
from app.package import UP, PackageError, keys
from app.package.columns import canonical, canonical_column
from app.package.export import log_exchange
from app.package.checks import check_package
from app.package.kinds import all_kinds, specs
from app.package.reader import Package, no_cycle_collection, read_package
from app.package.sheet_rows import SheetRows
from app.progress import Progress, check
from app.vocabulary import MergeStatus
from db.models.county import CountyPackage, CountyRow


REFUSALS_NAMED = 20       # refused rows named one by one in a merge's message
STORED_BATCH = 5_000      # rows stored per insert: their texts and parameters held at once


@dataclass(frozen=True)
class MergeOutcome:
    file: str
    township: str
    period: str
    status: str                      # a MergeStatus
    message: str = ""
    changes: dict[str, dict[str, int]] = field(default_factory=dict)   # sheet → 新增/修改/删除
    period_range: tuple[date, date] | None = None      # the package's first and last day


def is_county(store) -> bool:
    with store.read() as session:
        return settings.load(session, "township").mode == "county"


def require_county(session) -> None:
    if settings.load(session, "township").mode != "county":
        raise PackageError("本机不是县级汇总模式：请在“设置”中把本机设为县级（县人大常委会）后再汇总")


def merge_packages(store, paths: list[Path], *, progress: Progress | None = None) -> list[MergeOutcome]:
    """One transaction for all the files (a cancel leaves the workspace as it was); a refused file
    is rolled back alone and said in its outcome."""
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
    paths = [Path(p) for p in paths]
    names = "、".join(p.name for p in paths[:3]) + ("等" if len(paths) > 3 else "")
    with store.write(f"县级汇总导入（{names}）") as uow:
        out = [_merge_one(uow, p, key, progress) for p in paths]
        check(progress)
    return out


def preview_merge(store, paths: list[Path], *, progress: Progress | None = None) -> list[MergeOutcome]:
    """What merging would do, file by file, without writing anything."""
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
        out = []
        for path in map(Path, paths):
            try:
                pkg = _read_up(path, key, progress)
                old = _existing(session, pkg)
                after = _row_texts(pkg)
                changes = _diff(_rows_of(session, old.id), after) if old else {}
                status = MergeStatus.WILL_UPDATE if old else MergeStatus.WILL_IMPORT
                out.append(MergeOutcome(path.name, pkg.meta.township_name, pkg.meta.period_label, status,
                                        "；".join(pkg.warnings), changes, (pkg.meta.period_from, pkg.meta.period_to)))
            except PackageError as exc:
                out.append(MergeOutcome(path.name, "", "", MergeStatus.REFUSED, str(exc)))
        return out


def _read_up(path: Path, key: str, progress: Progress | None) -> Package:
    pkg = read_package(path, specs=specs(), key=key, progress=progress)
    if pkg.meta.direction != UP:
        raise PackageError(f"{path.name} 是县里回传的数据包（{pkg.meta.direction}），不是乡镇报送的")
    check_package(pkg, all_kinds())
    if pkg.refusals:
        shown = "；".join(f"{r.sheet} 第 {r.row} 行“{r.column}”列：{r.reason}" for r in pkg.refusals[:REFUSALS_NAMED])
        more = f"等 {len(pkg.refusals)} 处" if len(pkg.refusals) > REFUSALS_NAMED else ""
        pkg.warnings.append(f"以下行未汇总：{shown}{more}")
    return pkg


def _merge_one(uow, path: Path, key: str, progress: Progress | None) -> MergeOutcome:
    try:
        pkg = _read_up(path, key, progress)
        m = pkg.meta
        with uow.session.begin_nested(), no_cycle_collection():
            changes, replaced = _store_package(uow, pkg, progress)
            log_exchange(uow, way="in", meta=m, file_name=path.name, sha256=pkg.sha256,
                         summary="，".join(f"{k} {len(v)} 行" for k, v in pkg.rows.items()))
            uow.record(action="import", entity="county_package", summary=f"{path.name}：{m.township_name} {m.period_label}")
    except PackageError as exc:
        return MergeOutcome(path.name, "", "", MergeStatus.REFUSED, str(exc))
    note = "；".join(pkg.warnings)
    return MergeOutcome(path.name, m.township_name, m.period_label, MergeStatus.UPDATED if replaced else MergeStatus.IMPORTED, note, changes,
                        (m.period_from, m.period_to))


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
    return {(sheet, uuid): text for sheet, rows in pkg.rows.items() for uuid, text in sheet_texts(rows)}


def sheet_texts(rows: SheetRows) -> list[tuple[str, str]]:
    """(uuid, JSON of the row's canonical values) of each row of one sheet, a later row with the same
    uuid replacing an earlier one in its place; built a column at a time (a county's hundreds of thousands of rows),
    from the sheet's own columns (no dict per row)."""
    pairs = list(zip(rows.column("uuid"), column_json_texts(rows.names, rows.columns)))
    if len({u for u, _ in pairs}) != len(pairs):
        pairs = list(dict(pairs).items())
    return pairs


def json_texts(rows: list[dict]) -> list[str]:
    """`json.dumps({k: canonical(v) ...}, ensure_ascii=False)` of each row: the same text, made by
    C-level joins over columns instead of one encoder call and one `canonical` call per cell."""
    if not rows:
        return []
    keys = tuple(rows[0])
    if not keys or any(tuple(r) != keys for r in rows):
        return [json.dumps({k: canonical(v) for k, v in r.items()}, ensure_ascii=False) for r in rows]
    cells = zip(*map(itemgetter(*keys), rows)) if len(keys) > 1 else [[r[keys[0]] for r in rows]]
    return column_json_texts(keys, cells)


def column_json_texts(keys: tuple[str, ...], columns) -> list[str]:
    """`json_texts` of the rows whose values for `keys[i]` are `columns[i]`."""
    texts = [list(map(encode_basestring, canonical_column(col))) for col in columns]
    template = "{" + ", ".join(encode_basestring(k).replace("%", "%%") + ": %s" for k in keys) + "}"
    return list(map(template.__mod__, zip(*texts)))


def _store_package(uow, pkg: Package, progress: Progress | None) -> tuple[dict, bool]:
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
    # One sheet at a time, Core inserts in batches: a county-scale package is hundreds of thousands
    # of rows, and holding all their texts at once cost more memory than the package itself.
    after: dict[tuple[str, str], str] = {}
    for sheet, rows in pkg.rows.items():
        for pairs in _text_batches(rows):
            check(progress)
            if progress is not None:
                progress.step(0, 0, f"正在保存{m.township_name}的工作表“{sheet}”")
            s.connection().execute(CountyRow.__table__.insert(), [
                {"package_id": new.id, "sheet": sheet, "uuid": u, "data": d} for u, d in pairs])
            if old is not None:
                after.update(((sheet, u), d) for u, d in pairs)
    return (_diff(before, after) if old is not None else {}), old is not None


def _text_batches(rows: SheetRows, size: int = STORED_BATCH):
    """`sheet_texts(rows)` in batches, made batch by batch where no uuid repeats (the usual case)."""
    uuids = rows.column("uuid")
    if not _distinct(uuids):
        pairs = sheet_texts(rows)
        yield from (pairs[i:i + size] for i in range(0, len(pairs), size))
        return
    for i in range(0, len(rows), size):
        yield list(zip(uuids[i:i + size], column_json_texts(rows.names, [c[i:i + size] for c in rows.columns])))


def _distinct(values: list[str]) -> bool:
    """No value twice; sorted rather than put in a set (a list of a county's uuids is a fraction of a set of them)."""
    ordered = sorted(values)
    return all(map(ne, ordered, islice(ordered, 1, None)))


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
