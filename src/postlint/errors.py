"""Errors that end a run with exit code 2 and a one-line message."""


class UsageError(Exception):
    """Bad arguments, configuration or plugins: exit 2, no traceback."""
