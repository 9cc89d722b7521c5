"""Resident-ID (GB 11643) and phone-number checks for deputies, with reasons in Chinese.

Pure functions: the roster form, the Excel import and the CLI all use them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# GB 11643: weight of position i is 2**(17-i) mod 11; the remainder indexes this string.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
# GB/T 2260 province-level codes (83 is used for Taiwan residents' residence permits).
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
_EARLIEST_BIRTH_YEAR = 1900


class IdNumberError(ValueError):
    """A resident-ID number that cannot be trusted; str() is the Chinese reason."""


class PhoneError(ValueError):
    """A phone number that cannot be recognised; str() is the Chinese reason."""


@dataclass(frozen=True)
class IdInfo:
    number: str
    region_code: str
    birth_date: date
    sex: str  # 男 / 女


def normalize_id(text: str) -> str:
    """Strip spaces, turn full-width digits into ASCII and a lower-case x into X."""
    cleaned = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", cleaned).upper()


def id_check_digit(first17: str) -> str:
    total = sum(int(ch) * weight for ch, weight in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def check_id_number(text: str, *, today: date | None = None) -> IdInfo:
    """Verify a resident-ID number and read its birth date and sex; raise IdNumberError."""
    number = normalize_id(text)
    if not number:
        raise IdNumberError("身份证号为空")
    if len(number) != 18:
        raise IdNumberError(f"长度应为 18 位，实为 {len(number)} 位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("只能由数字组成，最后一位可为 X")
    if number[:2] not in _PROVINCES or number[2:6] == "0000":
        raise IdNumberError(f"地区码 {number[:6]} 无效")
    birth = _birth_date(number[6:14], today=today or date.today())
    expected = id_check_digit(number[:17])
    if number[17] != expected:
        raise IdNumberError(f"校验位错误，应为 {expected}")
    sex = "男" if int(number[16]) % 2 else "女"
    return IdInfo(number=number, region_code=number[:6], birth_date=birth, sex=sex)


def _birth_date(digits: str, *, today: date) -> date:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdNumberError(f"出生日期 {digits} 无效") from None
    if born > today or born.year < _EARLIEST_BIRTH_YEAR:
        raise IdNumberError(f"出生日期 {digits} 无效")
    return born


def mask_id(text: str) -> str:
    """Show an ID outside the deputy's own form: first 4 and last 4 kept, the rest starred."""
    number = normalize_id(text)
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


_FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def mask_ids_in(text: str | None) -> str | None:
    """Every full ID number in a free text masked: audit entries, previews and messages show
    numbers as everywhere else, whatever wrote them."""
    return _FULL_ID.sub(lambda m: mask_id(m.group()), text) if text else text


def masked_pair(old: str, new: str) -> tuple[str, str]:
    """Two numbers shown masked; when the masks look alike, the new one says it differs."""
    a, b = mask_id(old) if old else old, mask_id(new) if new else new
    return (a, f"{b}（中间数字不同）") if a == b and old != new else (a, b)


_MOBILE = re.compile(r"1[3-9]\d{9}")
# Three-digit area codes are 010 and 02x; every other area code has four digits.
_AREA = r"(010|02\d|0[3-9]\d{2})"
_LANDLINE = re.compile(_AREA + r"([2-9]\d{6,7})")
_LANDLINE_PARTS = re.compile(r"\(?" + _AREA + r"\)?[-\s]*([2-9]\d{6,7})")


def check_phone(text: str | int | float) -> str:
    """Return a mobile as 11 digits or a landline as 0719-8123456; raise PhoneError."""
    raw = _phone_text(text)
    if not raw:
        raise PhoneError("电话号码为空")
    compact = re.sub(r"[\s\-()]", "", raw)
    compact = re.sub(r"^(\+?86)(?=1\d{10}$)", "", compact)
    if _MOBILE.fullmatch(compact):
        return compact
    landline = _LANDLINE.fullmatch(compact) or _LANDLINE_PARTS.fullmatch(raw)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    if compact.isdigit() and compact.startswith("1"):
        raise PhoneError(f"手机号码“{raw}”无效：应为 11 位数字，以 13～19 开头")
    raise PhoneError(f"电话号码“{raw}”无法识别：手机应为 11 位；固定电话需带区号，如 0719-8123456")


def _phone_text(value: str | int | float) -> str:
    # Excel keeps a number typed into a General cell as a float such as 13812345678.0.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return re.sub(r"^(\d+)\.0+$", r"\1", text)
