"""No technical word reaches the secretary: SHA-256, HMAC or a docs/ path may stand only in a
tooltip, where the plain Chinese word (校验码, 县里下发的密钥) has already been said."""
import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[3] / "ui"
TECHNICAL = ("SHA-256", "SHA256", "HMAC", "docs/", ".md")


def _tooltip_strings(tree) -> set[int]:
    allowed = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        parts = []
        if getattr(node.func, "attr", "") == "setToolTip":
            parts += node.args
        parts += [k.value for k in node.keywords if k.arg == "tooltip"]
        for part in parts:
            allowed |= {id(n) for n in ast.walk(part) if isinstance(n, ast.Constant)}
    return allowed


def test_technical_words_appear_only_in_tooltips():
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        allowed = _tooltip_strings(tree)
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in allowed | docstrings
                    and any(word in node.value for word in TECHNICAL)):
                found.append(f"{path.relative_to(UI.parent)}:{node.lineno} {node.value[:40]}")
    assert found == []
