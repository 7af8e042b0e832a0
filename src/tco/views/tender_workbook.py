"""The tender workbook (the ``excel`` extra): a tender a buyer fills in Excel.

``tco workbook MODEL_OR_TENDER -o tender.xlsx [--lang da]`` writes, for any
product model, a workbook in the buyer's language with three sheets:

- a guide (``Vejledning`` / ``Guide``): what to fill, in which cells, in
  which number format;
- the buyer's assumptions (``Forudsætninger`` / ``Assumptions``): one row per
  field of the tender's ``assumptions`` (listed from the tender schema, so a
  new field appears by itself), per escalation group and per buyer parameter
  of the model, each with its label, the value to fill, its unit in the
  language (``DKK/år``, ``h/år``), the model's default (and the basis it comes
  from), its source and its allowed range;
- the bids (``Tilbud`` / ``Bids``): one column per bid, one row per bid
  parameter with its label, unit, default and range, and data validation
  titled and worded in the language.

Written from a tender, the workbook is pre-filled with the tender's values and
bids, so that YAML -> workbook -> YAML keeps the evaluation. Every text from
the tender, the model or a bid is written as text, never a formula. The
workbook is read back by :func:`tco.load_tender` (``.xlsx``; see
:mod:`tco.spec.tender_workbook`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.io.tender_workbook import (
    ASSUMPTION_COLUMNS,
    BID_COLUMNS,
    FIRST_BID_COLUMN,
    HEAD_ROW,
    NAME_ROW,
    NOTES_ROW,
    SHEETS,
    get_column_letter,
)
from tco.locale import keyed, section
from tco.spec.tender_workbook import FIELD_UNITS, HEAD_KEYS
from tco.views.errors import OutputError
from tco.views.form import bound_in_unit, form_convention, range_text, require_openpyxl
from tco.views.i18n import quantity_text, unit_text
from tco.views.safe import excel_text, save_workbook

if TYPE_CHECKING:
    from tco.spec.product import ProductModel
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Empty bid columns in a workbook written for a model (the buyer may add more to the right).
BLANK_BIDS = 5
#: Parts of a tender file the workbook does not carry (they do not change the evaluation).
NOT_CARRIED = ("uncertainty", "scenarios", "scoring", "profiles")

# The sheet's words: the msgctxts "tender workbook.KEY" (the guide is "tender workbook.guide",
# one line a line) and "tender workbook field.NAME" of the catalogue (tco.locale).


def _cell_value(
    raw: Any, convention: str, unit: str, lang: str, written_in: str | None = None
) -> Any:
    """A tender value as the workbook holds it: a number in the row's unit, or text.

    A value in the row's unit is a number (so that Excel shows and sorts it);
    anything else is text in the workbook's number convention, which the
    reader reads with the value grammar: another unit (``0.032 kW``), a word
    (``lifetime``), a path by year (``1 %; 2 %``), a basis (``basis: NAME``).

    Raises
    ------
    OutputError
        For a value a cell cannot hold (a discount schedule, a residual share).
    """
    from tco.errors import SpecError
    from tco.spec.form_text import in_number_format
    from tco.units import canonical_value

    if raw is None:
        return None
    if isinstance(raw, bool):
        return section("tender workbook.", lang)["yes" if raw else "no"]
    if isinstance(raw, (int, float)):
        return _bare_in_row(raw, unit)
    if isinstance(raw, Mapping) and set(raw) == {"basis"}:
        return f"basis: {raw['basis']}"
    if isinstance(raw, list) and all(not isinstance(v, (Mapping, list)) for v in raw):
        return "; ".join(str(_text(v, convention, unit, written_in)) for v in raw)
    if not isinstance(raw, str):
        raise OutputError(
            f"the value {raw!r} cannot be written in one cell of a tender workbook; "
            "keep this tender in YAML"
        ).speaks("book_value_not_cell", value=repr(raw)[:80])
    try:
        plain = str(canonical_value(raw, convention=written_in))
    except SpecError:
        return raw  # a word (lifetime, real, DKK): written as it is, the tender checks it
    number, _, own = plain.partition(" ")
    if not own.strip():  # a bare number: as the tender reads it, in the row's unit
        x = _float(number)
        return raw if x is None else _bare_in_row(x, unit)
    if own.strip() == unit and unit:
        return float(number)
    return in_number_format(plain, convention)


def _bare_in_row(x: float, unit: str) -> float | str:
    """A bare number of a tender as a number in the row's unit, as the tender reads it.

    A bare number for a rate is a fraction where that is unambiguous
    (``0.04`` is 4 %), so in a row in ``%`` it is written as the percentage;
    an ambiguous one (``4``) is written as it is, for the reader to take in the
    row's unit. Any other bare number is a number in the row's unit already.

    Examples
    --------
    >>> _bare_in_row(0.04, "%"), _bare_in_row(0.0167, "%/year"), _bare_in_row(4, "%")
    (4.0, 1.67, '4')
    >>> _bare_in_row(200, "")
    200
    """
    if not unit.startswith("%"):
        return x
    from decimal import Decimal

    from tco.errors import SpecError
    from tco.plan.values import rate_value

    try:
        fraction = rate_value(x)
    except SpecError:
        return f"{x:.15g}"
    if fraction is None:  # pragma: no cover - a number is always a rate or refused
        return f"{x:.15g}"
    return float(Decimal(repr(float(fraction))) * 100)


def _text(raw: Any, convention: str, unit: str, written_in: str | None) -> Any:
    from tco.errors import SpecError
    from tco.spec.form_text import in_number_format
    from tco.units import canonical_value

    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = _bare_in_row(raw, unit)
        return raw if isinstance(raw, str) else in_number_format(f"{raw:.15g}", convention)
    try:
        plain = str(canonical_value(str(raw), convention=written_in))
    except SpecError:
        return str(raw)
    x = _float(plain) if " " not in plain.strip() else None
    if x is not None:
        return _text(x, convention, unit, written_in)
    return in_number_format(plain, convention)


def _float(text: str) -> float | None:
    """The number a plain text is, or None for a word (``DKK``, ``lifetime``)."""
    try:
        return float(text)
    except ValueError:
        return None


def _stated(data: Mapping[str, Any]) -> str | None:
    """The number format the tender's own values are written in, if it states one."""
    from tco.spec.form_text import stated_number_format

    return stated_number_format(data)


def _basis_source(model: ProductModel, *keys: str) -> str:
    """Where a model's default comes from when a basis gives it: ``dk-mst-2024: discount_rate``."""
    for key in keys:
        ref = model.basis_refs.get(key)
        if ref:
            names = model.spec.basis
            basis = ", ".join(names) if isinstance(names, list) else names or "basis"
            year = f" ({ref['year']})" if ref.get("year") else ""
            return f"{basis}: {ref.get('basis')}{year}"
    return ""


def _field_rows(
    model: ProductModel, raw: Mapping[str, Any], currency: str, lang: str
) -> list[dict[str, Any]]:
    """One row per assumption field of the tender schema and per key of its mapping fields."""
    from tco.spec.schema import AssumptionsSpec

    words = section("tender workbook.", lang)
    own = raw.get("assumptions") if isinstance(raw.get("assumptions"), Mapping) else {}
    assert isinstance(own, Mapping)
    defaults = model.spec.assumptions.model_dump(exclude_defaults=True, by_alias=True)
    empty = AssumptionsSpec().model_dump()
    rows: list[dict[str, Any]] = []
    for name, info in AssumptionsSpec.model_fields.items():
        if name == "number_format":
            continue
        unit = FIELD_UNITS.get(name, "").format(cur=currency)
        choices = _choices(info.annotation)
        if "true" in choices:  # yes and no in the buyer's language (the reader takes both)
            choices = [words["yes"], words["no"]]
        if isinstance(empty.get(name), dict):  # a mapping field: one row per key
            keys: list[str] = []
            if name == "escalation":
                keys += list(model.escalation_groups) + list(model.spec.escalation)
            if name == "emission_prices":
                keys += sorted({s.spec.substance for s in model.emissions.values()} - {"co2e"})
            keys += list(defaults.get(name, {})) + list(own.get(name, {}) or {})
            for key in dict.fromkeys(keys):
                default = defaults.get(name, {}).get(key)
                if name == "escalation" and default is None:
                    default = model.spec.escalation.get(key)
                rows.append(
                    {
                        "key": f"assumptions.{name}.{key}",
                        "label": words.get(name, name).format(group=key),
                        "raw": (own.get(name) or {}).get(key),
                        "unit": unit,
                        "default": default,
                        "source": _basis_source(
                            model, f"assumptions.{name}.{key}", f"{name}.{key}"
                        ),
                        "range": "",
                    }
                )
            continue
        label = keyed(f"tender workbook field.{name}", lang) or name
        rows.append(
            {
                "key": f"assumptions.{name}",
                "label": label,
                "raw": own.get(name),
                "unit": unit,
                "default": defaults.get(name),
                "source": _basis_source(model, f"assumptions.{name}"),
                "range": words["choose"].format(choices=", ".join(choices)) if choices else "",
            }
        )
    return rows


def _choices(annotation: Any) -> list[str]:
    """The choices of a ``Literal`` field (``end, mid, begin``), or none."""
    import typing

    out: list[str] = []
    for arg in typing.get_args(annotation) or (annotation,):
        if typing.get_origin(arg) is typing.Literal:
            out += [str(a).lower() if isinstance(a, bool) else str(a) for a in typing.get_args(arg)]
        elif arg is bool:
            out += ["true", "false"]
    return out


def _shown(raw: Any, unit: str, lang: str) -> str:
    """A default as the buyer reads it: ``2,13`` in Danish (the unit is in its own column)."""
    from tco.views.inputs import in_unit

    if raw is None:
        return ""
    if isinstance(raw, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in raw.items())
    if isinstance(raw, list):
        return "; ".join(_shown(v, unit, lang) for v in raw)
    if unit:
        return in_unit(raw, unit, lang)
    return quantity_text(raw, lang) if not isinstance(raw, bool) else str(raw).lower()


def write_tender_workbook(
    source: ProductModel | Tender,
    path: str | Path,
    *,
    lang: str = "en",
    number_format: str | None = None,
    raw: Mapping[str, Any] | None = None,
) -> Path:
    """Write a tender workbook for a product model, or pre-filled from a tender.

    Parameters
    ----------
    source : ProductModel or Tender
        A model (blank assumptions, :data:`BLANK_BIDS` empty bid columns) or a
        tender (its assumptions, parameters and bids filled in).
    path : str or path
        The ``.xlsx`` file to write.
    lang : {"en", "da"}
        The workbook's language: sheet names, labels, units, messages.
    number_format : {"en", "da"}, optional
        The number convention of numbers typed as text; default: the tender's
        stated ``number_format``, else ``lang``.
    raw : mapping, optional
        The tender as written (its file's mapping), so that values keep their
        form (``{basis: NAME}``, a unit other than the model's); default: the
        checked tender's values.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    OutputError
        For a bad ``lang`` or ``number_format``, or a tender value that one
        cell cannot hold (a discount schedule by year band).

    Examples
    --------
    >>> import tco, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "udbud.xlsx"
    >>> write_tender_workbook(tco.load_model("indoor-lighting"), out, lang="da").name
    'udbud.xlsx'
    """
    from tco.spec.product import ProductModel

    if isinstance(source, ProductModel):
        model, tender, data = source, None, dict(raw or {})
    else:
        model, tender = source.model, source
        data = dict(raw) if raw is not None else source.spec.model_dump(exclude_defaults=True)
    stated = (data.get("assumptions") or {}).get("number_format")
    convention = form_convention(lang, number_format or stated)
    _check_carried(model, data)
    currency = tender.plan.currency if tender is not None else (model.currencies or ("DKK",))[0]
    openpyxl = require_openpyxl()
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = SHEETS["guide"][lang]
    _fill_guide(guide, lang)
    a_ws = wb.create_sheet(SHEETS["assumptions"][lang])
    _fill_assumptions(a_ws, model, data, currency, lang, convention)
    b_ws = wb.create_sheet(SHEETS["bids"][lang])
    _fill_bids(b_ws, model, data, lang, convention)
    wb.active = 1
    return save_workbook(wb, path)


#: The top-level keys of a tender the workbook holds (besides :data:`NOT_CARRIED`).
_CARRIED = ("model", "basis", "title", "description", "assumptions", "parameters", "bids")


def _check_carried(model: ProductModel, data: Mapping[str, Any]) -> None:
    """Refuse a tender with something the workbook would drop and the evaluation uses.

    A bid's ``quality`` points (for scoring) and :data:`NOT_CARRIED` sections do not
    change the evaluation and are left out; anything else unknown to the
    workbook (a bid's own key that is not a bid parameter) is refused rather than
    dropped, so that the workbook never ranks differently from its tender.
    """
    keep = {*model.bid_parameters, "name", "notes", "quality"}
    extra = [str(k) for k in data if k not in (*_CARRIED, *NOT_CARRIED)]
    for bid in data.get("bids") or []:
        if isinstance(bid, Mapping):
            extra += [f"bids.{k}" for k in bid if k not in keep]
    if extra:
        keys = ", ".join(dict.fromkeys(extra))
        raise OutputError(
            f"the tender has {keys}, which a tender workbook does not hold; keep this tender "
            "in YAML"
        ).speaks("book_not_carried", keys=keys)


def _fill_guide(ws: Any, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    for r, line in enumerate(section("tender workbook.", lang)["guide"].split("\n"), start=1):
        excel_text(ws.cell(row=r, column=1), line)
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        # a row tall enough for the wrapped line (about 85 characters a line)
        ws.row_dimensions[r].height = 15 * max(1, -(-len(line) // 85))
    ws["A1"].font = Font(bold=True, size=12)
    ws.column_dimensions["A"].width = 100
    _print_setup(ws)


def _print_setup(ws: Any) -> None:
    """Printed or saved as PDF: landscape, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _head(ws: Any, columns: Mapping[str, str], lang: str, title: str) -> None:
    from openpyxl.styles import Font, PatternFill

    words = section("tender workbook.", lang)
    ws["B1"] = words["title"]
    ws["B1"].font = Font(bold=True, size=12)
    ws["B2"] = words[title]
    grey = PatternFill("solid", fgColor="D9D9D9")
    for key, col in columns.items():
        cell = ws[f"{col}{HEAD_ROW}"]
        cell.value = words[key]
        cell.font = Font(bold=True)
        cell.fill = grey
    ws.freeze_panes = ws[f"C{HEAD_ROW + 1}"]
    # The ids (column A) are hidden in both languages: column B labels every row in the
    # buyer's language, and the reader checks each label against its id.
    ws.column_dimensions["A"].hidden = True


def _fill_assumptions(
    ws: Any,
    model: ProductModel,
    data: Mapping[str, Any],
    currency: str,
    lang: str,
    convention: str,
) -> None:
    stated = _stated(data)
    from openpyxl.styles import Alignment, PatternFill, Protection

    words = section("tender workbook.", lang)
    cols = ASSUMPTION_COLUMNS
    _head(ws, cols, lang, "assumptions")
    fill = PatternFill("solid", fgColor="FFF2CC")
    rows: list[dict[str, Any]] = []
    labels = {
        "model": words["model"],
        "title": words["tender title"],
        "description": words["tender description"],
        "basis": words["basis"],
    }
    for key in HEAD_KEYS:
        value = data.get(key)
        if key == "model":
            value = value if isinstance(value, str) else model.id
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        rows.append({"key": key, "label": labels[key], "text": value, "unit": ""})
    rows.append(
        {
            "key": "assumptions.number_format",
            "label": words["number_format"],
            "text": convention,
            "unit": "",
            "range": words["choose"].format(choices="da, en"),
        }
    )
    rows += _field_rows(model, data, currency, lang)
    own_params = data.get("parameters") if isinstance(data.get("parameters"), Mapping) else {}
    assert isinstance(own_params, Mapping)
    for name, p in model.parameters.items():
        if p.spec.bid:
            continue
        source = p.spec.source.get(lang) if p.spec.source else ""
        basis = _basis_source(model, f"parameters.{name}.default")
        if basis:
            source = f"{source} ({basis})".strip()
        lo, hi = bound_in_unit(model, name, "min"), bound_in_unit(model, name, "max")
        rows.append(
            {
                "key": f"parameters.{name}",
                "label": p.spec.label.get(lang) if p.spec.label else name,
                "raw": own_params.get(name),
                "unit": p.unit_text,
                "default": p.spec.default,
                "source": source,
                "range": range_text(lo, hi, unit_text(p.unit_text, lang), convention),
                "description": p.spec.description.get(lang) if p.spec.description else "",
            }
        )
    for n, row in enumerate(rows):
        r = HEAD_ROW + 1 + n
        excel_text(ws[f"{cols['key']}{r}"], row["key"])
        excel_text(ws[f"{cols['label']}{r}"], row["label"])
        value = ws[f"{cols['value']}{r}"]
        if "text" in row:
            if row["text"] is not None:
                excel_text(value, row["text"])
        else:
            v = _cell_value(row["raw"], convention, row["unit"], lang, stated)
            if isinstance(v, str):
                excel_text(value, v)
            elif v is not None:
                value.value = v
        value.number_format = "General"
        value.fill = fill
        value.protection = Protection(locked=False)
        if row["unit"]:
            excel_text(ws[f"{cols['unit']}{r}"], unit_text(row["unit"], lang))
        default = _shown(row.get("default"), row["unit"], lang)
        if default:
            excel_text(ws[f"{cols['default']}{r}"], default)
        said = words["tender value"] if row.get("raw") is not None else row.get("source")
        if said:
            excel_text(ws[f"{cols['source']}{r}"], said)
        if row.get("range"):
            excel_text(ws[f"{cols['range']}{r}"], row["range"])
        if row.get("description"):
            excel_text(ws[f"{cols['description']}{r}"], row["description"])
            ws[f"{cols['description']}{r}"].alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"A": 36, "B": 34, "C": 16, "D": 12, "E": 18, "F": 30, "G": 22, "H": 60}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    _print_setup(ws)


def _fill_bids(
    ws: Any, model: ProductModel, data: Mapping[str, Any], lang: str, convention: str
) -> None:
    stated = _stated(data)
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    words = section("tender workbook.", lang)
    _head(ws, BID_COLUMNS, lang, "bids")
    ws.freeze_panes = ws[f"{get_column_letter(FIRST_BID_COLUMN)}{NAME_ROW}"]
    fill = PatternFill("solid", fgColor="FFF2CC")
    bids = [b for b in (data.get("bids") or []) if isinstance(b, Mapping)]
    n_cols = max(len(bids), BLANK_BIDS if not bids else len(bids))
    first = get_column_letter(FIRST_BID_COLUMN)
    last = get_column_letter(FIRST_BID_COLUMN + n_cols - 1)
    for j in range(n_cols):
        col = get_column_letter(FIRST_BID_COLUMN + j)
        head = ws[f"{col}{HEAD_ROW}"]
        head.value = words["bid"].format(n=j + 1)
        head.font = Font(bold=True)
        head.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[col].width = 18
    excel_text(ws[f"A{NAME_ROW}"], "name")
    excel_text(ws[f"B{NAME_ROW}"], words["name"])
    excel_text(ws[f"A{NOTES_ROW}"], "notes")
    excel_text(ws[f"B{NOTES_ROW}"], words["notes"])
    params = list(model.bid_parameters)
    for i, name in enumerate(params):
        r = NOTES_ROW + 1 + i
        p = model.parameters[name]
        label = p.spec.label.get(lang) if p.spec.label else name
        excel_text(ws[f"A{r}"], name)
        excel_text(ws[f"B{r}"], label)
        if p.unit_text:
            excel_text(ws[f"C{r}"], unit_text(p.unit_text, lang))
        default = _shown(p.spec.default, p.unit_text, lang)
        if default:
            excel_text(ws[f"D{r}"], default)
        lo, hi = bound_in_unit(model, name, "min"), bound_in_unit(model, name, "max")
        shown = range_text(lo, hi, unit_text(p.unit_text, lang), convention)
        if shown:
            excel_text(ws[f"E{r}"], shown)
            if lo is not None and hi is not None:
                dv = DataValidation(type="decimal", operator="between", formula1=lo, formula2=hi)
            elif lo is not None:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=lo)
            else:
                dv = DataValidation(type="decimal", operator="lessThanOrEqual", formula1=hi)
            dv.allow_blank = True
            dv.showErrorMessage = True
            # A warning, not a stop: a value typed as text ('0,032 kW', '1.450 kr') or in
            # another unit than the range's is what the form asks for; tco checks it on reading.
            dv.errorStyle = "warning"
            dv.showInputMessage = True
            # Excel allows 32 characters in a title: the label in the buyer's language.
            dv.promptTitle = label[:32]
            dv.prompt = words["prompt"].format(range=shown)[:255]
            dv.errorTitle = words["error title"][:32]
            dv.error = words["error"].format(label=label, range=shown)[:225]
            ws.add_data_validation(dv)
            dv.add(f"{first}{r}:{last}{r}")
    for j in range(n_cols):
        col = get_column_letter(FIRST_BID_COLUMN + j)
        bid = bids[j] if j < len(bids) else {}
        for r in range(NAME_ROW, NOTES_ROW + 1 + len(params)):
            cell = ws[f"{col}{r}"]
            cell.fill = fill
            cell.number_format = "General"
            cell.protection = Protection(locked=False)
        if bid.get("name") is not None:
            excel_text(ws[f"{col}{NAME_ROW}"], str(bid["name"]))
        if bid.get("notes") is not None:
            excel_text(ws[f"{col}{NOTES_ROW}"], str(bid["notes"]))
        for i, name in enumerate(params):
            if bid.get(name) is None:
                continue
            unit = model.parameters[name].unit_text
            v = _cell_value(bid[name], convention, unit, lang, stated)
            cell = ws[f"{col}{NOTES_ROW + 1 + i}"]
            if isinstance(v, str):
                excel_text(cell, v)
            else:
                cell.value = v
    widths = {"A": 28, "B": 34, "C": 12, "D": 18, "E": 20}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    _print_setup(ws)


def tender_yaml(data: Mapping[str, Any]) -> str:
    """A tender mapping (read from a workbook) as YAML text.

    Supplier text stays text: every string is quoted where YAML would read it
    otherwise, and nothing but plain data is written.

    Examples
    --------
    >>> print(tender_yaml({"model": "van", "bids": [{"name": "yes", "price": "1 DKK"}]}), end="")
    model: van
    bids:
    - name: 'yes'
      price: 1 DKK
    """
    import yaml

    return str(yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=100))
