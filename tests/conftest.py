"""Settings every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside GitHub Actions (`GITHUB_ACTIONS=true`) `check` defaults to the `github`
    format; tests that expect the text default must not depend on where CI runs.
    Tests of that default set the variable themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run without a config file caches in the working directory's `.postlint_cache/`; tests
    run from the repository must not fill it, nor share one test's cache with the next.
    Tests of the default folder unset the variable."""
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("postlint-cache")))


@pytest.fixture(autouse=True)
def _no_resident_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `postlint server` the developer left running must not answer the tests' checks: they
    test this tree, which the server may not have loaded. Tests of the server unset this."""
    monkeypatch.setenv("POSTLINT_NO_SERVER", "1")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in `tmp_path`, with no colour settings from the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
