"""Tests of what exists only on Windows (C:\\Windows\\Fonts, %LOCALAPPDATA%, msvcrt locks).

They are collected only on Windows, where the hosted Windows build runs them with the rest of the
suite (.github/workflows/windows.yml); elsewhere they are not collected at all rather than
collected and skipped, since the suite allows no skipped test. Everything they cover that can
be imitated elsewhere is tested with stand-ins in tests/test_bundle_spec.py and
tests/app/test_printing_fonts.py.
"""
import sys

collect_ignore_glob = [] if sys.platform == "win32" else ["test_*.py"]
