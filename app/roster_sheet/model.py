"""What reading a hand-made roster sheet yields: normalized records, refusals, skipped rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FIELDS = (
    "name", "sex", "ethnicity", "birth_date", "id_number", "political_status", "education",
    "work_unit_post", "category", "phone", "address", "levels", "constituency", "group_name",
    "term", "notes",
)
LEVELS = ("全国", "省", "市", "县", "乡镇")


class RosterSheetError(ValueError):
    """The whole file cannot be read as a roster; str() is the Chinese reason."""


@dataclass
class RosterRecord:
    """One accepted row; text fields are stripped, None when the cell was empty."""

    row: int
    name: str
    sex: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    birth_precision: str | None = None  # "day" or "month" (then the day is always 1)
    id_number: str | None = None
    political_status: str | None = None
    education: str | None = None
    work_unit_post: str | None = None
    category: str | None = None
    phone: str | None = None
    address: str | None = None
    levels: list[str] = field(default_factory=list)
    constituency: str | None = None
    group_name: str | None = None
    term: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str  # 空行 / 合计行 / 注释行


@dataclass(frozen=True)
class Duplicate:
    """Rows of the file that describe the same person."""

    rows: tuple[int, ...]
    reason: str


@dataclass
class RosterSheet:
    sheet_name: str
    header_row: int
    mapping: dict[str, str]
    unmapped_headers: dict[str, str] = field(default_factory=dict)  # column letter -> heading
    headings: dict[str, str] = field(default_factory=dict)  # every headed column, mapped or not
    records: list[RosterRecord] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def refused_rows(self) -> list[int]:
        return sorted({refusal.row for refusal in self.refused})
