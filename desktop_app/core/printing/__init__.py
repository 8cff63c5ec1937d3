"""Printing: contact service cards and the font every PDF embeds."""
