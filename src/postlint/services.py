"""What rules share through `RuleContext.services`: the run's settings and its schema store."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from postlint.config import Config
from postlint.errors import UsageError
from postlint.schema import SchemaLoadError, SchemaStore


class Services(Mapping[str, Any]):
    """What rules share (`RuleContext.services`): settings, and the schema store.

    The store is built when a file is first checked: a run answered from the cache
    never compiles a schema, nor imports the validator. A schema that cannot be used is
    a usage error then, before any worker starts.
    """

    def __init__(self, config: Config) -> None:
        self._config = config
        self._store: SchemaStore | None = None
        self._values: dict[str, Any] = {
            "language": config.language,
            "timezone": config.timezone,
            "case-insensitive-keys": config.case_insensitive_keys,
        }

    @property
    def schemas(self) -> SchemaStore:
        if self._store is None:
            config = self._config
            try:
                self._store = SchemaStore(config.root, config.schema, list(config.schemas))
            except SchemaLoadError as exc:
                raise UsageError(str(exc)) from None
        return self._store

    def schema_files(self) -> dict[str, str]:
        """Path and digest of every schema file read so far (none when no file was checked)."""
        return self._store.read if self._store is not None else {}

    def __getitem__(self, key: str) -> Any:
        return self.schemas if key == "schemas" else self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(["schemas", *self._values])

    def __len__(self) -> int:
        return len(self._values) + 1
