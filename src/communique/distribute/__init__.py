"""Extraction beyond one process: documents go out in batches to local worker processes or a
Dask cluster, and their records come back in input order to the one process that stores them.

Storing in input order makes a parallel ingest store exactly what a one-process ingest stores
(the same rows, ids and stories) whatever order the batches finish in; a bounded number of
batches in flight keeps memory bounded whatever the input's size.
"""

from communique.distribute.extractors import (
    Extractor,
    InProcessExtractor,
    LazyExtractor,
    Outcome,
    ProcessPoolExtractor,
    ordered_outcomes,
)

__all__ = [
    "Extractor",
    "InProcessExtractor",
    "LazyExtractor",
    "Outcome",
    "ProcessPoolExtractor",
    "ordered_outcomes",
]
