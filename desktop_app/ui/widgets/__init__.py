"""Widgets the pages are built from: forms, pickers, tables, panels, the card canvas."""
