"""The 说明 sheet: what the package is, for people and for the importer, and its seal fields."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.package.columns import canonical

# Labels in column A of the 说明 sheet, in order; the importer finds values by label.
VERSION, DIRECTION, NAME, CODE, PERIOD = "格式版本", "方向", "乡镇名称", "区划代码", "期间"
START, END, CREATED, APP, SIGNATURE = "起始日期", "截止日期", "生成时间", "程序版本", "签名（HMAC-SHA256）"
SHEETS_HEADER = ("工作表", "行数", "SHA-256")


@dataclass(frozen=True)
class SheetInfo:
    name: str
    rows: int
    sha256: str


@dataclass
class PackageMeta:
    format_version: int
    direction: str
    township_name: str
    township_code: str
    period_label: str
    period_from: date
    period_to: date
    created_at: datetime
    app_version: str
    signature: str = ""
    sheets: list[SheetInfo] = field(default_factory=list)

    def facts(self) -> list[tuple[str, object]]:
        return [(VERSION, self.format_version), (DIRECTION, self.direction),
                (NAME, self.township_name), (CODE, self.township_code),
                (PERIOD, self.period_label), (START, self.period_from), (END, self.period_to),
                (CREATED, self.created_at), (APP, self.app_version)]

    def seal_fields(self) -> list[tuple[str, str]]:
        out = [(k, canonical(v)) for k, v in self.facts()]
        out += [(s.name, f"{s.rows}:{s.sha256}") for s in self.sheets]
        return out

    def sheet(self, name: str) -> SheetInfo | None:
        return next((s for s in self.sheets if s.name == name), None)


def info_rows(meta: PackageMeta) -> list[list]:
    rows: list[list] = [["项目", "内容"]]
    rows += [[k, v] for k, v in meta.facts()]
    rows.append([SIGNATURE, meta.signature])
    rows.append([])
    rows.append(list(SHEETS_HEADER))
    rows += [[s.name, s.rows, s.sha256] for s in meta.sheets]
    rows.append([])
    rows.append(["提示", "请勿修改本表。数据表可以查看和修改，但“编号”列不要改动；"
                 "导入时会按上面的 SHA-256 指出哪些表在生成后被改动过。"])
    return rows
