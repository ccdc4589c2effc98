"""The exceptions arqam raises: each one a single line a user can act on.

Every message names the problem and what to do about it, and fits on one line;
the command line prints it after `arqam: error:` and exits with `exit_code`.
docs/errors.md lists each one with the input that raises it.
"""


class ArqamError(Exception):
    """Base of every error arqam reports to a user; its message is one line."""

    exit_code = 2

    def __init__(self, message: str):
        # A message is one line whatever was interpolated into it (a path with a
        # newline, an OS error text): the promise is one line on stderr.
        super().__init__(" ".join(str(message).split()))


class InputError(ArqamError):
    """The article file cannot be read as Arabic text."""


class NoInputError(InputError):
    """The path names no readable file: missing, a directory, or unreadable."""


class EmptyInputError(InputError):
    """The file is empty or holds only whitespace."""


class BinaryInputError(InputError):
    """The file is a document or image (PDF, PNG, ...) or other binary bytes."""


class EncodingError(InputError):
    """The bytes are text in an encoding arqam cannot identify with confidence."""


class NoArabicError(InputError):
    """The text has no Arabic letters, so there is nothing arqam can read."""


class TooLargeError(InputError):
    """The file is larger than one article; stream it instead."""


class DateError(ArqamError):
    """A publication date that is malformed, impossible or in the future."""


class OutputError(ArqamError):
    """The report cannot be written where it was asked to go."""

    exit_code = 3


class NotebookError(ArqamError):
    """A report notebook failed; the message names the cell."""

    exit_code = 4


class ArqamWarning(UserWarning):
    """A note about the input that did not stop the reading (BOM, encoding, HTML).

    The command line prints each one on stderr as `arqam: note: ...`; a library
    caller sees an ordinary Python warning and can filter it by this class.
    """
