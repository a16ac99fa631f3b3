"""Extraction: typed mentions and the roles people hold, from an annotated text."""

from communique.extract.lexicon import Lexicons, lexicons
from communique.extract.mentions import EXTRACTOR, extract_mentions
from communique.extract.roles import RoleFact, find_roles

__all__ = ["EXTRACTOR", "Lexicons", "RoleFact", "extract_mentions", "find_roles", "lexicons"]
