"""Reading a package: safety checks first, then its sheets through app.package.xlsx; every problem is either a
refusal of the whole file (PackageError) or a refused row with sheet, row, column and reason."""
from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from app.package import DOWN, FORMAT_VERSION, INFO_SHEET, PackageError
from app.package import info as I
from app.package.cells import PHONE_KEYS, CellRefusal, convert
from app.package.columnar import SLOW, cell_rule, column_rule, slow_positions
from app.package.columns import CHOICE, DATE, DATETIME, INT, TEXT, Column, SheetSpec, canonical
from app.package.digest import SheetHasher, file_sha256, seal_matches
from app.package.info import PackageMeta, SheetInfo
from app.package.safety import column_letter, inspect
from app.package.sheet_rows import SheetRows
from app.package.xlsx import ReadBook
from app.progress import Progress, check


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    column: str
    reason: str


@dataclass
class Package:
    path: Path
    sha256: str
    meta: PackageMeta
    # sheet → its rows; iterating one gives (row number, values dict) pairs, a dict at a time
    rows: dict[str, SheetRows] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changed_sheets: list[str] = field(default_factory=list)
    read_counts: dict[str, int] = field(default_factory=dict)   # sheet → data rows found (refused ones too)
    read_hashes: dict[str, str] = field(default_factory=dict)   # sheet → SHA-256 of its rows as read


def read_package(path: Path, *, specs: dict[str, SheetSpec], key: str = "", progress: Progress | None = None,
                 each_sheet: Callable[[Package, str], None] | None = None) -> Package:
    """`progress` hears of each sheet read, and a cancel stops the reading there (Cancelled).

    `each_sheet(pkg, name)`, where given, is called as soon as a sheet has been read and may take
    its rows out of `pkg.rows` (the county merge stores each sheet and lets it go, so that it never
    holds a whole county's package); the signature is checked only after the last sheet."""
    with no_cycle_collection():
        return _read_package(Path(path), specs, key, progress, each_sheet)


@contextmanager
def no_cycle_collection():
    """Reading (or storing) a package makes millions of small objects and no reference cycles; the
    cycle collector would rescan them again and again while they pile up (bench/RESULTS.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_package(path: Path, specs: dict[str, SheetSpec], key: str, progress: Progress | None,
                  each_sheet: Callable[[Package, str], None] | None) -> Package:
    found = inspect(path)
    if INFO_SHEET not in found.sheets:
        raise PackageError(f"文件 {path.name} 没有“说明”工作表，不是本程序生成的数据包")
    with ReadBook(path, sheets=found.sheets, sliceable=found.sliceable) as book:
        meta = parse_info(book.cells(INFO_SHEET, bad_value=f"文件 {path.name} 的“说明”表中有无法识别的单元格值，文件可能被改坏"))
        pkg = Package(path=path, sha256=file_sha256(path), meta=meta)
        for i, sheet in enumerate(meta.sheets):
            check(progress)
            if progress is not None:
                progress.step(i, len(meta.sheets), f"正在读取 {path.name} 的工作表“{sheet.name}”")
            spec = specs.get(sheet.name)
            if spec is None:
                pkg.warnings.append(f"工作表“{sheet.name}”本程序不认识，已忽略")
                continue
            if sheet.name not in found.sheets:
                raise PackageError(f"缺少工作表“{sheet.name}”（说明表中列有它），文件可能被改动过")
            _read_sheet(pkg, spec, sheet, book.rows(sheet.name), found.formulas.get(sheet.name, {}))
            if each_sheet is not None:
                each_sheet(pkg, spec.name)
    _check_seal(pkg, key)
    return pkg


def parse_info(cells: list[list]) -> PackageMeta:
    values = {str(r[0]).strip(): (r[1] if len(r) > 1 else "") for r in cells if r and r[0] != ""}
    version = _info(values, I.VERSION, Column("v", I.VERSION, INT, required=True))
    if version > FORMAT_VERSION:
        raise PackageError(f"数据包格式版本为 {version}，比本程序支持的版本 {FORMAT_VERSION} 新，请先升级本程序再导入")
    if version < 1:
        raise PackageError(f"“说明”表的“{I.VERSION}”为 {version}，不是有效的版本号（应为 1 到 {FORMAT_VERSION}）")
    meta = PackageMeta(
        format_version=version, direction=_info(values, I.DIRECTION, Column("d", I.DIRECTION, required=True)),
        township_name=_info(values, I.NAME, Column("n", I.NAME)) or "",
        township_code=_info(values, I.CODE, Column("township_code", I.CODE, required=True)),
        period_label=_info(values, I.PERIOD, Column("p", I.PERIOD)) or "",
        period_from=_info(values, I.START, Column("s", I.START, DATE, required=True)),
        period_to=_info(values, I.END, Column("e", I.END, DATE, required=True)),
        created_at=_info(values, I.CREATED, Column("c", I.CREATED, DATETIME, required=True)),
        app_version=_info(values, I.APP, Column("a", I.APP)) or "",
        signature=str(values.get(I.SIGNATURE, "") or ""))
    meta.sheets = _sheet_list(cells)
    return meta


def _info(values: dict, label: str, col: Column):
    if label not in values:
        raise PackageError(f"“说明”表缺少“{label}”一项，文件不是完整的数据包")
    try:
        return convert(values[label], col, where="“说明”表")
    except CellRefusal as exc:
        raise PackageError(f"“说明”表的“{label}”无法识别：{exc}") from None


def _sheet_list(cells: list[list]) -> list[SheetInfo]:
    start = next((i for i, r in enumerate(cells) if tuple(r[:3]) == I.SHEETS_HEADER), None)
    if start is None:
        raise PackageError("“说明”表缺少工作表清单（工作表、行数、SHA-256）")
    out = []
    for r in cells[start + 1:]:
        if not r or r[0] == "":
            break
        rows = r[1] if len(r) > 1 else ""
        out.append(SheetInfo(str(r[0]), int(rows) if isinstance(rows, (int, float)) else -1,
                             str(r[2]) if len(r) > 2 else ""))
    return out


CHUNK = 5_000             # rows converted together: bounded memory, column-wise speed (bench/RESULTS.md)
HASHED = 2_000            # rows hashed together
CODED_KINDS = (TEXT, CHOICE, DATE, DATETIME)    # columns whose equal values are kept once (see sheet_rows)


def _read_sheet(pkg: Package, spec: SheetSpec, info: SheetInfo, rows, formulas: dict[tuple[int, int], str]) -> None:
    rows = iter(rows)
    header = [str(h).strip() for h in next(rows, [])]
    spec = _as_written(spec, header, pkg.meta.format_version)
    missing = [h for h in spec.headers if h not in header]
    if missing:
        raise PackageError(f"工作表“{spec.name}”缺少列：{'、'.join(missing)}")
    index = [header.index(h) for h in spec.headers]
    sheet = _SheetReader(pkg, spec, index, formulas)
    first = 2
    while chunk := list(islice(rows, CHUNK)):
        if formulas or min(map(len, chunk)) <= max(index):
            sheet.by_row(chunk, first)
        else:
            sheet.by_column(chunk, first)
        first += len(chunk)
    pkg.rows[spec.name] = sheet.out
    pkg.read_counts[spec.name] = sheet.count
    pkg.read_hashes[spec.name] = sheet.hasher.hexdigest()
    if pkg.read_hashes[spec.name] != info.sha256 or sheet.count != info.rows:
        pkg.changed_sheets.append(spec.name)


def _as_written(spec: SheetSpec, header: list[str], version: int) -> SheetSpec:
    """The sheet as a package of `version` has it: columns added by a later version and absent are
    left out (its rows then lack those keys, and the kinds leave those fields as they are)."""
    absent = [c for c in spec.columns if c.since > version and c.header not in header]
    if not absent:
        return spec
    return SheetSpec(spec.name, tuple(c for c in spec.columns if c not in absent))


class _SheetReader:
    """One sheet's rows, converted and hashed a chunk at a time."""

    def __init__(self, pkg: Package, spec: SheetSpec, index: list[int], formulas: dict) -> None:
        self.pkg, self.spec, self.index, self.formulas = pkg, spec, index, formulas
        self.keys = tuple(col.key for col in spec.columns)
        # Repeated values (a deputy's uuid and name on each of thousands of attendance rows, the
        # same dates) kept once, with a small number per row: each cell read is a new object, and
        # at county scale they are most of memory.
        coded = {col.key for col in spec.columns if col.kind in CODED_KINDS and col.key != "uuid"}
        self.hasher, self.out, self.count = SheetHasher(spec.headers), SheetRows(self.keys, coded), 0
        self.cells = [cell_rule(col) for col in spec.columns]
        self.columns = [column_rule(col) for col in spec.columns]
        self.blank = (None,) * len(spec.columns)

    def by_column(self, chunk: list[list], first: int) -> None:
        """The common case: every column converted at once; odd rows redone one by one."""
        raw = list(zip(*chunk))
        picked = [raw[i] for i in self.index]
        del raw
        converted = [rule(cells) for rule, cells in zip(self.columns, picked)]
        odd = slow_positions(converted)
        typed = list(zip(*converted))
        # Fast rules give None only for a blank optional cell (a required one is SLOW): a row of
        # None is an empty row, possible only where every column has a None.
        if all(None in cells for cells in converted) and self.blank in typed:
            odd = sorted(set(odd) | {j for j, t in enumerate(typed) if t == self.blank})
        if not odd:
            self._keep(first, typed, None, converted)
            return
        values: dict[int, dict | None] = {}
        for j in odd:
            cells = [column[j] for column in picked]
            if all(v == "" or v is None for v in cells):
                typed[j] = None
                continue
            values[j], full = _convert_row(self.pkg, self.spec, first + j, cells, self.index, {})
            typed[j] = tuple(full)
        self._keep(first, typed, values, converted)

    def _hash(self, typed: list) -> None:
        """A few thousand rows at a time: the text hashed is made whole (wide rows of long texts:
        tens of MB for a chunk)."""
        for i in range(0, len(typed), HASHED):
            self.hasher.add_rows(typed[i:i + HASHED])

    def _keep(self, first: int, typed: list, values: dict | None, converted: list[list]) -> None:
        if values is None:
            self._hash(typed)
            self.count += len(typed)
            self.out.extend(range(first, first + len(typed)), converted)
            return
        kept = [(first + j, t) for j, t in enumerate(typed) if t is not None]
        self._hash([t for _, t in kept])
        self.count += len(kept)
        for r, t in kept:
            if values.get(r - first, False) is not None:    # None: a refused row
                self.out.append(r, t)

    def by_row(self, chunk: list[list], first: int) -> None:
        """Rows with formulas (read as their text and reported) or fewer cells than the header."""
        index, formulas, last = self.index, self.formulas, max(self.index)
        for r, raw in enumerate(chunk, start=first):
            picked = [_cell(raw, i, formulas, r) for i in index] if formulas or len(raw) <= last \
                else [raw[i] for i in index]
            if all(v == "" or v is None for v in picked):
                continue
            typed = None if formulas else _convert_fast(self.cells, picked)
            ok = True
            if typed is None:
                values, typed = _convert_row(self.pkg, self.spec, r, picked, index, formulas)
                ok = values is not None
            self.hasher.add(typed)
            self.count += 1
            if ok:
                self.out.append(r, typed)


def _convert_fast(cells: list, picked: list) -> list | None:
    typed = [f(v) for f, v in zip(cells, picked)]
    if SLOW in typed:
        return None
    return typed


def _cell(raw: list, i: int, formulas: dict, r: int):
    text = formulas.get((r, i + 1))
    if text is not None:
        return text
    return raw[i] if i < len(raw) else ""


def _convert_row(pkg: Package, spec: SheetSpec, r: int, picked: list, index: list[int], formulas: dict):
    values, typed, ok = {}, [], True
    for col, raw, i in zip(spec.columns, picked, index):
        if (r, i + 1) in formulas:
            pkg.warnings.append(f"工作表“{spec.name}”第 {r} 行“{col.header}”列（{column_letter(i + 1)}{r}）"
                                f"是公式，已按其文本“{raw}”读取")
        try:
            value = convert(raw, col, where=f"工作表“{spec.name}”第 {r} 行")
        except CellRefusal as exc:
            pkg.refusals.append(Refusal(spec.name, r, col.header, str(exc)))
            value, ok = canonical(raw), False
        else:
            if col.key in PHONE_KEYS and type(raw) in (int, float):
                pkg.warnings.append(f"工作表“{spec.name}”第 {r} 行“{col.header}”列（{column_letter(i + 1)}{r}）"
                                    f"是数字格式，已按号码 {value} 读取；请把该列设为文本格式，以免号码开头的 0 丢失")
        values[col.key] = value
        typed.append(value)
    return (values if ok else None), typed


def _check_seal(pkg: Package, key: str) -> None:
    """With a key set here a package must be signed with it and unchanged since; without one a
    signature cannot be checked, and the package is read as it is (said)."""
    meta = pkg.meta
    if not key:
        if meta.signature:
            pkg.warnings.append("数据包带有签名，但本机没有设置县里下发的签名密钥，无法核验签名")
        return
    sender = "县里" if meta.direction == DOWN else (meta.township_name or "报送的乡镇")
    again = f"请{sender}用签名密钥重新签名后再发送"
    if not meta.signature:
        raise PackageError(f"数据包没有签名，而本机设置了签名密钥，只接受签了名的数据包：{again}")
    if not seal_matches(key, meta.seal_fields(), meta.signature):
        raise PackageError(f"数据包的签名与内容不符：“说明”表或签名被改动过，或签名用的密钥与本机的不同。{again}")
    if pkg.changed_sheets:
        raise PackageError(f"数据包签名后，工作表“{'”“'.join(pkg.changed_sheets)}”又被改动过，签名已不能证明内容："
                           f"{again}")
