"""kg:confidence on entities and relation statements, --min-confidence, least_certain_facts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Literal

from kg.learn.confidence import HIGHEST, LOWEST, combine, confidence_lexical
from kg.pipeline import build_corpus
from kg.query.run import run_query
from kg.rdf import to_rdf
from kg.rdf.namespace import KG
from kg.rdf.validate import validate

TEXT = (
    "西安市总工会主席薛振虎在会上讲话。\n"
    "西安市总工会主席薛振虎出席活动。\n"
    "陕西省总工会在西安市举行劳模表彰大会，市总工会副主席王雷出席。\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conf") / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(corpus: Path):
    return to_rdf(build_corpus([corpus]).graph)


def confidences(data, kind) -> dict:
    return {s: data.value(s, KG.confidence) for s in data.subjects(RDF.type, kind)}


def test_every_entity_and_statement_has_one_decimal_confidence(graph) -> None:
    statements = confidences(graph, RDF.Statement)
    assert statements, "the text yields relations"
    for subject in set(graph.subjects(KG.confidence, None)):
        values = list(graph.objects(subject, KG.confidence))
        assert len(values) == 1
        assert isinstance(values[0], Literal)
        assert LOWEST <= float(values[0]) <= HIGHEST
    assert all(v is not None for v in statements.values())


def test_the_graph_with_confidence_passes_the_shapes(graph) -> None:
    assert validate(graph).conforms


@pytest.mark.parametrize(
    ("values", "expected"), [([0.5], 0.5), ([0.5, 0.5], 0.75), ([0.7, 0.7, 0.7], 0.97)]
)
def test_mentions_combine_as_noisy_or(values: list[float], expected: float) -> None:
    assert combine(values) == pytest.approx(expected, abs=0.005)


def test_lexical_form_is_canonical() -> None:
    assert Decimal(confidence_lexical(0.5)) == Decimal("0.5")
    assert confidence_lexical(1.0) == confidence_lexical(HIGHEST)


def test_min_confidence_drops_the_less_certain_facts(corpus: Path, graph) -> None:
    values = sorted({float(v) for v in graph.objects(None, KG.confidence)})
    assert len(values) >= 2, "facts found once and twice differ in confidence"
    # the most certain entity's value: a relation as certain may lose a less certain end
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    cut = max(float(v) for s, v in graph.subject_objects(KG.confidence) if s not in statements)
    kept = to_rdf(build_corpus([corpus], min_confidence=cut).graph)
    kept_values = [float(v) for v in kept.objects(None, KG.confidence)]
    assert kept_values and min(kept_values) >= cut
    assert len(kept) < len(graph)


def test_least_certain_facts_come_lowest_first(graph) -> None:
    rows = run_query(graph, "least_certain_facts").as_dicts()
    assert rows
    got = [float(r["confidence"]) for r in rows]
    assert got == sorted(got)
