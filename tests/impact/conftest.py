"""The impact tests' editions with known numbers (tests/impact/editions.py)."""

import pytest

from tests.impact.editions import impact_editions


@pytest.fixture
def known(reference_data, clock):
    return impact_editions(clock)
