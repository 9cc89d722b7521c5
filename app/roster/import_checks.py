"""The form's checks applied to one roster row's fields that do not say who the deputy is: a
field that fails is not imported (left empty, or the deputy's present value kept) and the
secretary gets a warning naming its sheet, row, column and field."""
from __future__ import annotations

from app.identity import mask_ids_in
from app.roster import RosterError
from app.roster.fields import CHECKED_KEYS, FIELD_NAMES, check_field
from app.roster_sheet import TITLES, CellWarning, RosterRecord, RosterSheet
from app.text_rules import SHORT_TEXT, text_problem
from app.vocabulary import BirthPrecision

# The town's own words for categories, unified with the form's list.
CATEGORY_SYNONYMS = {
    "党政干部": "党政领导干部", "领导干部": "党政领导干部", "专业技术人员": "专业技术人员/专家学者",
    "专家学者": "专业技术人员/专家学者", "企业负责人": "企业负责人/市场主体",
    "市场主体": "企业负责人/市场主体", "工人": "基层一线：工人", "农民": "基层一线：农民",
    "基层干部": "基层一线：村(社区)干部", "村干部": "基层一线：村(社区)干部",
    "村(社区)干部": "基层一线：村(社区)干部", "社区干部": "基层一线：村(社区)干部",
}


class RowChecks:
    """Checks one record's fields, collecting located warnings."""

    def __init__(self, sheet: RosterSheet, record: RosterRecord, *, known: bool) -> None:
        self.sheet, self.record = sheet, record
        # What happens to a field that cannot be kept: a new deputy has it empty, a known one
        # keeps what the roster already holds.
        self.instead = "保留原有内容" if known else "已留空"
        self.warnings: list[CellWarning] = []

    def provided(self, *, categories: tuple[str, ...]) -> dict:
        """The record's filled fields as the form would keep them; failing ones left out."""
        values = {}
        for key in FIELD_NAMES:
            value = getattr(self.record, key, None)
            if key == "birth_precision" or value is None:
                continue
            if key == "category":
                value = CATEGORY_SYNONYMS.get(value, value)
            if key in CHECKED_KEYS:
                value = self._kept(key, value, categories=categories)
                if value is None:
                    continue
            values[key] = value
        if self.record.birth_date is not None:
            values["birth_precision"] = self.record.birth_precision or BirthPrecision.DAY.value
        return values

    def group(self, *, binned: set[str]) -> str | None:
        """The group the row names, or None (with a warning) when it cannot be one."""
        name = self.record.group_name
        if not name:
            return None
        problem = text_problem(name, label=TITLES["group_name"], limit=SHORT_TEXT)
        if problem is None and name in binned:
            problem = f"代表小组“{name}”在回收站中，请先恢复"
        if problem:
            self.warn("group_name", f"{problem}；未加入小组")
            return None
        return name

    def term(self, parsed: int | None) -> int | None:
        """The 届次 cell's term; one that cannot be read leaves the term unknown, with a warning."""
        if self.record.term and parsed is None:
            self.warn("term", f"届次“{self.record.term}”无法识别，应写作 第十八届 或 18；届次未填")
        return parsed

    def warn(self, key: str, reason: str) -> None:
        value = getattr(self.record, key, None)
        self.warnings.append(CellWarning(
            sheet=self.sheet.sheet_name, row=self.record.row, column=self.sheet.mapping.get(key, ""),
            field=TITLES[key], value=mask_ids_in("" if value is None else str(value)) or "",
            reason=mask_ids_in(reason) or "", person=self.record.person))

    def _kept(self, key: str, value: object, *, categories: tuple[str, ...]) -> object | None:
        try:
            kept = check_field(key, str(value))
        except RosterError as exc:
            self.warn(key, f"{exc}；{self.instead}")
            return None
        if key == "category" and kept and kept not in categories:
            self.warn(key, f"代表构成“{kept}”不在本镇的类别中（可在设置中增加）；{self.instead}")
            return None
        return kept
