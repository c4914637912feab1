"""Scenario authoring: loading YAML with located errors, the lint checks, the JSON Schema,
the starter file, and finding the bundled and the user's scenarios."""
