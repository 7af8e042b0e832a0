"""The service's routes for baskets, usage profiles, the annex, abatement, follow-up, portfolios.

Each does what its command does (``tco basket``, ``tco profiles``, ``tco annex``,
``tco abatement``, ``tco follow-up``, ``tco portfolio``) on what the request
sent, in a worker process, with the caps, time limit, language and error
documents of every route (:func:`tco.service.routes.run`). Nothing is read from
the server's disk: a product model is a bundled model's id or the model itself,
and what a command reads from other files is sent inline, in one body:

* ``/basket``: a basket tender with its lines and bids;
* ``/followup``: ``{"tender": {...}, "followup": {...}}``, the tender as
  awarded and the follow-up (without its ``tender:`` path);
* ``/portfolio``: ``{"tenders": {"NAME": {...}, ...}, "followups": {"NAME": {...}}}``,
  the tenders by name and the follow-ups of some of them under the same names.

A string where a tender, a follow-up or a model belongs names a file, and is
refused with an ``error`` document (422) that says to send it inline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tco.errors import LimitError, ModelNotFoundError, SpecError, suggest, suggest_name
from tco.limits import SERVICE_MAX_TENDERS
from tco.locale import word
from tco.service.bodies import BODY, JSON

__all__ = [
    "abatement",
    "annex_docx",
    "annex_html",
    "basket",
    "basket_from",
    "check_model",
    "followup",
    "portfolio",
    "tender_from",
    "usage_profiles",
]

PathParts = tuple[str | int, ...]
#: What a route answers: status code, media type, body, extra headers (as
#: :data:`tco.service.jobs.Answer`).
Answer = tuple[int, str, bytes, dict[str, str]]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _encode(document: Any) -> bytes:
    from tco.views.documents import dumps

    return dumps(document, indent=None).encode("utf-8")


# -- what the body may name ---------------------------------------------------------------------
def check_model(ref: Any, path: PathParts) -> None:
    """Refuse a model given as a string that is not a bundled model's id: it names a file.

    Raises
    ------
    ModelNotFoundError
        At ``path`` of the body.
    """
    import tco

    if isinstance(ref, str) and ref not in tco.bundled_models():
        models = tco.bundled_models()
        raise ModelNotFoundError(
            f"no bundled model '{ref}'{suggest(ref, models)}; the service takes a bundled "
            "model's id or the model itself as a mapping, never a file",
            file=BODY,
            path=path,
            value=ref,
            expected="a bundled model's id (GET /models) or an inline model",
        ).speaks("service_tender_model", name=ref, hint=suggest_name(ref, models))


#: What a part of a body is, as a word of the messages (in Danish definite: 'udbuddet').
_WHAT = {
    "tender": word("body part", "tender"),
    "follow-up": word("body part", "follow-up"),
    "tenders by name": word("body part", "tenders by name"),
    "follow-ups by name": word("body part", "follow-ups by name"),
}


def _inline(value: Any, path: PathParts, what: str) -> dict[str, Any]:
    """``value`` as the mapping it must be; a string names a file and is refused."""
    if isinstance(value, dict):
        return value
    what = _WHAT[what]
    if isinstance(value, str):
        raise SpecError(
            f"names a file ({value[:80]!r}); the service reads no file: send the {what} "
            "itself inline, as a mapping",
            file=BODY,
            path=path,
            value=value,
            expected=f"the {what} itself, as a mapping",
        ).speaks("service_inline_only", shown=repr(value[:80]), what=what)
    raise SpecError(
        f"expected the {what} itself, as a mapping",
        file=BODY,
        path=path,
        value=value,
        expected=f"the {what} itself, as a mapping",
    ).speaks("service_not_mapping", what=what)


def _keys(data: Mapping[str, Any], required: Sequence[str], optional: Sequence[str]) -> None:
    """Refuse a key of the body other than those named, and a missing required one."""
    from tco.errors import ErrorList

    known = [*required, *optional]
    errors = ErrorList()
    for key in data:
        if key not in known:
            errors.add(
                SpecError(
                    f"unknown key '{key}'{suggest(str(key), known)}; valid keys are "
                    + ", ".join(known),
                    file=BODY,
                    path=(key,),
                    expected=" or ".join(known),
                ).speaks(
                    "unknown_key",
                    name=key,
                    hint=suggest_name(str(key), known),
                    keys_list=list(known),
                )
            )
    for key in required:
        if key not in data:
            errors.add(SpecError("this key is required", file=BODY, path=(key,)).speaks("required"))
    errors.raise_if_any()


def tender_from(data: dict[str, Any]) -> Any:
    """A tender sent in a body: its model bundled or inline, never a file.

    As :func:`tco.service.jobs.tender_from`, for the routes of this module.
    """
    import tco

    check_model(data.get("model"), ("model",))
    try:
        return tco.load_tender(data)
    except SpecError as err:
        raise err.located(BODY) from None


def _at(prefix: PathParts, work: Callable[[], Any]) -> Any:
    """``work()``, its errors moved under ``prefix`` of the body."""
    try:
        return work()
    except SpecError as err:
        raise err.located(BODY, prefix) from None


def _tender_at(data: Any, prefix: PathParts) -> Any:
    """The tender at ``prefix`` of the body, loaded as :func:`tender_from`."""
    tender = _inline(data, prefix, "tender")
    return _at(prefix, lambda: tender_from(tender))


def _source(data: dict[str, Any]) -> Any:
    from tco.tender import TenderSource

    # Models are bundled or inline (check_model), so the folder is never looked in.
    return TenderSource(data, BODY, Path.cwd(), None)


def basket_from(data: dict[str, Any]) -> Any:
    """A basket tender sent in a body: its models and every line's bundled or inline."""
    from tco.basket import basket_from_data

    check_model(data.get("model"), ("model",))
    lines = data.get("lines")
    if isinstance(lines, list):
        for j, line in enumerate(lines):
            if isinstance(line, dict):
                check_model(line.get("model"), ("lines", j, "model"))
    return basket_from_data(data, BODY, Path.cwd())


# -- the routes ---------------------------------------------------------------------------------
def basket(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /basket``: the basket tender's ranking (``tco basket``)."""
    from tco.views.contract import SCHEMA_VERSION

    result = basket_from(data).evaluate()
    doc = {"schema_version": SCHEMA_VERSION, "kind": "basket", **result.to_dict()}
    return 200, JSON, _encode(doc), {}


def usage_profiles(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /profiles``: the bids under each usage profile (``tco profiles``)."""
    from tco.analysis.profiles import profiles
    from tco.views.contract import SCHEMA_VERSION

    table = profiles(tender_from(data))
    doc = {"schema_version": SCHEMA_VERSION, "kind": "profiles", **table.to_dict(lang)}
    return 200, JSON, _encode(doc), {}


def abatement(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /abatement``: cost per tonne of CO2e avoided (``tco abatement``)."""
    from tco.analysis.abatement import abatement_cost
    from tco.views.documents import analysis_document

    reference = params.get("reference") or None
    doc = analysis_document("abatement", abatement_cost(tender_from(data), reference))
    return 200, JSON, _encode(doc), {}


def _annex(data: dict[str, Any], lang: str) -> Any:
    """The annex of a tender or (with ``lines``) a basket; without bids, an illustrative one."""
    if "lines" in data:
        from tco.views.annex_basket import basket_annex_source, build_basket_annex

        check_model(data.get("model"), ("model",))
        for j, line in enumerate(data["lines"] if isinstance(data["lines"], list) else []):
            if isinstance(line, dict):
                check_model(line.get("model"), ("lines", j, "model"))
        basket, illustrative = basket_annex_source(_source(data))
        return build_basket_annex(basket, lang=lang, illustrative=illustrative)
    from tco.views.annex import annex_tender, build_annex

    check_model(data.get("model"), ("model",))
    tender, illustrative = annex_tender(_source(data))
    return build_annex(tender, lang=lang, illustrative=illustrative)


def annex_html(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /annex``: the tender annex as HTML (``tco annex``)."""
    from tco.views.annex_html import render_html

    html = render_html(_annex(data, lang))
    headers = {"Content-Disposition": 'attachment; filename="annex.html"'}
    return 200, "text/html; charset=utf-8", html.encode("utf-8"), headers


def annex_docx(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /annex/docx``: the tender annex as Word (``tco annex --docx``)."""
    from tco.views.annex_docx import docx_bytes

    body = docx_bytes(_annex(data, lang))  # its dates made steady by tco.service.routes.run
    return 200, DOCX, body, {"Content-Disposition": 'attachment; filename="annex.docx"'}


def _follow_up_data(data: Any, path: PathParts) -> dict[str, Any]:
    """A follow-up sent inline: a mapping whose ``tender`` (a file's path) is not given."""
    out = _inline(data, path, "follow-up")
    if out.get("tender") is not None:
        ref = out["tender"]
        shown = repr(ref)[:80]
        raise SpecError(
            f"names the tender's file ({shown}); the service reads no file: leave it out, "
            "and send the tender itself beside the follow-up",
            file=BODY,
            path=(*path, "tender"),
            value=ref,
            expected="no 'tender' in the follow-up: the tender is sent beside it",
        ).speaks("service_followup_tender", shown=shown)
    return out


def followup(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /followup``: a contract's follow-up against its bid (``tco follow-up``)."""
    from tco.analysis.followup import follow_up
    from tco.views.documents import analysis_document

    _keys(data, ("tender", "followup"), ())
    source = _follow_up_data(data["followup"], ("followup",))  # a file named: before any work
    tender = _tender_at(data["tender"], ("tender",))
    f = _at(("followup",), lambda: follow_up(tender, source, file=BODY))
    return 200, JSON, _encode(analysis_document("followup", f)), {}


def portfolio(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    """``POST /portfolio``: the portfolio of the tenders sent (``tco portfolio``)."""
    from tco.analysis.portfolio import portfolio_of
    from tco.errors import TCOError
    from tco.views.portfolio import portfolio_document

    _keys(data, ("tenders",), ("followups",))
    tenders = _inline(data["tenders"], ("tenders",), "tenders by name")
    followups = _inline(data.get("followups") or {}, ("followups",), "follow-ups by name")
    if not tenders or len(tenders) > SERVICE_MAX_TENDERS:
        raise LimitError(
            f"{len(tenders)} tenders; a portfolio request holds 1 to {SERVICE_MAX_TENDERS}",
            file=BODY,
            path=("tenders",),
            value=len(tenders),
            expected=f"1 to {SERVICE_MAX_TENDERS} tenders",
        ).speaks("service_portfolio_tenders", n_q=len(tenders), cap_q=SERVICE_MAX_TENDERS)
    # A file named anywhere refuses the request; a tender's own mistakes are its row's.
    # a name is text (a YAML body may write 2024: ...), so that the rows sort by it
    raw = {str(name): _inline(t, ("tenders", name), "tender") for name, t in tenders.items()}
    for name, t in raw.items():
        check_model(t.get("model"), ("tenders", name, "model"))
    follow = {str(name): _follow_up_data(f, ("followups", name)) for name, f in followups.items()}
    for name in follow:
        if name not in raw:
            names = list(raw)
            raise SpecError(
                f"a follow-up of '{name}', which is not a tender of this request"
                f"{suggest(name, names)}",
                file=BODY,
                path=("followups", name),
                value=name,
                expected="the name of a tender under 'tenders'",
            ).speaks("service_followup_of_nothing", name=name, hint=suggest_name(name, names))
    loaded: dict[str, Any] = {}
    for name, t in raw.items():
        try:
            loaded[name] = _tender_at(t, ("tenders", name))
        except TCOError as err:
            loaded[name] = err
    p = portfolio_of(loaded, follow, file=BODY)
    return 200, JSON, _encode(portfolio_document(p)), {}
