"""The deputy groups and liaison stations page and its dialogs."""
