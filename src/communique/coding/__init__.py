"""Event coding tables: CAMEO codes with their PLOVER category, mode, contexts and Goldstein
weight, and the PLOVER manual's vocabulary."""

from communique.coding.cameo import (
    CODE_PATTERN,
    CameoCode,
    CameoTable,
    PloverVocabulary,
    cameo_table,
    plover_vocabulary,
)

__all__ = [
    "CODE_PATTERN",
    "CameoCode",
    "CameoTable",
    "PloverVocabulary",
    "cameo_table",
    "plover_vocabulary",
]
