"""Resident-ID and phone checks: the rules of GB 11643 and how people type numbers."""
from datetime import date

import pytest

from app.identity import IdNumberError, PhoneError, check_id_number, check_phone, mask_id

# Check digits below were worked out by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
# remainder of the sum mod 11 indexes "1 0 X 9 8 7 6 5 4 3 2".
# 11010519491231002X (textbook): 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 % 11 = 2 -> X
# 42128119850312123X: 28+18+10+10+64+4+2+9+48+15+0+27+10+10+8+8+6 = 277; 277 % 11 = 2 -> X
# 440304199001010011: 28+36+0+15+0+16+2+9+54+0+0+9+0+5+0+0+2 = 176; 176 % 11 = 0 -> 1
# 320102198005060045: 21+18+0+5+0+8+2+9+48+0+0+45+0+30+0+0+8 = 194; 194 % 11 = 7 -> 5
# 42128119830516022X: 28+18+10+10+64+4+2+9+48+9+0+45+10+30+0+8+4 = 299; 299 % 11 = 2 -> X


def test_textbook_example_is_valid_woman_born_1949_12_31():
    info = check_id_number("11010519491231002X")
    assert info.number == "11010519491231002X"
    assert info.region_code == "110105"
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "女"


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("42128119850312123X", date(1985, 3, 12), "男"),
        ("440304199001010011", date(1990, 1, 1), "男"),
        ("320102198005060045", date(1980, 5, 6), "女"),
    ],
)
def test_hand_computed_numbers_are_valid(number, born, sex):
    info = check_id_number(number)
    assert (info.birth_date, info.sex) == (born, sex)


def test_typing_variants_are_normalised():
    assert check_id_number(" 42128119850312123x ").number == "42128119850312123X"
    full_width = "４２１２８１１９８５０３１２１２３ｘ"
    assert check_id_number(full_width).number == "42128119850312123X"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("421281198305160225", "校验位错误，应为 X"),
        ("440304199001010012", "校验位错误，应为 1"),
        ("11010519491231002", "长度应为 18 位，实为 17 位"),
        ("4212811975133212", "长度应为 18 位，实为 16 位"),
        ("421281197513321234", "出生日期 19751332 无效"),
        ("421281197502301234", "出生日期 19750230 无效"),
        ("00128119850312123X", "地区码 001281 无效"),
        ("4212811985031212AX", "只能由数字组成，最后一位可为 X"),
        ("", "身份证号为空"),
    ],
)
def test_bad_numbers_are_refused_with_chinese_reason(number, reason):
    with pytest.raises(IdNumberError) as caught:
        check_id_number(number)
    assert str(caught.value) == reason


def test_birth_date_in_the_future_is_refused():
    # 440304199001010011 is valid, but not for someone checked on the last day of 1989.
    with pytest.raises(IdNumberError, match="出生日期 19900101 无效"):
        check_id_number("440304199001010011", today=date(1989, 12, 31))


def test_mask_keeps_first_four_and_last_four():
    assert mask_id("42128119850312123X") == "4212**********123X"
    assert mask_id("42128119850312123x") == "4212**********123X"
    assert mask_id("123") == "***"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        (13812345678.0, "13812345678"),
        (13812345678, "13812345678"),
        ("13812345678.0", "13812345678"),
        ("0719-8123456", "0719-8123456"),
        ("(0719)8123456", "0719-8123456"),
        ("（0719）8123456", "0719-8123456"),
        ("0719 8123456", "0719-8123456"),
        ("07198123456", "0719-8123456"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("027 87654321", "027-87654321"),
    ],
)
def test_phone_numbers_people_type_are_accepted(typed, normalised):
    assert check_phone(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("1381234567", "手机号码“1381234567”无效"),
        ("12812345678", "手机号码“12812345678”无效"),
        ("8123456", "需带区号"),
        ("0719-123", "需带区号"),
        ("无", "需带区号"),
        ("", "电话号码为空"),
    ],
)
def test_bad_phone_numbers_are_refused(typed, fragment):
    with pytest.raises(PhoneError) as caught:
        check_phone(typed)
    assert fragment in str(caught.value)
