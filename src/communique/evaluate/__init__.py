"""Scoring extraction against gold data: FactRuEval-2016 and NEREL 1.1 (`communique eval`)."""
