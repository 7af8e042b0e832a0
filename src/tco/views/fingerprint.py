"""A fingerprint of an evaluation, so that an award can be reproduced.

The fingerprint is the SHA-256 of the product model file, of the tender file
(and of any bid forms read), and the version of tco. The hashes are of the
bytes that were evaluated, taken when the files were read
(:attr:`tco.tender.Tender.sha256`, :attr:`tco.spec.product.ProductModel.sha256`,
:attr:`tco.tender.Tender.forms`): a file changed on disk after it was read does
not change the fingerprint of the evaluation that read it. Evaluating the same
files with the same version gives the same numbers; a different hash means a
different input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tco.basket import Basket
    from tco.spec.product import ProductModel
    from tco.tender import Tender

__all__ = ["basket_fingerprint", "fingerprint", "sha256_file"]


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, in hex.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> sha256_file(p)[:16]
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sha256_data(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(tender: Tender, forms: Sequence[str | Path] = ()) -> dict[str, str]:
    """The inputs' hashes and the library version.

    A model or tender given as a mapping rather than a file is hashed as its
    canonical JSON (keys sorted), and marked ``(data)``.

    Returns
    -------
    dict of str to str
        ``model``, ``model_sha256``, ``tender``, ``tender_sha256``, one
        ``form[i]`` / ``form[i]_sha256`` pair per bid form, ``tco`` (the
        version) and ``sha256``: the hash of all the lines before it, one
        fingerprint for the whole evaluation.

    Examples
    --------
    >>> import tco
    >>> fp = fingerprint(tco.load_tender(tco.example_path("indoor-lighting")))
    >>> fp["tender"], len(fp["sha256"])
    ('indoor-lighting.yaml', 64)
    """
    out: dict[str, str] = {}
    _model_rows(tender.model, "model", out)
    if tender.file and tender.sha256:
        out["tender"] = Path(tender.file).name
        out["tender_sha256"] = tender.sha256
    else:
        out["tender"] = f"{Path(tender.file).name} (data)" if tender.file else "(data)"
        out["tender_sha256"] = _sha256_data(tender.spec.model_dump(mode="json"))
    if tender.forms:
        for i, (name, digest) in enumerate(tender.forms):
            out[f"form[{i}]"] = Path(name).name
            out[f"form[{i}]_sha256"] = digest
    else:  # forms whose bytes were not hashed when read: hashed now
        for i, form in enumerate(forms):
            out[f"form[{i}]"] = Path(form).name
            out[f"form[{i}]_sha256"] = sha256_file(form)
    return _sealed(out)


def _sealed(out: dict[str, str]) -> dict[str, str]:
    """The rows with the version of tco and, last, the hash of every row before it."""
    from tco._version import __version__

    out["tco"] = __version__
    lines = "\n".join(f"{k}={v}" for k, v in out.items())
    out["sha256"] = hashlib.sha256(lines.encode("utf-8")).hexdigest()
    return out


def _model_rows(model: ProductModel, key: str, out: dict[str, str]) -> None:
    if model.file and model.sha256:
        out[key] = Path(model.file).name
        out[f"{key}_sha256"] = model.sha256
    else:
        out[key] = f"{model.id} (data)"
        out[f"{key}_sha256"] = _sha256_data(model.spec.model_dump(mode="json"))


def basket_fingerprint(basket: Basket) -> dict[str, str]:
    """The inputs' hashes of a basket's evaluation and the library version.

    As :func:`fingerprint`: each product model the lines use (``model[i]``),
    the basket file, each bid form read, ``tco`` and ``sha256`` over all.

    Examples
    --------
    >>> from tco.basket import basket_example_path, load_basket
    >>> fp = basket_fingerprint(load_basket(basket_example_path("car-van-fleet")))
    >>> fp["tender"], fp["model[0]"], fp["model[1]"], len(fp["sha256"])
    ('car-van-fleet.yaml', 'passenger-car.yaml', 'van.yaml', 64)
    """
    out: dict[str, str] = {}
    models: dict[tuple[str | None, str | None, str], ProductModel] = {}
    for tender in basket.tenders:  # two files may carry one id: each file is an input
        m = tender.model
        models.setdefault((m.file, m.sha256, m.id), m)
    for i, model in enumerate(models.values()):
        _model_rows(model, f"model[{i}]", out)
    if basket.file and basket.sha256:
        out["tender"] = Path(basket.file).name
        out["tender_sha256"] = basket.sha256
    else:
        out["tender"] = "(data)"
        out["tender_sha256"] = _sha256_data(basket.spec.model_dump(mode="json"))
    for i, (name, digest) in enumerate(basket.forms):
        out[f"form[{i}]"] = Path(name).name
        out[f"form[{i}]_sha256"] = digest
    return _sealed(out)
