"""The suggestion ledger's fixed words, as stored: Chinese words, and the sources' English keys
with their Chinese labels. One place for the services, the data package and the screens."""
from __future__ import annotations

SOURCE_LABELS = {"own": "代表提出", "activity": "代表活动", "reception": "接待选民", "session": "人代会"}
SOURCES = tuple(SOURCE_LABELS)
MODES = ("交办", "转办")
UNIT_ROLES = ("主办", "协办")
UNIT_KINDS = ("乡镇", "县直", "其他")
REPLY_FORMS = ("书面", "见面", "书面+见面")
VOTES = ("满意", "基本满意", "不满意")
ESCALATIONS = ("约见", "评议", "询问")
CLOSURE_RESULTS = ("解决", "正在解决", "列入计划", "因条件限制暂不能解决")
