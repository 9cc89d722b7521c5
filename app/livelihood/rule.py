"""The pass rule of a project vote: more than a share (default half) of a base — all township
deputies of the congress, or the votes cast, as the township's settings say."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from app.livelihood import LivelihoodError


@dataclass(frozen=True)
class VoteOutcome:
    votes_for: int
    votes_against: int
    votes_abstain: int
    base: int            # what the share is taken of
    needed: int          # the least number of votes for that passes
    passed: bool
    rule: str            # 全体代表 45 名的过半数（至少 23 票）


def share_text(share: float) -> str:
    return "过半数" if Fraction(share).limit_denominator(100) == Fraction(1, 2) else f"超过 {share:.0%}"


def vote_outcome(*, votes_for: int, votes_against: int, votes_abstain: int, all_deputies: int,
                 base_kind: str = "all", share: float = 0.5) -> VoteOutcome:
    counts = (votes_for, votes_against, votes_abstain)
    if any(c < 0 for c in counts):
        raise LivelihoodError("赞成、反对、弃权票数不能为负数")
    cast = sum(counts)
    if cast > all_deputies:
        raise LivelihoodError(f"投票总数 {cast} 超过全体代表人数 {all_deputies}")
    base = all_deputies if base_kind == "all" else cast
    # Exact arithmetic: "more than half of 45" is 23, never a float rounding of 22.5.
    needed = int(Fraction(share).limit_denominator(1000) * base) + 1
    where = f"全体代表 {base} 名" if base_kind == "all" else f"实际投票 {base} 票"
    rule = f"{where}的{share_text(share)}（至少 {needed} 票）"
    return VoteOutcome(votes_for, votes_against, votes_abstain, base, needed,
                       base > 0 and votes_for >= needed, rule)
