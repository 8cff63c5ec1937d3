"""The Qt shell: widgets, models and dialogs. No SQL here; calls the core."""
