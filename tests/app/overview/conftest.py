import pytest

from tests.app.statistics.township import build


@pytest.fixture
def town(store):
    return build(store)
