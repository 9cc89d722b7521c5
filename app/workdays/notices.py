"""The State Council's yearly holiday notices, read from resources/holidays/cn_notices.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

NOTICE_FILE = Path(__file__).resolve().parents[2] / "resources" / "holidays" / "cn_notices.toml"


class NoticeFileError(ValueError):
    """The notice file is malformed; the message names the file and the entry (in Chinese)."""


@dataclass(frozen=True)
class NoticeBook:
    """Every day a notice fixes: days off and make-up working days, each with its reason."""

    years: frozenset[int] = frozenset()
    rest: dict[date, str] = field(default_factory=dict)
    work: dict[date, str] = field(default_factory=dict)


def load_notice_book(path: Path = NOTICE_FILE) -> NoticeBook:
    """Read the notice file; a missing file gives an empty book (the library then decides)."""
    if not path.exists():
        return NoticeBook()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise NoticeFileError(f"放假安排文件 {path} 格式有误：{exc}") from None
    rest: dict[date, str] = {}
    work: dict[date, str] = {}
    years = set()
    for notice in data.get("notice", []):
        years.add(_year(notice, path))
        for period in notice.get("period", []):
            _add_period(period, rest=rest, work=work, where=f"{path} 中 {notice['year']} 年")
    return NoticeBook(years=frozenset(years), rest=rest, work=work)


def _year(notice: dict, path: Path) -> int:
    year = notice.get("year")
    if not isinstance(year, int):
        raise NoticeFileError(f"放假安排文件 {path} 中有一条通知缺少年份（year）")
    return year


def _add_period(period: dict, *, rest: dict[date, str], work: dict[date, str], where: str) -> None:
    name = period.get("name", "")
    first, last = _rest_range(period, where=f"{where}“{name}”")
    for offset in range((last - first).days + 1):
        rest[first + timedelta(days=offset)] = name
    for day in period.get("work", []):
        if not isinstance(day, date):
            raise NoticeFileError(f"{where}“{name}”的调休上班日（work）应为日期，如 2026-02-14")
        work[day] = f"调休上班（{name}）"


def _rest_range(period: dict, *, where: str) -> tuple[date, date]:
    span = period.get("rest")
    ok = (isinstance(span, list) and len(span) == 2
          and all(isinstance(d, date) for d in span) and span[0] <= span[1])
    if not ok:
        raise NoticeFileError(f"{where}的放假日期（rest）应为 [首日, 末日]，如 [2026-10-01, 2026-10-07]")
    return span[0], span[1]
