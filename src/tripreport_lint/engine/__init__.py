"""Lint a file with the settings of its folder; fix it; many files on every core."""
