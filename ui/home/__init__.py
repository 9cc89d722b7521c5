"""The home page: what needs doing now, and the way in for a new township."""
