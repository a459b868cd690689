"""Load JSON Schemas (embedded default, per glob, per post) and validate front matter.

The engine is jsonschema-rs: full 2020-12, every error with its instance and schema
path, custom formats, and about 4 µs per post against 200-600 µs for `jsonschema`.
Nothing is ever fetched: `$ref` resolves through a retriever that reads local files
under the allowed roots and refuses everything else.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlparse

from postlint.dates import is_post_date
from postlint.globs import GlobSet

EMBEDDED_PREFIX = "postlint:"
"""`schema = "postlint:hugo.schema.json"` names a schema shipped inside the package."""
FORMATS = {"post-date": is_post_date}


class SchemaLoadError(Exception):
    """A schema that cannot be used; the message says why in one line."""


class LoadedSchema(NamedTuple):
    source: str
    schema: Any
    validator: Any


def _read_json(path: Path, read: dict[str, str] | None = None) -> Any:
    """A schema file's JSON; `read` gets its path and the digest of its bytes (what the cache checks)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaLoadError(f"cannot read schema {path}: {exc.strerror or exc}") from None
    if read is not None:
        from postlint.load import digest

        read[str(path)] = digest(data)
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise SchemaLoadError(f"schema {path} is not valid JSON: {exc}") from None


def _retriever(roots: tuple[Path, ...], read: dict[str, str] | None) -> Any:
    def retrieve(uri: str) -> Any:
        parsed = urlparse(uri)
        if parsed.scheme != "file":
            raise SchemaLoadError(
                f"postlint never fetches schemas over the network ({uri}); save a copy and $ref it by a relative path"
            )
        path = Path(unquote(parsed.path)).resolve()
        if not any(path.is_relative_to(root) for root in roots):
            raise SchemaLoadError(f"$ref to {path} leaves the project; only files under {roots[0]} are read")
        return _read_json(path, read)

    return retrieve


def compile_schema(
    schema: Any, source: str, base: Path | None, roots: tuple[Path, ...], read: dict[str, str] | None = None
) -> LoadedSchema:
    """A validator for `schema`; `read` gets the path and digest of every file a `$ref` reads."""
    import jsonschema_rs

    options: dict[str, Any] = {"formats": FORMATS, "validate_formats": True, "retriever": _retriever(roots, read)}
    if base is not None:
        options["base_uri"] = base.resolve().as_uri()
    try:
        validator = jsonschema_rs.validator_for(schema, **options)
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SchemaLoadError(f"schema {source} cannot be used: {first}") from None
    return LoadedSchema(source, schema, validator)


SHIPPED = Path(__file__).parent / "schemas"
"""The schemas inside the package (a folder of the installed wheel; `importlib.resources`
would find the same files, and import `tempfile` and `zipfile` on every run to do so)."""


@cache
def embedded_schema(name: str = "post.schema.json") -> LoadedSchema:
    """A shipped schema, compiled once per process (a server's checks share it)."""
    resource = SHIPPED / name
    if not resource.is_file():
        shipped = sorted(p.name for p in SHIPPED.iterdir())
        raise SchemaLoadError(f"no embedded schema {name!r}; postlint ships: {', '.join(shipped)}")
    return compile_schema(json.loads(resource.read_text("utf-8")), f"{EMBEDDED_PREFIX}{name}", None, ())


class SchemaStore:
    """Chooses and caches the schema of each document.

    Order: the post's own `$schema` key, then the first matching `schemas` glob,
    then the configured `schema`, then the embedded default. `read` holds the path and
    digest of every schema file read (each `$ref`'d one too): the cache is only as good
    as they are unchanged.
    """

    def __init__(self, root: Path, default: str | None, by_glob: list[tuple[str, str]]) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, LoadedSchema] = {}
        self._embedded: dict[str, LoadedSchema] = {}
        self._globs = [(GlobSet([pattern]), ref) for pattern, ref in by_glob]
        self.read: dict[str, str] = {}
        self.default = self.load(default or f"{EMBEDDED_PREFIX}post.schema.json")
        for _, ref in by_glob:
            self.load(ref)

    def loaded(self) -> list[LoadedSchema]:
        """Every schema loaded so far (the configured ones are loaded up front)."""
        return [*self._embedded.values(), *self._cache.values()]

    def load(self, ref: str) -> LoadedSchema:
        """A schema named in config: `postlint:NAME` (shipped) or a path from the root."""
        if ref.startswith(EMBEDDED_PREFIX):
            name = ref[len(EMBEDDED_PREFIX) :]
            if name not in self._embedded:
                self._embedded[name] = embedded_schema(name)
            return self._embedded[name]
        return self.load_path(self.root / ref)

    def load_path(self, path: Path) -> LoadedSchema:
        path = path.resolve()
        cached = self._cache.get(path)
        if cached is None:
            roots = (self.root, path.parent)
            cached = compile_schema(_read_json(path, self.read), str(path), path, roots, self.read)
            self._cache[path] = cached
        return cached

    def for_path(self, relative: str) -> LoadedSchema:
        for globs, ref in self._globs:
            if globs.match(relative):
                return self.load(ref)
        return self.default

    def from_post(self, ref: str, post: Path) -> LoadedSchema:
        """The schema a post names in `$schema`; raises SchemaLoadError with the reason."""
        if "://" in ref:
            raise SchemaLoadError(f"`$schema` is a URL ({ref}); postlint never fetches schemas")
        for base in (post.parent, self.root):
            candidate = (base / ref).resolve()
            if candidate.is_file():
                if not candidate.is_relative_to(self.root):
                    raise SchemaLoadError(f"`$schema` points outside the project root {self.root}: {ref}")
                return self.load_path(candidate)
        raise SchemaLoadError(f"`$schema` names a file that does not exist: {ref}")
