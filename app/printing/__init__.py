"""Printing engine: reports build a Document; render_pdf prints it as an official-style A4 PDF."""
from app.printing.document import Document
from app.printing.errors import PrintCancelled, PrintError
from app.printing.fonts import FontFace, FontSet, default_fontset, resource_path
from app.printing.pdf import render_pdf
from app.printing.styles import TextStyle, official_styles
from app.printing.units import HAO_PT, format_date_cn, hao

__all__ = [
    "Document", "FontFace", "FontSet", "HAO_PT", "PrintCancelled", "PrintError", "TextStyle",
    "default_fontset", "format_date_cn", "hao", "official_styles", "render_pdf", "resource_path",
]
