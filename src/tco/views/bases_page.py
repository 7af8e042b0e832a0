"""The bases page (``docs/bases.md``): every basis, its edition, values, sources and gaps."""

from __future__ import annotations

import json

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_INTRO = """\
# Bases: versioned official data

A **basis** is a named, dated set of official assumptions: a discount schedule, energy
prices, emission factors, a CO2 price. Each value carries the key of its source and its
edition; what the published material does not give (or what could not be seen in it) is
listed as *not found*, never filled in. The files are in `bases/` and ship with tco;
`tco bases` lists them, `tco bases NAME` shows one.

## Using a basis

```yaml
model: passenger-car
basis: dk-fm-2021            # or a list: [dk-mst-2021, dk-fm-2021], later ones win
assumptions:
  discount_rate: 3 %         # a single value of the tender still wins over the basis
parameters:
  electricity_price: {basis: electricity_price}   # a reference, looked up in the tender's bases
```

- A tender **selects** bases with `basis:`. The basis values `discount_rate` and `co2_price`
  become the tender's assumptions unless the tender states them; a basis may also state the
  externalities rule of its tool (`externalities: report` or `award`).
- Anywhere a value goes (a parameter default in a model, an assumption, an escalation, a
  tender parameter), `{basis: NAME}` stands for the value `NAME` of the file's own bases
  (the model's `basis` for a model, the tender's for a tender).
- A value given by calendar year is referred to with the calendar year of the first year of
  use, `{basis: NAME, from: 2026}` (a path, one value per year), or one year,
  `{basis: NAME, year: 2025}`. Between listed years values are interpolated linearly
  (or held, for `interpolation: step`).
- A model's references follow the tender: when the tender selects a basis that has a value
  of the same name, the model's default becomes that value. So `basis: dk-fm-2021` on a
  vehicle tender replaces the Danish EPA tool's 4 % by the Ministry of Finance schedule.
- The bases used (the model's, then the tender's) are stamped in the result
  (`Result.bases`), its JSON (`"bases"`), the workbook's assumptions sheet and the award
  report's method statement: name, edition and sources.
- A basis's `title` and `description`, and the `name` and `note` of a value not found, are
  English text or `{en: ..., da: ...}`; `tco bases --lang da` shows the Danish ones, with
  Danish numbers.

## The bases
"""


def bases_markdown() -> str:
    """The text of ``docs/bases.md``, generated from the bundled bases.

    Examples
    --------
    >>> "## dk-fm-2021" in bases_markdown()
    True
    """
    from tco.spec.basis import bundled_bases, load_basis

    out = [_INTRO]
    for name in sorted(bundled_bases()):
        s = load_basis(name).spec
        out.append(f"\n## {s.id}\n\n**{s.title.get('en', s.id)}**. {s.publisher}; ")
        out.append(f"edition {s.edition}.\n\n")
        if s.description:
            out.append(" ".join(s.description.get("en", "").split()) + "\n\n")
        if s.externalities:
            out.append(f"Externalities rule of the tool: `{s.externalities}`.\n\n")
        out.append("| value | | source | edition |\n|---|---|---|---|\n")
        for key, v in s.values.items():
            if v.by_year is not None:
                shown = ", ".join(f"{y}: {x}" for y, x in sorted(v.by_year.items()))
            elif isinstance(v.value, str):
                shown = v.value
            else:
                shown = json.dumps(v.value, ensure_ascii=False)
            if len(shown) > 90:
                shown = shown[:87] + "…"
            out.append(f"| `{key}` | {shown.replace('|', '/')} | {v.source} | {v.edition} |\n")
        out.append("\n**Not given** in the published material:")
        if s.missing:
            out.append("\n\n")
            for m in s.missing:
                out.append(f"- *{m.name}*: {' '.join(m.note.split())}\n")
        else:
            out.append(" nothing.\n")
        out.append("\nSources:\n\n")
        for key, text in s.sources.items():
            out.append(f"- `{key}`: {' '.join(text.split())}\n")
    return "".join(out)
