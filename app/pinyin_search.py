"""Search deputies by characters, full pinyin or initials (zs → 张三), surnames read as surnames.

Keys are computed once per deputy with search_keys(); matches() is then a few string finds.
"""
from __future__ import annotations

import itertools
import re

from pypinyin import Style, pinyin

# pypinyin has no surname mode (python-pinyin issue #297), so polyphonic surnames are listed
# here with the reading a person expects. Compound surnames come first when matching.
_COMPOUND_SURNAMES = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"), "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
    "皇甫": ("huang", "fu"), "欧阳": ("ou", "yang"), "上官": ("shang", "guan"),
    "司马": ("si", "ma"), "诸葛": ("zhu", "ge"), "东方": ("dong", "fang"),
}
_SURNAMES = {
    "曾": "zeng", "单": "shan", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "翟": "zhai", "覃": "qin", "乐": "yue", "盖": "ge", "缪": "miao",
    "任": "ren", "员": "yun", "贠": "yun", "秘": "bi", "冼": "xian", "华": "hua",
    "过": "guo", "纪": "ji", "燕": "yan", "种": "chong", "繁": "po", "重": "chong",
    "瞿": "qu", "折": "she", "那": "na", "佴": "nai", "粘": "nian", "藏": "zang",
    "都": "du", "六": "lu", "薄": "bo", "贾": "jia", "盛": "sheng", "柏": "bai",
    "牟": "mou", "阚": "kan", "叶": "ye", "沈": "shen", "宿": "su", "卜": "bu",
    "尉": "yu", "隗": "wei", "郇": "huan", "句": "gou", "召": "shao", "石": "shi",
    "莘": "shen", "褚": "chu", "长": "chang", "行": "xing", "祭": "zhai", "能": "nai",
}
_MAX_KEYS = 8
_SEPARATOR = "|"
_SPACES = re.compile(r"[\s\u3000·•・.]+")


def search_keys(name: str) -> tuple[str, str]:
    """Return (full pinyin, initials) for a name, e.g. ("zhangsan", "zs").

    A name with polyphonic given-name characters has several readings; they are joined
    with "|" in each string ("lele|leyue|yuele…"), so one substring test covers them all.
    """
    chars = _SPACES.sub("", name)
    readings = _surname_readings(chars)
    rest = chars[len(readings):]
    if rest:
        readings += [_char_readings(syllables) for syllables in pinyin(rest, style=Style.NORMAL,
                                                                         heteronym=True,
                                                                         errors="default")]
    combos = list(itertools.islice(itertools.product(*readings), _MAX_KEYS))
    full = _unique("".join(combo) for combo in combos)
    initials = _unique("".join(part[:1] for part in combo) for combo in combos)
    return _SEPARATOR.join(full), _SEPARATOR.join(initials)


def _surname_readings(chars: str) -> list[list[str]]:
    compound = _COMPOUND_SURNAMES.get(chars[:2])
    if compound and len(chars) > 2:
        return [[syllable] for syllable in compound]
    if chars[:1] in _SURNAMES:
        return [[_SURNAMES[chars[0]]]]
    return []


def _char_readings(syllables: list[str]) -> list[str]:
    # pypinyin writes ü as v (lv); people also type u, so both are kept.
    readings = [s.lower() for s in syllables]
    readings += [s.replace("v", "u") for s in readings if "v" in s]
    return _unique(readings)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def normalize_query(query: str) -> str:
    """Lower-case the query and drop spaces, as matches() expects."""
    return _SPACES.sub("", query).lower()


def matches(query: str, name: str, keys: tuple[str, str]) -> bool:
    """True when the query is part of the name, part of its full pinyin or a prefix of its
    initials. Case and spaces are ignored; an empty query matches everything."""
    needle = normalize_query(query)
    if not needle:
        return True
    if not needle.isascii():
        return needle in _SPACES.sub("", name)
    if not needle.isalpha():
        return needle in name.lower()
    full, initials = keys
    return needle in full or (_SEPARATOR + initials).find(_SEPARATOR + needle) >= 0
