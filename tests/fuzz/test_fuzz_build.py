"""Fuzz: mutated real sentences build without error into graphs that every parser reads
alike, that conform to the shapes, and into a whole output set (a bounded, deterministic
run; ``make fuzz`` runs a long one)."""

from __future__ import annotations

import re

import pytest
from fuzzing import FILES, build_file, check_graph, check_outputs, fuzzed, seed_sentences
from hypothesis import given

# Minimal inputs of the crash classes fuzzing has found, kept as fixed regression cases.
FOUND = [
    ("升\x0b三", ".txt", "utf-8"),
    ("改\x0c团", ".txt", "utf-8"),
    ("西安市总工会主席薛振虎\u2028在会上讲话。", ".txt", "utf-8"),
    ("西安市总工会主席薛振虎位于雁塔区。", ".txt", "utf-8"),
    (  # found by make fuzz (KG_FUZZ_SEED=31337): a C0 control in a name, GraphML/GEXF
        "西安市总工会主席薛振虎召开\x1b深入构建新时代和谐劳动关系工作交流会,"
        "陕西省总工会在西安市举行劳模表彰大会。",
        ".txt",
        "utf-8",
    ),
]


def test_seed_sentences_are_real() -> None:
    sentences = seed_sentences()
    assert len(sentences) > 200
    assert all(re.search(r"[\u4e00-\u9fff]{2}", s) for s in sentences)


@pytest.mark.parametrize(("text", "suffix", "encoding"), FOUND)
def test_found_cases(text: str, suffix: str, encoding: str) -> None:
    result, problems = build_file(text, suffix, encoding)
    assert result is not None, problems
    check_graph(result)
    check_outputs(result)


@fuzzed
@given(FILES)
def test_mutated_sentences_build_valid_graphs(case: tuple[str, str, str]) -> None:
    text, suffix, encoding = case
    result, problems = build_file(text, suffix, encoding)
    if result is None:  # nothing readable: the file must be named with a coded reason
        assert problems and all(re.match(r"\[E\d{3}\] \S*fuzz", p) for p in problems), problems
        return
    check_graph(result)
    check_outputs(result)
