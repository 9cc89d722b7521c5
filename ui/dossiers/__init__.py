"""Widgets of the 履职档案 page: choosing deputies and the assessment panel."""
