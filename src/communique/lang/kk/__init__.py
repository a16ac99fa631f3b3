"""Kazakh: a CRF name tagger trained on KazNERD and a case-ending stripper for names and titles."""
