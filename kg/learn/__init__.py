"""The decision layer after the rules: confidence of every fact, and a trained model.

* :mod:`kg.learn.confidence`: ``kg:confidence`` of entities and relations (rule priors,
  or the model's probabilities), and the ``--min-confidence`` filter;
"""

from __future__ import annotations

from kg.learn.confidence import (
    attach_confidence,
    confidence_lexical,
    filter_by_confidence,
    load_priors,
)

__all__ = ["attach_confidence", "confidence_lexical", "filter_by_confidence", "load_priors"]
