"""``bench/bench_query.py --replicate documents`` makes the graph a real build makes.

The benchmark's 10 M-triple graph stands for an archive of the same texts under distinct
file names; it is made by replicating one build's quads instead of building the archive.
Here the seeds are built twice over (the scheme's base build) and three times over
(``<stem>``, ``<stem>-c1``, ``<stem>-c2``): three copies made from the first must be the
second, quad for quad, but for confidence values, which more support raises a little.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from io import StringIO
from pathlib import Path

import pyoxigraph
import pytest

from kg.pipeline import build_corpus, write_outputs

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_query.py"


@pytest.fixture(scope="module")
def bench_query():
    spec = importlib.util.spec_from_file_location("bench_query", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_query"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_query"]


def _build(bench_query, seeds: Path, folder: Path, copies: int) -> list[pyoxigraph.Quad]:
    texts = folder / "seeds"  # the same folder name: kg:sourceFile literals name it
    texts.mkdir(parents=True)
    for text in sorted(seeds.glob("*.txt")):
        for k in range(copies):
            shutil.copy(text, texts / f"{text.stem}{f'-c{k}' if k else ''}{text.suffix}")
    write_outputs(build_corpus([texts]), folder / "out", html=False)
    return bench_query.base_quads(folder / "out")


@pytest.fixture(scope="module")
def twice(bench_query, seeds_dir, tmp_path_factory) -> tuple[Path, list[pyoxigraph.Quad]]:
    """The base build of the ``documents`` scheme: every seed twice."""
    folder = tmp_path_factory.mktemp("two")
    return folder, _build(bench_query, seeds_dir, folder, 2)


_CONFIDENCE = re.compile(r'(ontology#confidence> )"[0-9.]+"')


def _nquads(quads: list[pyoxigraph.Quad], root: Path) -> set[str]:
    """The quads as N-Quads lines, with the build's folder and confidence values blanked."""
    text = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    text = _CONFIDENCE.sub(r'\1"?"', text.replace(str(root), "ROOT"))
    return set(text.splitlines())


@pytest.mark.slow
def test_three_copies_are_the_build_of_three_copies(bench_query, twice, seeds_dir, tmp_path):
    root, twice = twice
    thrice = _build(bench_query, seeds_dir, tmp_path / "three", 3)
    template = bench_query.templates(twice, "documents", "nq")
    text = StringIO()
    template.write(text, 3)
    replicated = list(pyoxigraph.parse(text.getvalue(), format=pyoxigraph.RdfFormat.N_QUADS))

    assert template.copies(len(thrice)) == 3
    assert len(replicated) == len(thrice) == template.fixed + 3 * template.per_copy
    expected, actual = _nquads(replicated, root), _nquads(thrice, tmp_path / "three")
    assert sorted(expected - actual) == []
    assert sorted(actual - expected) == []


@pytest.mark.slow
def test_two_copies_are_the_base_build(bench_query, twice, seeds_dir):
    _, twice = twice
    facts, first = bench_query.split_copies(twice)
    template = bench_query.templates(twice, "documents", "nq")
    text = StringIO()
    template.write(text, 2)
    replicated = list(pyoxigraph.parse(text.getvalue(), format=pyoxigraph.RdfFormat.N_QUADS))
    assert set(map(str, replicated)) == set(map(str, twice))
    assert len(facts) + 2 * len(first) == len(twice)
    documents = {q.subject.value for q in first if q.object.value.endswith("#Document")}
    assert len(documents) == len(list(seeds_dir.glob("*.txt")))
