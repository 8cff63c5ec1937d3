"""Realistic demo data for every record type (and the words it is made of)."""
