"""County mode (县级汇总): townships' packages merged into the county workspace, one package per
township and period (a newer one replaces the older and says what changed)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from json.encoder import encode_basestring
from pathlib import Path

from sqlalchemy import delete, func, select

from app import settings
from app.package import UP, PackageError, keys
from app.package.columns import canonical_column
from app.package.export import log_exchange
from app.package.checks import check_package
from app.package.kinds import all_kinds, specs
from app.package.reader import Package, no_cycle_collection, read_package
from app.package.sheet_rows import SheetRows, all_distinct
from app.progress import Progress, check
from app.vocabulary import MergeStatus
from db.base import utcnow
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
    """What merging would do, file by file, without writing anything: the merge itself, in a
    transaction that is rolled back, so that the preview says exactly what 汇总导入 will do."""
    with store.read() as session:
        require_county(session)
        key = keys.load(session).hmac_key
    outcomes: list[MergeOutcome] = []
    try:
        with store.write("县级汇总预览") as uow:
            outcomes.extend(_merge_one(uow, p, key, progress) for p in map(Path, paths))
            raise _RolledBack
    except _RolledBack:
        pass
    return [replace(o, status=_WILL.get(o.status, o.status)) for o in outcomes]


class _RolledBack(Exception):
    """Ends a preview's transaction without keeping anything."""


_WILL = {MergeStatus.IMPORTED: MergeStatus.WILL_IMPORT, MergeStatus.UPDATED: MergeStatus.WILL_UPDATE}


def _merge_one(uow, path: Path, key: str, progress: Progress | None) -> MergeOutcome:
    """Reads, checks and stores the package a sheet at a time (a county's package is never held
    whole); anything refused on the way, a bad signature found at the end included, rolls back
    what was stored of it."""
    try:
        with uow.session.begin_nested(), no_cycle_collection():
            storing = _Storing(uow, progress)
            pkg = read_package(path, specs=specs(), key=key, progress=progress, each_sheet=storing)
            changes, replaced = storing.finish(pkg)
            m = pkg.meta
            log_exchange(uow, way="in", meta=m, file_name=path.name, sha256=pkg.sha256,
                         summary="，".join(f"{k} {n} 行" for k, n in storing.counts.items()))
            uow.record(action="import", entity="county_package", summary=f"{path.name}：{m.township_name} {m.period_label}")
    except PackageError as exc:
        return MergeOutcome(path.name, "", "", MergeStatus.REFUSED, str(exc))
    if pkg.refusals:
        shown = "；".join(f"{r.sheet} 第 {r.row} 行“{r.column}”列：{r.reason}" for r in pkg.refusals[:REFUSALS_NAMED])
        more = f"等 {len(pkg.refusals)} 处" if len(pkg.refusals) > REFUSALS_NAMED else ""
        pkg.warnings.append(f"以下行未汇总：{shown}{more}")
    return MergeOutcome(path.name, m.township_name, m.period_label, MergeStatus.UPDATED if replaced else MergeStatus.IMPORTED,
                        "；".join(pkg.warnings), changes, (m.period_from, m.period_to))


def _existing(session, pkg: Package) -> CountyPackage | None:
    m = pkg.meta
    old = session.scalar(select(CountyPackage).where(CountyPackage.township_code == m.township_code,
                                                     CountyPackage.period_from == m.period_from,
                                                     CountyPackage.period_to == m.period_to))
    if old is not None and m.created_at <= old.created_at:
        raise PackageError(f"{m.township_name}{m.period_label}的数据包已导入过（生成于 {old.created_at}），"
                           f"此文件生成于 {m.created_at}，不比已导入的新，未导入")
    return old


def sheet_texts(rows: SheetRows) -> list[tuple[str, str]]:
    """(uuid, JSON of the row's canonical values) of each row of one sheet, a later row with the same
    uuid replacing an earlier one in its place; built a column at a time (a county's hundreds of thousands of rows),
    from the sheet's own columns (no dict per row)."""
    pairs = list(zip(rows.column("uuid"), column_json_texts(rows.names, rows.columns)))
    if len({u for u, _ in pairs}) != len(pairs):
        pairs = list(dict(pairs).items())
    return pairs


def column_json_texts(keys: tuple[str, ...], columns) -> list[str]:
    """`json.dumps({k: canonical(v) ...}, ensure_ascii=False)` of each row whose values for `keys[i]`
    are `columns[i]`: the same texts, made by C-level joins over columns instead of one encoder call
    and one `canonical` call per cell."""
    texts = [list(map(encode_basestring, canonical_column(col))) for col in columns]
    template = "{" + ", ".join(encode_basestring(k).replace("%", "%%") + ": %s" for k in keys) + "}"
    return list(map(template.__mod__, zip(*texts)))


class _Storing:
    """Stores a package sheet by sheet as it is read (`read_package(each_sheet=…)`): each sheet's rows
    checked, stored as JSON texts with Core inserts in batches, and let go. A newer package of the
    same township and period takes the stored one's place (the same record, its rows replaced) and
    says what changed, sheet by sheet."""

    def __init__(self, uow, progress: Progress | None) -> None:
        self.uow, self.progress = uow, progress
        self.kinds = {kind.spec.name: kind for kind in all_kinds()}
        self.package: CountyPackage | None = None
        self.replaced = False
        self.last_old = 0          # the stored package's rows are those up to this id
        self.counts: dict[str, int] = {}

    def __call__(self, pkg: Package, sheet: str) -> None:
        if self.package is None:
            self._begin(pkg)
        if sheet in self.kinds:
            check_package(pkg, [self.kinds[sheet]])
        rows = pkg.rows.pop(sheet)
        self.counts[sheet] = len(rows)
        s, name = self.uow.session, pkg.meta.township_name
        for pairs in _text_batches(rows):
            check(self.progress)
            if self.progress is not None:
                self.progress.step(0, 0, f"正在保存{name}的工作表“{sheet}”")
            s.connection().execute(CountyRow.__table__.insert(), [
                {"package_id": self.package.id, "sheet": sheet, "uuid": u, "data": d} for u, d in pairs])

    def _begin(self, pkg: Package) -> None:
        m, s = pkg.meta, self.uow.session
        if m.direction != UP:
            raise PackageError(f"{pkg.path.name} 是县里回传的数据包（{m.direction}），不是乡镇报送的")
        package = _existing(s, pkg)
        self.replaced = package is not None
        if package is None:
            package = CountyPackage(township_code=m.township_code, period_from=m.period_from, period_to=m.period_to)
            s.add(package)
        else:
            package.imported_at = utcnow()
        package.township_name, package.period, package.created_at = m.township_name, m.period_label, m.created_at
        package.sha256, package.file_name = pkg.sha256, pkg.path.name
        s.flush()
        self.package = package
        self.last_old = s.scalar(select(func.max(CountyRow.id)).where(CountyRow.package_id == package.id)) or 0

    def finish(self, pkg: Package) -> tuple[dict[str, dict[str, int]], bool]:
        """What the package changed against the one it replaces ({} for a first one), and whether
        it replaced one; the replaced rows are deleted."""
        if self.package is None:          # no data sheet at all
            self._begin(pkg)
        if not self.replaced:
            return {}, False
        if self.progress is not None:
            self.progress.step(0, 0, f"正在比较{pkg.meta.township_name}的新旧数据包")
        s = self.uow.session
        changes = _changes(s, self.package.id, self.last_old)
        s.execute(delete(CountyRow).where(CountyRow.package_id == self.package.id, CountyRow.id <= self.last_old))
        return changes, True


def _text_batches(rows: SheetRows, size: int = STORED_BATCH):
    """`sheet_texts(rows)` in batches, made batch by batch where no uuid repeats (the usual case)."""
    uuids = rows.column("uuid")
    if not all_distinct(uuids):
        pairs = sheet_texts(rows)
        yield from (pairs[i:i + size] for i in range(0, len(pairs), size))
        return
    for i in range(0, len(rows), size):
        yield list(zip(uuids[i:i + size], column_json_texts(rows.names, [c[i:i + size] for c in rows.columns])))


def _changes(session, package_id: int, last_old: int) -> dict[str, dict[str, int]]:
    """Sheet → 新增/修改/删除: the package's rows numbered after `last_old` (the new package) against
    those up to it (the one it replaces), each sheet's two sets walked side by side in uuid order
    (held by the index; neither is read into memory: a county's package is 500,000 rows)."""
    conn = session.connection().execution_options(yield_per=STORED_BATCH)
    sheets = conn.execute(select(CountyRow.sheet).where(CountyRow.package_id == package_id).distinct()).scalars().all()
    out: dict[str, dict[str, int]] = {}
    for sheet in sheets:
        def rows(newer: bool):
            q = select(CountyRow.uuid, CountyRow.data).where(
                CountyRow.package_id == package_id, CountyRow.sheet == sheet,
                CountyRow.id > last_old if newer else CountyRow.id <= last_old).order_by(CountyRow.uuid)
            return iter(conn.execute(q))
        counts = _compare(rows(False), rows(True))
        if any(counts.values()):
            out[sheet] = counts
    return out


def _compare(before, after) -> dict[str, int]:
    """新增/修改/删除 between two runs of (uuid, data) in uuid order (SQLite's text order, which is
    Python's for the same texts), each uuid at most once in each."""
    counts = {"新增": 0, "修改": 0, "删除": 0}
    old, new = next(before, None), next(after, None)
    while old is not None or new is not None:
        if new is None or (old is not None and old[0] < new[0]):
            counts["删除"] += 1
            old = next(before, None)
        elif old is None or new[0] < old[0]:
            counts["新增"] += 1
            new = next(after, None)
        else:
            counts["修改"] += old[1] != new[1]
            old, new = next(before, None), next(after, None)
    return counts
