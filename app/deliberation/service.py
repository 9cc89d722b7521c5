"""The face of app/deliberation/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.deliberation.topics import TopicInput, delete_topic, record_topic, topics, update_topic
