"""The fixed lists offered on the deputy form (民族, 政治面貌, 学历, 代表构成 …)."""
from __future__ import annotations

from app import settings
from app.uow import UnitOfWork
from app.vocabulary import Level

ETHNICITIES = tuple(
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 "
    "哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 "
    "柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 "
    "塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 "
    "鄂伦春族 赫哲族 门巴族 珞巴族 基诺族".split()
)
POLITICAL_STATUSES = (
    "中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员",
    "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众",
)
EDUCATIONS = ("研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学")
DEFAULT_CATEGORIES = (
    "党政领导干部", "专业技术人员/专家学者", "企业负责人/市场主体",
    "基层一线：工人", "基层一线：农民", "基层一线：村(社区)干部", "其他",
)
STATION_KINDS = ("代表联络站", "代表之家", "村联络室")
_CATEGORY_KEY = "deputy_categories"


def categories(session) -> tuple[str, ...]:
    """The township's category list (editable in settings; the defaults until changed)."""
    rules = settings.load(session, "rules")
    saved = rules.extra.get(_CATEGORY_KEY)
    return tuple(saved) if saved else DEFAULT_CATEGORIES


def save_categories(uow: UnitOfWork, names: list[str]) -> None:
    cleaned = [n.strip() for n in names if n.strip()]
    if not cleaned:
        raise ValueError("代表构成类别不能为空")
    rules = settings.load(uow.session, "rules")
    rules.extra = {**rules.extra, _CATEGORY_KEY: list(dict.fromkeys(cleaned))}
    settings.save(uow, "rules", rules)


def level_order(level: str) -> int:
    levels = Level.values()
    return levels.index(level) if level in levels else len(levels)
