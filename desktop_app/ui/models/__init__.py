"""Qt item models over the core's list queries."""
