"""Import the town's Excel roster: a preview of what would change, then one transaction."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from app import settings
from app.progress import Progress, check
from app.roster import DeputyId
from app.roster.deputies import add_deputy, change_deputy
from app.roster.groups import GroupInput, add_group, group_id_by_name
from app.roster.import_plan import ImportItem, plan_sheet
from app.roster.levels import SeatInput, add_seat
from app.roster.membership import set_group
from app.roster_sheet import CellWarning, Duplicate, Refusal, SkippedRow, read_roster
from app.store import Store
from db.models.roster import Deputy, DeputyLevel


@dataclass(frozen=True)
class SheetOptions:
    sheet: str | None = None
    mapping: dict[str, str] | None = None     # field → column letter, as corrected by the user
    header_row: int | None = None
    term: int | None = None                   # the township seats' term, when the sheet has no 届次 column


@dataclass
class ImportPreview:
    sheet_name: str
    header_row: int
    mapping: dict[str, str]
    unmapped_headers: dict[str, str]
    items: list[ImportItem]
    duplicates: list[Duplicate]
    refused: list[Refusal]
    skipped: list[SkippedRow]
    new_groups: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)   # column letter → the file's own heading

    @property
    def warnings(self) -> list[CellWarning]:
        """Cells of imported rows that were left empty or taken from the ID number."""
        return sorted((w for item in self.items for w in item.warnings), key=lambda w: (w.row, w.column))

    def of_kind(self, kind: str) -> list[ImportItem]:
        return [item for item in self.items if item.kind == kind]

    def summary(self) -> dict:
        """The shape the command line prints with --json."""
        return {"new": len(self.of_kind("new")), "updated": len(self.of_kind("updated")),
                "unchanged": len(self.of_kind("unchanged")),
                "duplicates": [{"rows": list(d.rows), "reason": d.reason} for d in self.duplicates],
                "refused": [asdict(r) for r in sorted(self.refused, key=lambda r: (r.row, r.column))],
                "warnings": [asdict(w) for w in self.warnings]}


def _read(session, path: Path, options: SheetOptions,
          progress: Progress | None = None) -> ImportPreview:
    if progress is not None:
        progress.step(0, 0, f"正在读取“{path.name}”")
    sheet = read_roster(path, sheet=options.sheet, mapping=options.mapping,
                        header_row=options.header_row)
    term = options.term or settings.load(session, "township").term or None
    items, refused, existing = plan_sheet(session, sheet, default_term=term, progress=progress)
    new_groups = sorted({i.group_name for i in items if i.group_name} - existing.groups)
    return ImportPreview(sheet.sheet_name, sheet.header_row, sheet.mapping, sheet.unmapped_headers,
                         items, sheet.duplicates, [*sheet.refused, *refused], sheet.skipped_rows,
                         new_groups, sheet.headings)


def preview_import(store: Store, *, path: Path, options: SheetOptions = SheetOptions(),
                   progress: Progress | None = None) -> ImportPreview:
    """Read the file and say what importing it would do; nothing is written."""
    with store.read() as session:
        return _read(session, Path(path), options, progress)


def apply_import(store: Store, *, path: Path, options: SheetOptions = SheetOptions(),
                 on: date | None = None, progress: Progress | None = None) -> ImportPreview:
    """Back up, then write every accepted row in one transaction (the plan is made again inside
    it, so what is written matches the data as it is now). Returns what was done."""
    path = Path(path)
    store.take_backup("before-import")
    with store.write(f"导入代表名册（{path.name}）") as uow:
        done = _read(uow.session, path, options)
        _create_groups(uow, done.new_groups)
        total = len(done.items)
        for index, item in enumerate(done.items):
            check(progress)
            if progress is not None and index % 50 == 0:
                progress.step(index, total, f"正在导入第 {index + 1}/{total} 位代表")
            _write(uow, item, on=on or date.today())
        # The warnings stay in the audit trail: what was left empty, and where it came from.
        uow.record(action="import", entity="deputy", summary=_summary(done),
                   after={"提示": [w.located() for w in done.warnings]} if done.warnings else None)
    return done


def _create_groups(uow, names: list[str]) -> None:
    for name in names:
        add_group(uow, GroupInput(name))


def _write(uow, item: ImportItem, *, on: date) -> None:
    if item.kind == "unchanged":
        return
    if item.deputy_id is None:
        deputy = add_deputy(uow, item.fields)
    else:
        deputy = uow.session.get(Deputy, item.deputy_id)
        change_deputy(uow, deputy, item.fields)
    for level, term, constituency in item.seats:
        add_seat(uow, deputy_id=DeputyId(deputy.id), seat=SeatInput(level, term, constituency))
    for level_id, constituency in item.constituency_changes:
        uow.session.get(DeputyLevel, level_id).constituency = constituency
    for level_id, term in item.term_fills:
        uow.session.get(DeputyLevel, level_id).term = term
    if item.group_name:
        set_group(uow, deputy_id=DeputyId(deputy.id),
                  group_id=group_id_by_name(uow.session, item.group_name), on=on)


def _summary(done: ImportPreview) -> str:
    s = done.summary()
    return (f"新增 {s['new']} 人，更新 {s['updated']} 人，未变 {s['unchanged']} 人，"
            f"拒绝 {len(s['refused'])} 行，重复 {len(s['duplicates'])} 组，提示 {len(s['warnings'])} 条")
