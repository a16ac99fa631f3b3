"""Merge mentions into actors, link them to the knowledge base, attach occupations."""

from communique.resolve.actors import RESOLVER, resolve

__all__ = ["RESOLVER", "resolve"]
