"""Every adversarial test runs with umask 022, the common default: files partygraph writes must
still come out readable by their owner only."""

import os

import pytest


@pytest.fixture(autouse=True)
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)
