"""Configuration: find, load and validate it; the project's words."""
