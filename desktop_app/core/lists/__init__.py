"""Lists for screens: paged queries over any record type, what each type shows, names for pickers."""
