"""Reusable printing screens: PDF preview with print / save as / open, and background print jobs."""
