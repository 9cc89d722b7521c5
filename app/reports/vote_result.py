"""民生实事项目票决结果: the printable sheet for the projects voted at one session — counts,
the pass rule applied and each result."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import settings
from app.congress.reading import get_session
from app.livelihood.reading import ProjectRow, list_projects
from app.printing import Document, format_date_cn, render_pdf
from app.vocabulary import ProjectVerdict


@dataclass(frozen=True)
class VoteResultSheet:
    township: str
    session_title: str
    session_name: str
    held_on: str
    projects: list[ProjectRow]

    def build(self) -> Document:
        doc = Document(title="民生实事项目票决结果", author=self.township,
                       header_text=f"{self.township}人大主席团")
        doc.add_title(f"{self.township}民生实事项目票决结果")
        doc.paragraph(f"（{self.session_name}　{self.held_on}）", style="subtitle")
        rows = [(i, p.title, p.votes_for, p.votes_against, p.votes_abstain,
                 p.votes_for + p.votes_against + p.votes_abstain, (ProjectVerdict.PASSED if p.passed else ProjectVerdict.NOT_PASSED).label)
                for i, p in enumerate(self.projects, start=1)]
        doc.table(("序号", "项目名称", "赞成", "反对", "弃权", "投票合计", "结果"),
                  rows or [("", "（本次会议未票决项目）", "", "", "", "", "")],
                  widths=(0.7, 3.2, 0.7, 0.7, 0.7, 0.9, 0.9),
                  aligns=("center", "left", "center", "center", "center", "center", "center"))
        if self.projects:
            doc.paragraph(f"通过规则：赞成票须达到{self.projects[0].vote_rule}。", style="plain")
            passed = [p.title for p in self.projects if p.passed]
            doc.paragraph(f"票决通过的项目共 {len(passed)} 个：" + ("、".join(passed) or "无") + "。")
        doc.spacer(12)
        doc.paragraph(f"{self.township}人大主席团", style="plain")
        doc.paragraph(self.held_on, style="plain")
        return doc


def vote_result_sheet(session, *, session_id: int) -> VoteResultSheet:
    view = get_session(session, session_id)
    voted = [p for p in list_projects(session) if p.session_id == session_id and p.votes_for is not None]
    return VoteResultSheet(settings.load(session, "township").name, view.title, view.name,
                           format_date_cn(view.start_date), voted)


def print_vote_result(store, *, session_id: int, path: Path) -> Path:
    with store.read() as session:
        sheet = vote_result_sheet(session, session_id=session_id)
    return render_pdf(sheet.build(), path)
