"""Normalise what people type into roster cells: names, sex, parties, levels, plain text."""
from __future__ import annotations

import re
import unicodedata

from app.roster_sheet.model import LEVELS

_SPACES = re.compile(r"[\s\u3000]+")
_DOTS = re.compile(r"\s*[·•・∙．.]\s*")
_NOT_AN_ETHNIC_NAME = frozenset({"其他", "未识别", "未识别民族", "外国血统", "入籍"})
_SEX = {"男": "男", "男性": "男", "女": "女", "女性": "女"}
_PARTY = {
    "党员": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员", "中共": "中共党员",
    "预备党员": "中共预备党员", "团员": "共青团员", "共青团": "共青团员",
    "无党派": "无党派人士", "无": "群众",
}
# Longer words first so 乡镇 is not read as 乡 + 镇; 区 is a county-level district.
_LEVEL_WORDS = (
    ("全国", "全国"), ("乡镇", "乡镇"), ("街道", "乡镇"), ("省", "省"), ("市", "市"),
    ("县", "县"), ("区", "县"), ("乡", "乡镇"), ("镇", "乡镇"),
)
_LEVEL_FILLER = re.compile(r"人大代表|人大|代表|[级两三四]|[、,，/;；\s和及与]")


class CellError(ValueError):
    """A cell value that cannot be trusted; str() is the Chinese reason."""


def clean_text(value: object) -> str | None:
    """Trim a cell and squeeze inner runs of spaces; None when nothing is left."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return _SPACES.sub(" ", text) or None


def clean_name(value: object) -> str | None:
    """Chinese names carry no spaces (张　三 → 张三); 买买提 · 艾力 keeps one middle dot."""
    text = clean_text(value)
    if text is None:
        return None
    text = _DOTS.sub("·", text)
    if all(not ch.isascii() for ch in text.replace(" ", "")):
        text = text.replace(" ", "")
    return text


def clean_sex(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    sex = _SEX.get(text.replace(" ", ""))
    if sex is None:
        raise CellError(f"性别“{text}”应为 男 或 女")
    return sex


def clean_ethnicity(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    text = text.replace(" ", "")
    # 汉 → 汉族; names that already end in 族 (or are not Chinese) are kept as typed.
    keep = text.endswith("族") or text.isascii() or text in _NOT_AN_ETHNIC_NAME
    return text if keep else text + "族"


def clean_political_status(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    text = text.replace(" ", "")
    return _PARTY.get(text, text)


def parse_levels(value: object) -> list[str]:
    """Read 县、镇 / 县,乡镇 / 县级、乡镇级 / 县乡两级 / 五级 as the levels they name."""
    text = clean_text(value)
    if text is None:
        return []
    rest = text.replace("五级", "全国省市县乡镇")
    rest = _LEVEL_FILLER.sub("", rest)
    found: set[str] = set()
    while rest:
        word, level = next(((w, lv) for w, lv in _LEVEL_WORDS if rest.startswith(w)), ("", ""))
        if not word:
            raise CellError(f"代表层级“{text}”无法识别：应为 全国、省、市、县、乡镇 中的一个或几个")
        found.add(level)
        rest = rest[len(word):]
    return [level for level in LEVELS if level in found]
