"""Safe files: bounded reads that refuse special or oversized files, and atomic writes.

The lowest room above the rules: saves, scenarios, settings and every report use it."""
