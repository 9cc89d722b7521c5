"""County → township import (县级回传): a preview first, then one transaction after a backup.
Conflicts are written only where the user chose the package's version; the same package
imported twice changes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified

from app import settings
from app.package import DOWN, PackageError, keys
from app.package.export import log_exchange
from app.package.checks import check_package
from app.package.kinds import Scope, all_kinds, specs
from app.package.period import Period
from app.package.plan import CHANGED, CONFLICT, NEW, PlannedRow, RowChange, as_of, counts, plan
from app.package.reader import Package, Refusal, read_package
from app.progress import Progress, check
from db.models.exchange import ExchangeLog

PACKAGE, LOCAL = "package", "local"
MAX_DETAILED = 500      # changed records named one by one in a sheet's audit entry
MISSING_NAMED = 20      # rows missing from a sheet named one by one in the preview
STEP = 200              # rows written between two looks at a cancel


@dataclass(frozen=True)
class MissingRows:
    """Rows a sheet held when the package was made and no longer holds (nothing is deleted here)."""
    sheet: str
    count: int
    titles: tuple[str, ...]     # the local records among them, where they can be told


@dataclass
class Preview:
    file: str
    sha256: str
    direction: str
    township: str
    period: str
    created_at: datetime
    counts: dict[str, dict[str, int]]
    changes: list[RowChange]
    refusals: list[Refusal]
    warnings: list[str]
    changed_sheets: list[str]
    already_imported: bool
    missing: list[MissingRows] = field(default_factory=list)

    @property
    def conflicts(self) -> list[RowChange]:
        return [c for c in self.changes if c.status == CONFLICT]

    def as_dict(self) -> dict:
        return {"file": self.file, "sha256": self.sha256, "direction": self.direction,
                "township": self.township, "period": self.period, "counts": self.counts,
                "conflicts": [{"sheet": c.sheet, "row": c.row, "uuid": c.uuid, "title": c.title,
                               "fields": [d.__dict__ for d in c.diffs]} for c in self.conflicts],
                "refusals": [r.__dict__ for r in self.refusals], "warnings": self.warnings,
                "changed_sheets": self.changed_sheets, "already_imported": self.already_imported,
                "missing": [m.__dict__ for m in self.missing]}


@dataclass(frozen=True)
class ImportResult:
    preview: Preview
    written: int
    kept_local: int
    backup: Path | None = None
    sheets_written: dict[str, int] = field(default_factory=dict)


def preview_import(store, path: Path, *, progress: Progress | None = None) -> Preview:
    return _read_and_preview(store, path, progress)[1]


def _read_and_preview(store, path: Path, progress: Progress | None = None) -> tuple[Package, Preview]:
    with store.read() as session:
        pkg = load_for_township(session, path, progress=progress)
        check(progress)
        return pkg, _preview(session, pkg, plan(session, pkg))


def apply_import(store, path: Path, *, choices: dict[tuple[str, str], str] | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """`choices[(sheet, uuid)]` = "package" takes the package's version of a conflict; any
    conflict without a choice keeps the local version. A cancel (`progress`) writes nothing: the
    import is one transaction."""
    choices = choices or {}
    pkg, preview = _read_and_preview(store, path, progress)
    todo = [c for c in preview.changes
            if c.status in (NEW, CHANGED) or c.status == CONFLICT and choices.get((c.sheet, c.uuid)) == PACKAGE]
    if not todo and preview.already_imported:
        return ImportResult(preview, 0, len(preview.conflicts))
    backup = store.take_backup("before-import") if todo else None
    try:
        with store.write(f"导入数据包（{preview.township} {preview.period}）") as uow:
            rows = plan(uow.session, pkg)   # again: the records must belong to this transaction
            written = _write(uow, rows, choices, as_of=as_of(pkg), progress=progress)
            check(progress)
            log_exchange(uow, way="in", meta=pkg.meta, file_name=Path(path).name, sha256=pkg.sha256,
                         summary=_summary(written))
            uow.record(action="import", entity="exchange_log", summary=f"{Path(path).name}：{_summary(written)}")
    except IntegrityError as exc:
        raise PackageError(f"数据包中的记录与本机已有记录重复或相互矛盾（{_constraint(exc)}），"
                           "本次导入没有写入任何内容") from None
    kept = sum(1 for c in preview.conflicts if choices.get((c.sheet, c.uuid)) != PACKAGE)
    return ImportResult(preview, sum(written.values()), kept, backup, written)


def load_for_township(session, path: Path, *, progress: Progress | None = None) -> Package:
    town = settings.load(session, "township")
    if town.mode == "county":
        raise PackageError("本机设为县级汇总模式：乡镇报送的数据包请用“县级汇总”导入")
    if not town.code:
        raise PackageError("请先在“设置”中填写本乡镇的名称和区划代码，再导入数据包")
    pkg = read_package(Path(path), specs=specs(), key=keys.load(session).hmac_key, progress=progress)
    if pkg.meta.township_code != town.code:
        raise PackageError(f"这是{pkg.meta.township_name}（区划代码 {pkg.meta.township_code}）的数据包，"
                           f"本机是{town.name}（{town.code}），不能导入其他乡镇的数据包")
    check_package(pkg, all_kinds(), session)
    if pkg.meta.direction != DOWN:
        pkg.warnings.append("这是乡镇报送县里的数据包（乡镇→县），导入将按其内容补充或恢复本机记录")
    if pkg.changed_sheets:
        pkg.warnings.insert(0, "以下工作表在数据包生成后被改动过：" + "、".join(pkg.changed_sheets))
    return pkg


def _preview(session, pkg: Package, rows: list[PlannedRow]) -> Preview:
    seen = session.scalar(select(ExchangeLog.id).where(ExchangeLog.sha256 == pkg.sha256,
                                                       ExchangeLog.way == "in").limit(1))
    m = pkg.meta
    missing = missing_rows(session, pkg)
    warnings = pkg.warnings + [_missing_text(x) for x in missing]
    return Preview(file=pkg.path.name, sha256=pkg.sha256, direction=m.direction, township=m.township_name,
                   period=m.period_label, created_at=m.created_at,
                   counts=counts(rows, [s.name for s in m.sheets if s.name in pkg.rows]),
                   changes=[r.change for r in rows], refusals=pkg.refusals, warnings=warnings,
                   changed_sheets=pkg.changed_sheets, already_imported=seen is not None, missing=missing)


def missing_rows(session, pkg: Package) -> list[MissingRows]:
    """Sheets with fewer rows than when the package was made; the local records of the package's
    period that the sheet no longer names are those rows, as far as this computer can tell."""
    out = []
    scope = Scope(Period(pkg.meta.period_from, pkg.meta.period_to))
    for kind in all_kinds():
        name = kind.spec.name
        info = next((s for s in pkg.meta.sheets if s.name == name), None)
        found = pkg.read_counts.get(name)
        if info is None or found is None or info.rows <= found:
            continue
        present = set(pkg.rows[name].column("uuid"))
        titles = tuple(kind.title(r) for r in kind.rows(session, scope) if r["uuid"] not in present)
        out.append(MissingRows(name, info.rows - found, titles))
    return out


def _missing_text(m: MissingRows) -> str:
    shown = "、".join(m.titles[:MISSING_NAMED]) + ("等" if len(m.titles) > MISSING_NAMED else "")
    which = f"：{shown}" if shown else "（本机无法确定是哪几行）"
    return f"工作表“{m.sheet}”比数据包生成时少了 {m.count} 行{which}。导入不会删除本机的任何记录"


def _write(uow, rows: list[PlannedRow], choices, *, as_of: datetime, progress: Progress | None) -> dict[str, int]:
    taken: dict[str, list[PlannedRow]] = {}
    for i, p in enumerate(rows):
        if i % STEP == 0:
            check(progress)
            if progress is not None:
                progress.step(i, len(rows), f"正在写入第 {i + 1} 行，共 {len(rows)} 行")
        c = p.change
        take = c.status in (NEW, CHANGED) or c.status == CONFLICT and choices.get((c.sheet, c.uuid)) == PACKAGE
        if not take:
            continue
        try:
            record = p.kind.write(uow, p.record, p.values)
            if c.status != NEW and hasattr(record, "updated_at"):
                # Changed here as of the package: a second copy of the same package that still holds
                # the old value is then a conflict, not a silent undo; a later package is not.
                record.updated_at = as_of
                flag_modified(record, "updated_at")
        except (LookupError, ValueError) as exc:
            raise PackageError(f"工作表“{c.sheet}”第 {c.row} 行无法写入：{exc}。本次导入没有写入任何内容") from None
        taken.setdefault(c.sheet, []).append(p)
    for kind in {p.kind.spec.name: p.kind for p in rows}.values():
        kind.after_all(uow, [p.values for p in rows if p.kind is kind])
    for sheet, done in taken.items():
        _audit_sheet(uow, sheet, done)
    return {sheet: len(done) for sheet, done in taken.items()}


def _audit_sheet(uow, sheet: str, done: list[PlannedRow]) -> None:
    """One entry per sheet with its counts; each changed record is named with its changed fields."""
    new = sum(1 for p in done if p.change.status == NEW)
    changed = [p.change for p in done if p.change.status != NEW]
    after: dict = {"新增": new, "修改": len(changed)}
    if changed:
        after["修改明细"] = {f"{c.title}（{c.uuid}）": {d.header: [d.local, d.incoming] for d in c.diffs}
                           for c in changed[:MAX_DETAILED]}
    uow.record(action="import", entity=done[0].kind.entity, summary=f"{sheet}：新增 {new} 行，修改 {len(changed)} 行",
               after=after)


def _constraint(exc: IntegrityError) -> str:
    text = str(exc.orig)
    for table, label in (("deputy_group.name", "小组名称重复"), ("deputy.id_number", "身份证号重复"),
                         ("deputy_level", "同一代表同一层级同一届次重复"),
                         ("suggestion.number", "意见建议编号重复"), ("suggestion.year", "意见建议年度序号重复"),
                         ("attendance.activity_id", "同一活动同一代表的出勤重复"), (".uuid", "编号重复")):
        if table in text:
            return label
    return text


def _summary(written: dict[str, int]) -> str:
    return "，".join(f"{k} {v} 行" for k, v in written.items()) or "没有需要写入的变化"
