"""tripreport-lint: a linter and normaliser for the Markdown posts of blogs."""

__version__ = "0.1.0"
