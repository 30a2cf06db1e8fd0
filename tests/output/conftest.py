"""Fixtures shared by the output-set tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def registry():
    """Restore the writer registry after a test registers its own writers."""
    from kg import output

    saved = dict(output._WRITERS)
    yield
    output._WRITERS.clear()
    output._WRITERS.update(saved)
