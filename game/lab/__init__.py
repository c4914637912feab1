"""The balance lab: many AI games played headless, and the report an author reads."""
