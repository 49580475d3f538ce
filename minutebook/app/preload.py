"""What the ingest fork server imports before it forks any worker (workers.PRELOAD).

Everything a worker needs that no run changes: the loaders, the extractor, spaCy
(without its command line) and the blank English tokenizer, which takes 0.2 CPU-s to
build and is the same whatever the pattern files say. Each worker is forked with them in
memory instead of importing and building them itself (issue 15). The pattern files are
still read in each worker's warm-up: MINUTEBOOK_PATTERNS may differ between runs of one
process, and its fork server lives as long as the process.
"""

from __future__ import annotations

import gc

from minutebook.console.conventions import one_blas_thread

one_blas_thread()  # before numpy: the fork server is a process of our own

# isort: split
from minutebook.app import batch  # noqa: E402, F401
from minutebook.extract import nlp, pipeline  # noqa: E402, F401
from minutebook.ingest import pdf  # noqa: E402, F401

nlp.blank_english()
# As Python's gc.freeze() documentation advises before a fork without exec: what is loaded
# now moves out of the collector's reach, so a worker's collections never walk these
# objects again (nor write to, and so copy, the pages that hold them).
gc.freeze()
