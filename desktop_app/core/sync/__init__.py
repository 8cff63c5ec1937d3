"""Sync between machines: keys, the bundle format, export/import, merge, conflicts, devices."""
