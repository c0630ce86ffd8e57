"""Shop identity and settings, the first-run setup, the home page."""
