"""Communique: structured, verifiable event data from diplomatic and parliamentary news."""

__version__ = "0.1.0"
