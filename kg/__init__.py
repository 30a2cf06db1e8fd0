"""kg: a knowledge-graph builder for Chinese labour-union news.

Stages (one subpackage each): ``ingest`` → ``nlp`` → ``extract`` → ``resolve`` →
``graph`` → ``rdf`` → ``views`` / ``query`` / ``analysis`` / ``eval``. They talk only
through the types in :mod:`kg.types`.
"""

__version__ = "0.1.0"
