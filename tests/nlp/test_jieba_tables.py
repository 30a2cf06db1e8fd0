"""kg.nlp.jieba_tables: jieba's prefix dictionary and posseg's word tags from kg's cache
are the tables jieba makes itself, and the cache is written and trusted only when it
should be. Each case runs in a fresh interpreter (jieba loads its tables once per
process) whose temp folder, where both jieba and kg keep their caches, is ``tmp_path``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# prints a digest of the tables, whether they were read from kg's cache, and what loaded
TABLES = """
import hashlib, json, sys
{before}
import kg.nlp.jieba_tables as t
dt = t.posseg.dt
digest = hashlib.sha256(repr((list(dt.tokenizer.FREQ.items()), dt.tokenizer.total,
                              list(dt.word_tag_tab.items()))).encode()).hexdigest()
print(json.dumps({{"digest": digest, "modules": sorted(m for m in sys.modules
                   if m.split(".")[0] in ("jieba", "pkg_resources"))}}))
"""

# jieba alone, as a process that never imports kg loads it
JIEBA = """
import hashlib, json
import jieba, jieba.posseg
jieba.initialize()
dt = jieba.posseg.dt
print(json.dumps({"digest": hashlib.sha256(repr((list(dt.tokenizer.FREQ.items()),
      dt.tokenizer.total, list(dt.word_tag_tab.items()))).encode()).hexdigest()}))
"""

# jieba's own loading must not run: the tables come from kg's cache
NO_JIEBA_LOADING = """
import jieba
def refuse(*args, **kwargs):
    raise AssertionError("jieba built its tables")
jieba.Tokenizer.initialize = refuse
"""


def _run(code: str, tmp: Path) -> dict:
    env = dict(os.environ, TMPDIR=str(tmp))
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _caches(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("kg-jieba.*.cache"))


@pytest.fixture(scope="module")
def jieba_digest(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _run(JIEBA, tmp_path_factory.mktemp("jieba"))["digest"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temp folder after one load: jieba's cache and kg's."""
    tmp = tmp_path_factory.mktemp("loaded")
    _run(TABLES.format(before=""), tmp)
    return tmp


@pytest.fixture
def warm(loaded: Path, tmp_path: Path) -> Path:
    """A copy of :func:`loaded` for one test."""
    for path in loaded.iterdir():
        if path.is_file():
            shutil.copy2(path, tmp_path / path.name)
    return tmp_path


def test_cold_then_warm_load_gives_jiebas_tables(tmp_path: Path, jieba_digest: str) -> None:
    cold = _run(TABLES.format(before=""), tmp_path)
    assert cold["digest"] == jieba_digest
    (cache,) = _caches(tmp_path)
    # the second process reads kg's cache (jieba's loading would raise), same tables
    jieba_cache = tmp_path / "jieba.cache"
    jieba_cache.unlink()
    warm = _run(TABLES.format(before=NO_JIEBA_LOADING), tmp_path)
    assert warm["digest"] == jieba_digest
    assert not jieba_cache.exists()
    assert _caches(tmp_path) == [cache]


def test_jieba_is_imported_without_pkg_resources(warm: Path) -> None:
    modules = _run(TABLES.format(before=""), warm)["modules"]
    assert "jieba.posseg" in modules
    assert "pkg_resources" not in modules


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # empty
        b"not marshal data",
        b"i\x05\x00\x00\x00",  # marshal data of the wrong shape (an int)
    ],
)
def test_a_damaged_cache_is_not_used_and_is_written_again(
    warm: Path, jieba_digest: str, damage: bytes
) -> None:
    (cache,) = _caches(warm)
    good = cache.read_bytes()
    cache.write_bytes(damage)
    assert _run(TABLES.format(before=""), warm)["digest"] == jieba_digest
    assert cache.read_bytes() == good


def test_a_truncated_cache_is_not_used(warm: Path, jieba_digest: str) -> None:
    (cache,) = _caches(warm)
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    assert _run(TABLES.format(before=""), warm)["digest"] == jieba_digest
    assert _run(TABLES.format(before=NO_JIEBA_LOADING), warm)["digest"] == jieba_digest


def test_tables_changed_before_kg_loads_are_not_cached(warm: Path) -> None:
    for cache in _caches(warm):
        cache.unlink()
    before = "import jieba\njieba.add_word('某某某某联合会', 5, 'nt')"
    _run(TABLES.format(before=before), warm)
    assert _caches(warm) == []
