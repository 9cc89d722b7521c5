"""A livelihood project's six steps, in order, as stored (seed 004's words)."""
from __future__ import annotations

STAGES = ("征集", "初定", "审议", "票决", "监督", "测评")
