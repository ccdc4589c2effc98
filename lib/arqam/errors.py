"""The exceptions arqam raises: each one a single line a user can act on."""


class ArqamError(Exception):
    """Base of every error arqam reports to a user; its message is one line."""

    exit_code = 2


class InputError(ArqamError):
    """The article file cannot be read as Arabic text."""


class DateError(ArqamError):
    """A publication date that is malformed or impossible."""


class OutputError(ArqamError):
    """The report cannot be written where it was asked to go."""

    exit_code = 3


class NotebookError(ArqamError):
    """A report notebook failed; the message names the cell."""

    exit_code = 4
