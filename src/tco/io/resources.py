"""Find the YAML files shipped with tco: product models, example tenders and bases."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from tco.locale import word

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_SOURCE_TREE = Path(__file__).resolve().parents[3]


def bundled_files(folder: str) -> dict[str, Path]:
    """Map the stem of each YAML file in a shipped folder to its path.

    The folder is looked up inside the installed package first (a wheel ships
    ``tco/product_models``, ``tco/examples`` and ``tco/bases``), then in the source tree (an
    editable install).

    Parameters
    ----------
    folder : {"product_models", "examples", "bases"}

    Examples
    --------
    >>> "indoor-lighting" in bundled_files("product_models")
    True
    """
    dirs = [Path(str(resources.files("tco") / folder)), _SOURCE_TREE / folder]
    versions = tuple(d.stat().st_mtime_ns if d.is_dir() else None for d in dirs)
    return dict(_listing(tuple(dirs), versions))


@functools.lru_cache(maxsize=8)
def _listing(
    dirs: tuple[Path, ...], versions: tuple[int | None, ...]
) -> tuple[tuple[str, Path], ...]:
    """The YAML files of ``dirs``, listed once per version (modification time) of the folders."""
    out: dict[str, Path] = {}
    for d, version in zip(dirs, versions, strict=True):
        if version is not None:
            for path in sorted(d.glob("*.yaml")):
                out.setdefault(path.stem, path)
    return tuple(out.items())


def bundled_file(folder: str, name: str, noun: str) -> Path:
    """The path of the shipped file ``name`` in ``folder``.

    Parameters
    ----------
    folder : str
        A shipped folder, as in :func:`bundled_files`.
    name : str
        The file's stem, such as ``"indoor-lighting"``.
    noun : str
        What the files are, for the message (``"example"``).

    Raises
    ------
    ModelNotFoundError
        If there is no such file; the message suggests the nearest name.

    Examples
    --------
    >>> bundled_file("examples", "indoor-lighting", "example").name
    'indoor-lighting.yaml'
    """
    from tco.errors import ModelNotFoundError, suggest, suggest_name

    found = bundled_files(folder)
    if name not in found:
        names = ", ".join(sorted(found))
        raise ModelNotFoundError(
            f"no {noun} '{name}'{suggest(name, found)}; examples are {names}",
            value=name,
            expected=f"a bundled {noun}",
        ).speaks(
            "no_bundled",
            noun=_NOUNS.get(noun) or noun,
            name=name,
            hint=suggest_name(name, found),
            names=names,
        )
    return found[name]


# Each kind of bundled file named in a message, as a word of the message.
_NOUNS = {
    "example": word("bundled file", "example"),
    "example basket": word("bundled file", "example basket"),
}
