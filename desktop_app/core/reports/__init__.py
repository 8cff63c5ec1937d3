"""Campaign reports: the figures for a period, as PDF or XLSX, and research report drafts."""
