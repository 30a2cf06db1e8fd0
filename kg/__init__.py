"""kg: a knowledge-graph builder for Chinese labour-union news.

Stages (one subpackage each): ``ingest`` → ``nlp`` → ``extract`` → ``resolve`` →
``graph`` → ``rdf`` → ``views`` / ``query`` / ``analysis`` / ``eval``. They talk only
through the types in :mod:`kg.types`.

The Python API (:mod:`kg.api`)::

    import kg
    g = kg.build(["seeds/"])        # -> kg.KnowledgeGraph
    g.entities(type="Union"); g.query("SELECT …", bind={"union_name": "西安市总工会"})
    g.write("build/", formats=["ttl", "graphml"]); kg.open("build/")
"""

from kg.api import KnowledgeGraph, build, open

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__", "build", "open"]
