"""民生实事项目年度报告: every project of a year through the six steps under seed 004's four roles
— who proposed it, the vote, the checks by deputy groups, and the deputies' satisfaction at year end."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import settings
from app.livelihood.reading import ProjectRow, list_projects, roles_line
from app.printing import Document, format_date_cn, render_pdf


@dataclass(frozen=True)
class LivelihoodYearReport:
    township: str
    year: int
    projects: list[ProjectRow]

    def build(self) -> Document:
        doc = Document(title=f"{self.year}年民生实事项目报告", author=self.township,
                       header_text=f"{self.township}人大主席团")
        doc.add_title(f"{self.township}{self.year}年民生实事项目票决制工作报告")
        self.overview(doc)
        for number, project in enumerate(p for p in self.projects if p.passed):
            self.project(doc, number + 1, project)
        return doc

    def overview(self, doc: Document) -> None:
        p = self.projects
        voted = [x for x in p if x.passed is not None]
        passed = [x for x in voted if x.passed]
        doc.heading("一、总体情况")
        doc.paragraph(f"工作流程：{roles_line()}。")
        doc.paragraph(f"{self.year}年共征集候选项目 {len(p)} 个，酝酿入选 {sum(1 for x in p if x.shortlisted)} 个，"
                      f"提交票决 {len(voted)} 个，票决通过 {len(passed)} 个。")
        rows = [(i, x.title, x.proposer, x.status, _votes(x), _rate(x)) for i, x in enumerate(p, start=1)]
        doc.table(("序号", "项目", "提出人", "结果", "赞成/反对/弃权", "满意率"),
                  rows or [("", "（无）", "", "", "", "")], widths=(0.5, 2.6, 1.6, 0.9, 1.4, 0.9))
        doc.heading("二、票决通过项目的实施和监督")

    def project(self, doc: Document, number: int, p: ProjectRow) -> None:
        doc.heading(f"（{number}）{p.title}", level=2)
        doc.key_values([("提出人", p.proposer), ("承办单位", p.responsible_unit or "—"),
                        ("票决会议", p.session), ("票决日期", format_date_cn(p.voted_on)),
                        ("票决结果", _votes(p)), ("满意度测评", _survey(p))], per_row=1, label_share=0.22)
        rows = [(format_date_cn(c.on), c.kind, c.group, c.progress or c.theme) for c in p.checks]
        doc.table(("监督日期", "形式", "代表小组", "进展情况"), rows or [("", "", "", "（尚无监督记录）")],
                  widths=(1.4, 0.9, 1.4, 3.5))


def _votes(p: ProjectRow) -> str:
    if p.votes_for is None:
        return "—"
    return f"{p.votes_for}/{p.votes_against}/{p.votes_abstain}"


def _rate(p: ProjectRow) -> str:
    rate = p.satisfaction_rate
    return "—" if rate is None else f"{rate:.1%}"


def _survey(p: ProjectRow) -> str:
    if p.satisfied is None:
        return "尚未测评"
    return (f"{format_date_cn(p.surveyed_on)} 满意 {p.satisfied}，基本满意 {p.basically_satisfied}，"
            f"不满意 {p.unsatisfied}，满意率 {_rate(p)}")


def print_livelihood_year(store, *, year: int, path: Path) -> Path:
    with store.read() as session:
        report = LivelihoodYearReport(settings.load(session, "township").name, year,
                                      list_projects(session, year=year))
    return render_pdf(report.build(), path)
