"""One package per language (`kk`, `en`): the parts that read a language natively.

Russian still lives in `extract/`, `resolve/` and `knowledge/`; these packages are the new
languages' groundwork (name tagger, morphology of names and titles), self-contained until the seam
moves Russian behind the same contract (issue 11).
"""
