"""Errors that end a run with exit code 2: bad usage, configuration or input."""


class InputError(Exception):
    """A problem the user must fix (a config key, a schema, a path); its text names the file."""
