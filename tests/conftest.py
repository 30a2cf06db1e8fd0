"""Fixtures shared by the whole suite (the only conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"dev gold not found at {GOLD} (shared/ must sit beside the repo)")
    return GOLD


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built once: a folder with graph.ttl, graph.html and report.json."""
    from kg.pipeline import build_corpus, write_outputs

    out = tmp_path_factory.mktemp("seed-build")
    write_outputs(build_corpus([SEEDS]), out)
    return out


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """One headless Debian chromium (offline) for every browser test of the session."""
    from headless import CHROMIUM, chromium

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} (Debian chromium) is absent")
    with chromium(tmp_path_factory.mktemp("profile")) as b:
        yield b


@pytest.fixture(scope="session")
def analyse() -> Callable:
    """``analyse(text)`` → (doc, mentions, relation mentions) of a one-article text."""
    from kg.extract import extract_relations
    from kg.ingest import parse_text
    from kg.nlp import annotate, mentions_from_doc

    def run(text: str):
        document = parse_text(text, source="test.txt", document_id="test")
        mentions, relations = [], []
        docs = []
        for article in document.articles:
            doc = annotate(article)
            docs.append(doc)
            mentions.extend(mentions_from_doc(doc, article))
            relations.extend(extract_relations(doc))
        return document, mentions, relations

    return run
