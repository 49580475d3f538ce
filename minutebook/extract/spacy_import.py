"""Import spaCy without its command line: 0.4 of the 1.0 CPU-s `import spacy` costs.

spaCy 3.8's __init__ imports spacy.cli.info only to offer spacy.info(), and that import
brings spaCy's whole command line (typer, requests, weasel, jinja2, its download and
project commands). spaCy made that import lazy upstream (explosion/spaCy#12962); until
the release this project pins does it, a stand-in `spacy.cli.info` sits in sys.modules
while spaCy imports, and is removed as soon as it has: a later `import spacy.cli` imports
the real one, and `spacy.info()` imports it when called. Nothing of spaCy's pipeline,
tokenizer or matcher is touched, so tokens and matches are the same.

nlp.py imports spaCy through this module, and every module of the extractor that
uses spaCy imports nlp.py first (pipeline.py -> actions.py -> nlp.py).
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_IN = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info(): the real one, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, without importing spacy.cli if spaCy is not imported yet."""
    if "spacy" in sys.modules or _STAND_IN in sys.modules:
        import spacy

        return spacy
    stand_in = types.ModuleType(_STAND_IN, "stands in while spaCy imports (spacy_import.py)")
    stand_in.info = _info  # type: ignore[attr-defined]
    sys.modules[_STAND_IN] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(_STAND_IN) is stand_in:
            del sys.modules[_STAND_IN]
    return spacy


spacy = import_spacy()
