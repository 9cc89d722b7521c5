"""What the cells alone cannot tell: a row whose uuid repeats in its sheet, and each kind's own rules
(a county reply filled in part, an ID number or phone that is no valid one). A refused row is named
with its sheet, row and column, taken out of the package and changes nothing."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.package.reader import Package, Refusal
from app.package.sheet_rows import all_distinct


@dataclass(frozen=True)
class RowIssue:
    """What a kind's check finds in one row: a refusal, or (warning=True) something to say."""
    row: int
    column: str
    reason: str
    warning: bool = False


def check_package(pkg: Package, kinds, session=None) -> None:
    """Adds refusals and warnings to `pkg` and takes the refused rows out of its sheets."""
    for kind in kinds:
        rows = pkg.rows.get(kind.spec.name)
        if not rows:
            continue
        issues = _repeated_uuids(kind, rows) + list(kind.check(rows, session))
        refused = set()
        for i in issues:
            if i.warning:
                pkg.warnings.append(f"工作表“{kind.spec.name}”第 {i.row} 行“{i.column}”列：{i.reason}")
            else:
                pkg.refusals.append(Refusal(kind.spec.name, i.row, i.column, i.reason))
                refused.add(i.row)
        if refused:
            pkg.rows[kind.spec.name] = rows.without(refused)


def _repeated_uuids(kind, rows) -> list[RowIssue]:
    """Every row of a repeated uuid is refused: which of them is meant is not for the program to guess."""
    uuids = rows.column("uuid")
    if all_distinct(uuids):
        return []
    twice = {u for u, n in Counter(uuids).items() if n > 1}
    where: dict[str, list[int]] = {}
    for number, u in zip(rows.numbers, uuids):
        if u in twice:
            where.setdefault(u, []).append(number)
    return [RowIssue(n, "编号", f"同一编号出现在第 {'、'.join(map(str, numbers))} 行：同一条记录不能出现两次，"
                              "这几行都未导入，请删去多余的行")
            for numbers in where.values() for n in numbers]
