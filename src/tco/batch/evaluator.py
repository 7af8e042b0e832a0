"""Evaluate one product model over a table of items: a catalogue, a sample.

A tender compares a handful of bids; a catalogue or a Monte Carlo sample has
a million rows. :func:`evaluate_batch` takes the rows as a table with one
column per parameter (a pandas or polars DataFrame, a pyarrow Table or a
mapping of column name to array), the units once per column, and the
tender's assumptions, and returns the present value, annualised cost,
category totals and emissions of every row as columns. The numbers are those
of :meth:`tco.Tender.evaluate` for the same inputs.

Totals need no yearly cash flows: each stream of the rows is priced by the
engine's one driver, as a tender's are (:mod:`tco.batch.sums`); the
amounts are the model's formulas evaluated on the columns, kept as products
so that memory grows with rows times streams, not rows times years. Yearly
cash flows are built only on request (:meth:`BatchEvaluator.result`).

Examples
--------
>>> import numpy as np
>>> import tco
>>> out = tco.evaluate_batch(
...     "indoor-lighting",
...     {"price": [1450.0, 1100.0], "power": [32.0, 41.0], "rated_life": [50.0, 35.0]},
...     units={"price": "DKK", "power": "W", "rated_life": "kh"},
...     assumptions={"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"},
... )
>>> sorted(out)[:4]
['acquisition', 'annualised', 'co2e_kg', 'externalities']
>>> out["total"].round(-2)
array([ 878500., 1045800.])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import Columns
from tco.batch.rows import Prepared, row_streams
from tco.batch.rows import prepare as prepare_rows
from tco.batch.sums import row_totals
from tco.batch.tables import wrap
from tco.batch.template import Template
from tco.result import Result
from tco.spec.product import ProductModel, load_model
from tco.spec.schema import AssumptionsSpec

__all__ = ["BatchEvaluator"]

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (B,)


class BatchEvaluator:
    """One product model and one set of assumptions, applied to tables of items.

    Parameters
    ----------
    model : str, path, mapping or ProductModel
        A bundled model's id, a model file, a model mapping or a loaded model.
    assumptions : mapping or AssumptionsSpec, optional
        The tender's ``assumptions`` (currency, discount rate, period,
        quantity, escalation, CO2 price, ...). The model's own defaults apply
        where not given.
    parameters : mapping, optional
        The tender's ``parameters``: the buyer's values of the model's
        non-bid parameters, the same for every row.
    units : mapping of str to str, optional
        Unit of each column (``{"power": "W"}``). A column may also carry its
        unit in its name (``"power [W]"``); otherwise it is in the
        parameter's declared unit.
    basis : str or list of str, optional
        Bases of official data for every row, as a tender's ``basis:``
        (``docs/bases.md``): their discount rate, CO2 price and the values the
        model refers to, unless the assumptions or parameters state them.

    Notes
    -----
    A column names a parameter of the model: each bid parameter, and any
    buyer parameter that should vary per row (operating hours sampled in a
    Monte Carlo study, say). Bid parameters with a default may be left out.
    Parameters with yearly values (``by_year``) cannot be columns.

    Examples
    --------
    >>> ev = BatchEvaluator("indoor-lighting", {"period": "15 year"})
    >>> out = ev.evaluate({"price [DKK]": [1450.0], "power [W]": [32.0],
    ...                    "rated_life [h]": [50000.0]})
    >>> out["total"].round(2)
    array([4176.58])
    """

    def __init__(
        self,
        model: str | Path | Mapping[str, Any] | ProductModel,
        assumptions: Mapping[str, Any] | AssumptionsSpec | None = None,
        parameters: Mapping[str, Any] | None = None,
        *,
        units: Mapping[str, str] | None = None,
        basis: str | Sequence[str] | None = None,
    ) -> None:
        self.model = model if isinstance(model, ProductModel) else load_model(model)
        if isinstance(assumptions, AssumptionsSpec):
            assumptions = assumptions.model_dump(exclude_defaults=True)
        self.assumptions: dict[str, Any] = dict(assumptions or {})
        self.parameters: dict[str, Any] = dict(parameters or {})
        self.units: dict[str, str] = dict(units or {})
        # Checks the shape of the assumptions and parameters once.
        self.template = Template(self.model, self.assumptions, self.parameters, basis)
        self.columns = Columns(self.model, self.units, self.parameters)

    def _prepare(self, table: Any) -> Prepared:
        return prepare_rows(table, self.columns, self.template)

    def arrays(self, table: Any, *, by_item: bool = False) -> dict[str, NDArray[Any]]:
        """Evaluate every row; return columns as numpy arrays.

        Parameters
        ----------
        table : DataFrame, pyarrow Table or mapping of str to array_like
            One row per item, one column per parameter.
        by_item : bool
            Also return the present value of each cost item, as
            ``pv_<item>``.

        Returns
        -------
        dict of str to ndarray, shape (B,)
            ``total`` (present value the award ranks: priced externalities
            included unless the rule is ``report``) [currency],
            ``total_excl_externalities`` and ``total_incl_externalities``
            [currency],
            ``annualised`` [currency/year], ``period`` [year], one column per
            cost category that occurs [currency] and ``<substance>_kg`` per
            emitted substance [kg].
        """
        return row_totals(self._prepare(table), by_item=by_item)

    def evaluate(self, table: Any, *, by_item: bool = False) -> Any:
        """Evaluate every row; return the columns in the kind of table given.

        A pandas DataFrame gives a pandas DataFrame (with the same index), a
        polars DataFrame a polars DataFrame, a pyarrow Table a pyarrow Table,
        and a mapping a dict of numpy arrays (see :meth:`arrays`).
        """
        return wrap(table, self.arrays(table, by_item=by_item))

    def result(self, table: Any) -> Result:
        """Evaluate every row with yearly cash flows, as a :class:`~tco.result.Result`.

        The rows are the result's bids (named by the row labels). Memory grows
        with rows times items times years: use it for slices of a catalogue.

        Examples
        --------
        >>> ev = BatchEvaluator("indoor-lighting", {"period": "15 year"})
        >>> r = ev.result({"price": [1450.0], "power": [32.0], "rated_life": [50000.0]})
        >>> r.real.shape
        (1, 2, 16)
        """
        from tco.evaluate import evaluate_plan

        prep = self._prepare(table)
        plan, n = prep.plan, prep.n
        streams = row_streams(prep)

        def full(v: Value | None) -> Array | None:
            return None if v is None else np.broadcast_to(np.asarray(v, np.float64), (n,)).copy()

        def rows(ps: Any) -> Any:
            rs = streams[id(ps)]
            return replace(
                ps, amount=rs.full(n), when=full(rs.when), start=full(rs.start), stop=full(rs.stop)
            )

        labels = range(n) if prep.rows is None else prep.rows
        values = {
            k: v if v.ndim == 2 else np.broadcast_to(v[:1], (n,)).copy()
            for k, v in plan.values.items()
        }
        values.update({k: np.asarray(prep.env[k], dtype=np.float64) for k in prep.env.raw})
        values.pop("period", None)
        batch = replace(
            plan,
            bids=tuple(str(x) for x in labels),
            period=np.asarray(full(prep.period)),
            lifetime=full(prep.lifetime),
            items=tuple(rows(ps) for ps in plan.items),
            emissions=tuple(rows(ps) for ps in plan.emissions),
            values=values,
        )
        assert batch.T == prep.T
        return evaluate_plan(batch)
