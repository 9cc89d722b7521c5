"""The built-in guide: one page per screen (what it is for, the usual steps, the rules it applies
with this township's numbers), read from resources/guide/<page>.md, offline."""
from __future__ import annotations

import html
import re
from dataclasses import asdict
from pathlib import Path

from app.paths import resource_path
from app.settings import Rules

_FIELD = re.compile(r"\{rules\.(\w+)\}")


def guide_folder() -> Path:
    return resource_path("guide")


def guide_html(key: str, rules: Rules) -> str:
    """The page as HTML, each {rules.x} replaced by the township's current value."""
    path = guide_folder() / f"{key}.md"
    if not path.is_file():
        return "<p>本页暂无说明。</p>"
    values = asdict(rules)
    text = _FIELD.sub(lambda m: _number(values.get(m.group(1), m.group(0))), path.read_text("utf-8"))
    return _html(text)


def guide_title(key: str) -> str:
    path = guide_folder() / f"{key}.md"
    first = path.read_text("utf-8").splitlines()[0] if path.is_file() else ""
    return first.lstrip("# ").strip()


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _html(text: str) -> str:
    """The guide's small Markdown: # and ## headings, - list items, paragraphs."""
    out, in_list = [], False
    for line in text.splitlines():
        line = line.strip()
        is_item = line.startswith("- ")
        if in_list and not is_item:
            out.append("</ul>")
            in_list = False
        if not line:
            continue
        if line.startswith("## "):
            out.append(f"<h3>{html.escape(line[3:])}</h3>")
        elif line.startswith("# "):
            out.append(f"<h2>{html.escape(line[2:])}</h2>")
        elif is_item:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(line[2:])}</li>")
        else:
            out.append(f"<p>{html.escape(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)
