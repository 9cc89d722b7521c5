"""Printing dossiers in batches: one PDF with contents and a bookmark per deputy, or one file each."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import settings
from app.assessment.scoring import cached_standing
from app.dossier import DossierError
from app.dossier.loader import load_dossiers, term_period, year_period
from app.dossier.model import Dossier
from app.printing import PrintCancelled, render_pdf
from app.progress import Progress
from app.reports.dossier import DossierReport, new_document

UNSAFE = re.compile(r'[\\/:*?"<>|]')


@dataclass(frozen=True)
class PrintResult:
    paths: list[Path]
    deputies: int


def load_batch(store, *, deputy_ids: list[int], year: int | None,
               today: date | None = None) -> tuple[str, list[Dossier]]:
    if not deputy_ids:
        raise DossierError("没有选择要打印的代表")
    with store.read() as session:
        period = year_period(year) if year else term_period(session, today=today or date.today())
        township = settings.load(session, "township").name
        return township, load_dossiers(session, deputy_ids=deputy_ids, period=period,
                                       data_dir=store.data_dir,
                                       standing=lambda y: cached_standing(store, year=y))


def batch_document(dossiers: list[Dossier], *, township: str, made_on: date | None = None):
    """All dossiers in one document: a contents page, then each dossier numbered on its own."""
    period = dossiers[0].period.label if dossiers else ""
    doc = new_document(township=township, title=f"人大代表履职档案汇编（{period}）")
    doc.contents(f"人大代表履职档案（{period}）目录")
    for dossier in dossiers:
        doc.section(dossier.title)
        DossierReport(dossier, made_on=made_on).write(doc)
    return doc


def print_dossiers(store, *, deputy_ids: list[int], year: int | None, target: Path,
                   per_file: bool = False, progress: Progress | None = None,
                   today: date | None = None) -> PrintResult:
    """Print into `target` (a .pdf file, or a folder with per_file); a cancel never leaves a half-written file."""
    township, dossiers = load_batch(store, deputy_ids=deputy_ids, year=year, today=today)
    target = Path(target)
    if per_file:
        return PrintResult(_one_file_each(dossiers, folder=target, progress=progress, made_on=today),
                           len(dossiers))
    if target.suffix.lower() != ".pdf":
        raise DossierError(f"保存文件名应以 .pdf 结尾：{target}")
    if len(dossiers) == 1:
        doc = DossierReport(dossiers[0], made_on=today).document()
    else:
        doc = batch_document(dossiers, township=township, made_on=today)
    return PrintResult([render_pdf(doc, target, progress=progress)], len(dossiers))


def _one_file_each(dossiers: list[Dossier], *, folder: Path, progress: Progress | None,
                   made_on: date | None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    used: set[str] = set()
    for done, dossier in enumerate(dossiers):
        if progress is not None:
            if progress.cancelled:
                raise PrintCancelled()
            progress.step(done, len(dossiers), f"正在打印：{dossier.cover.name}")
        name = file_name(dossier, used)
        paths.append(render_pdf(DossierReport(dossier, made_on=made_on).document(), folder / name))
    if progress is not None:
        progress.step(len(dossiers), len(dossiers), f"已打印 {len(dossiers)} 份履职档案")
    return paths


def file_name(dossier: Dossier, used: set[str]) -> str:
    """张三履职档案（2026年度）.pdf; a namesake gets 张三(2)…, so no file overwrites another."""
    base = UNSAFE.sub("_", f"{dossier.cover.name}履职档案（{dossier.period.label}）")
    name, n = f"{base}.pdf", 1
    while name in used:
        n += 1
        name = f"{base}({n}).pdf"
    used.add(name)
    return name
