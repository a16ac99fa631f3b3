"""Near-duplicate texts (one release re-published with small edits), found with MinHash and LSH.

A text is the set of its word 3-grams (shingles); two texts are near-duplicates when the Jaccard
similarity of those sets is at least THRESHOLD. datasketch's MinHash estimates that similarity from
128 hash minima per text, and its LSH index finds the candidates without comparing every pair.
A re-published release with a new headline and one paragraph of five dropped keeps about 0.75 of
its shingles; two different releases of one ministry, sharing only formulas ("в ходе встречи
стороны обсудили"), stay under 0.2.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from communique.lang.ru.words import fold_spelling

NUM_PERM = 128
# Fixed, with the hashing scheme: signatures stored in the database must stay comparable with
# the ones computed by later runs (datasketch refuses to compare across schemes).
SEED = 1
SCHEME = "affine32"
THRESHOLD = 0.5
SHINGLE = 3
# Fewer shingles than this is too little text to call two documents the same story.
MIN_SHINGLES = 12

_WORD = re.compile(r"\w+")
# The permutations the seed gives, drawn once: datasketch draws them again for every MinHash,
# which was a third of the time to sign a text. Shared read-only by every signature.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(fold_spelling(text.lower()))
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash | None:
    """The text's MinHash, or None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    # The shingles hashed as datasketch's default sha1_hash32 hashes them (the first four bytes
    # of SHA-1, little-endian), all in one numpy conversion instead of a struct call each: the
    # MinHash then only applies its permutations (`int` passes the values through).
    first_bytes = b"".join([hashlib.sha1(gram).digest()[:4] for gram in grams])
    hashes = np.frombuffer(first_bytes, dtype="<u4").tolist()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS, hashfunc=int
    )
    minhash.update_batch(hashes)
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype="<u8").astype(np.uint64)
    return MinHash(
        num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME, permutations=_PERMUTATIONS
    )


class NearDuplicateIndex:
    """Stored documents' signatures; `match` names the most similar one over THRESHOLD."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, document_id: str, minhash: MinHash) -> None:
        if document_id not in self._signatures:
            self._lsh.insert(document_id, minhash)
            self._signatures[document_id] = minhash

    def remove(self, document_id: str) -> None:
        """Forget `document_id` (a batch that added it was rolled back)."""
        if self._signatures.pop(document_id, None) is not None:
            self._lsh.remove(document_id)

    def match(self, minhash: MinHash) -> str | None:
        # LSH candidates share a band of hash values; their estimated similarity is checked, as
        # banding lets through some pairs under the threshold.
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity >= THRESHOLD and (best is None or (similarity, candidate) > best):
                best = (similarity, candidate)
        return best[1] if best else None
