"""arqam: the figures an Arabic news article reports, exactly as reported.

    >>> import arqam
    >>> result = arqam.extract(arqam.read("seeds/000_83f14baadfbd0921.txt"))
    >>> result.figures[0].qualifier
    'exact'

Importing arqam loads no pandas and nothing from the notebook world. When
lib/arqam/_native holds a compiled build of these very sources (arqam.native),
its modules are found first.
"""

from . import native

if native.usable():
    __path__.insert(0, str(native.FOLDER))

from .errors import ArqamError
from .extract import extract
from .model import Extraction, Figure, Time
from .reader import Article, from_text, read

__version__ = "0.1.0"

__all__ = ["Article", "ArqamError", "Extraction", "Figure", "Time", "extract",
           "from_text", "read", "__version__"]
