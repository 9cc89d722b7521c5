"""Chinese order: what a secretary expects of any list — 第二 before 第十, 李 before 张."""
from app.cn import name_sort_key, sort_key
from app.roster.groups import GroupInput, create_group, groups


def test_group_names_sort_by_their_numeral_not_by_character_code():
    names = ["第三代表小组", "第十代表小组", "第一代表小组", "第十一代表小组", "第二代表小组"]
    assert sorted(names, key=sort_key) == ["第一代表小组", "第二代表小组", "第三代表小组",
                                           "第十代表小组", "第十一代表小组"]


def test_arabic_numbers_in_a_text_count_as_numbers():
    assert sorted(["第10选区", "第2选区", "第1选区"], key=sort_key) == ["第1选区", "第2选区", "第10选区"]


def test_names_sort_by_pinyin_with_surnames_read_as_surnames():
    # li < shan (单 as a surname) < wang < zeng (曾 as a surname) < zhang
    names = ["张三", "曾小贤", "王五", "单田芳", "李四"]
    assert sorted(names, key=name_sort_key) == ["李四", "单田芳", "王五", "曾小贤", "张三"]


def test_plain_texts_sort_by_pinyin():
    assert sorted(["镇政府办", "财政所", "农业服务中心"], key=sort_key) == ["财政所", "农业服务中心", "镇政府办"]


def test_groups_are_listed_in_numeral_order_whatever_order_they_were_made_in(store):
    for name in ("第一代表小组", "第三代表小组", "第二代表小组"):   # as a roster import may create them
        create_group(store, data=GroupInput(name=name))
    assert [g.name for g in groups(store)] == ["第一代表小组", "第二代表小组", "第三代表小组"]


def test_a_title_never_says_a_word_twice_where_its_parts_meet():
    from app.cn import joined
    assert joined("青山镇", "2026年第4季度", "季度检查") == "青山镇2026年第4季度检查"
    assert joined("青山镇", "2026年", "年度总结") == "青山镇2026年度总结"
    assert joined("青山镇", "2026年第4季度", "统计") == "青山镇2026年第4季度统计"
