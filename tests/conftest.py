"""Settings every test shares."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside GitHub Actions (`GITHUB_ACTIONS=true`) `check` defaults to the `github`
    format; tests that expect the text default must not depend on where CI runs.
    Tests of that default set the variable themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
