"""The built-in guide: a page for every screen, with the township's own rule numbers."""
import re

from app.guide import guide_html, guide_title
from app.settings import Rules
from ui.navigation import NAVIGATION


def test_every_screen_has_a_guide_page_titled_as_the_screen():
    for key, title in NAVIGATION:
        assert guide_title(key) == title
        page = guide_html(key, Rules())
        assert "<h3>常用步骤</h3>" in page and "<h3>依据的规则</h3>" in page


def test_rule_numbers_are_the_townships_own_and_none_is_left_unfilled():
    rules = Rules(reply_working_days=7, min_activity_hours=4.0, reception_day=10)
    suggestions = guide_html("suggestions", rules)
    assert "自交办之日起 7 个工作日内答复" in suggestions
    assert "不少于 4 小时" in guide_html("activities", rules)
    assert "每月 10 日为代表接待选民日" in guide_html("groups", rules)
    for key, _ in NAVIGATION:
        assert not re.search(r"\{rules\.", guide_html(key, rules)), key


def test_the_statistics_page_quotes_seed_001_for_each_of_the_five_coverages():
    page = guide_html("statistics", Rules())
    for measure in ("领导参加活动全覆盖", "代表参加小组活动全覆盖", "督导工作全覆盖",
                    "代表意见建议办理全覆盖", "活动保障机制全覆盖"):
        assert measure in page
    assert "时间、经费和场所" in page


def test_the_guide_names_its_sources_as_the_secretary_knows_them():
    for key, _ in NAVIGATION:
        page = guide_html(key, Rules())
        assert "种子" not in page and "seed" not in page.lower()
        assert set(re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", page))) <= {"Excel", "WPS", "PDF", "Ctrl", "zs"}   # zs: typed initials


def test_the_guide_says_supervision_is_counted_from_the_presidiums_visits():
    assert "主席团实地督导和检查" in guide_html("statistics", Rules())
    groups = guide_html("groups", Rules())
    assert "登记督导检查" in groups and "检查督导力度" in groups


def test_the_ledger_guide_explains_its_supervision_marks_with_the_townships_numbers():
    page = guide_html("suggestions", Rules(unassigned_flag_working_days=8, overdue_flag_working_days=4))
    assert "登记满 8 个工作日仍未交办" in page and "答复期限满 4 个工作日" in page
    assert "对办理不力或两次以上答复不满意的" in page


def test_the_activities_guide_explains_voters_requests_to_meet_a_deputy():
    page = guide_html("activities", Rules())
    assert "登记约见申请" in page and "登记见面结果" in page


def test_the_activities_guide_explains_the_deliberation_hall_topics():
    page = guide_html("activities", Rules())
    assert "登记议题" in page and "挂图推进" in page


def test_the_activities_page_names_the_livelihood_steps_in_seed_004s_words():
    page = guide_html("activities", Rules())
    assert "群众点单（征集） → 代表定单（酝酿 → 筛选 → 票决） → 政府领单（实施） → 人大验单（监督）" in page
