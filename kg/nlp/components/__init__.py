"""spaCy components of the kg pipeline, registered with ``@Language.factory`` on import."""

from kg.nlp.components import (  # noqa: F401  (import registers the factories)
    abbreviations,
    events,
    gazetteer,
    organisations,
    persons,
    places,
    programmes,
    spans,
    words,
)
