"""postlint's own entry-point reader agrees with importlib.metadata, which it replaces for speed."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from postlint.entry_points import entry_points


@pytest.mark.parametrize("group", ["console_scripts", "postlint.rules", "pytest11"])
def test_same_entry_points_as_importlib_metadata(group: str) -> None:
    ours = sorted((e.name, e.value, e.dist, e.version) for e in entry_points(group))
    theirs = sorted(
        (e.name, e.value, e.dist.name if e.dist else "", e.dist.version if e.dist else "")
        for e in importlib.metadata.entry_points(group=group)
    )
    assert ours == theirs


def _dist(site: Path, folder: str, name: str, version: str, entry_points_txt: str) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nBody: no\n")
    (info / "entry_points.txt").write_text(entry_points_txt)


def test_first_distribution_of_a_name_wins_and_sections_are_separate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    text = "# comment\n[other]\nx = nope:X\n\n[demo.group]\nalpha = pkg.mod:thing.attr\nbeta=pkg\n"
    _dist(first, "demo_pkg-2.0.dist-info", "demo-pkg", "2.0", text)
    _dist(second, "demo_pkg-1.0.dist-info", "demo-pkg", "1.0", "[demo.group]\ngamma = old:G\n")
    _dist(second, "Legacy.egg-info", "Legacy", "0.3", "[demo.group]\ndelta = legacy:D\n")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])
    found = [(e.name, e.value, e.dist, e.version) for e in entry_points("demo.group")]
    assert found == [
        ("alpha", "pkg.mod:thing.attr", "demo-pkg", "2.0"),
        ("beta", "pkg", "demo-pkg", "2.0"),
        ("delta", "legacy:D", "Legacy", "0.3"),
    ]
    theirs = sorted((e.name, e.value) for e in importlib.metadata.entry_points(group="demo.group"))
    assert sorted((n, v) for n, v, _, _ in found) == theirs


def test_load_follows_the_attribute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ep_demo_mod.py").write_text("class Outer:\n    inner = 42\n")
    _dist(tmp_path, "ep_demo-1.0.dist-info", "ep-demo", "1.0", "[g]\nx = ep_demo_mod:Outer.inner\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    [entry] = [e for e in entry_points("g") if e.dist == "ep-demo"]
    assert entry.load() == 42
