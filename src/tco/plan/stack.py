"""Several plans of one product model as the rows of one plan.

A basket tender compiles one plan per product line (its quantity and its
parameters). Lines whose plans have the same streams (always so for lines of
one product model) are stacked as the rows of one plan and evaluated in one
pass of the engine (row ``j * B + b`` is bid ``b`` on line ``j``). Plans
whose streams, study horizon, discounting or prices differ cannot share a
pass: :func:`stack_key` tells them apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from tco.plan.arrays import Plan, PlanStream

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


def _stream_key(s: PlanStream) -> Hashable:
    return (
        s.name,
        s.category,
        s.timing,
        s.per_unit,
        s.residual,
        s.residual_rule,
        s.escalation_group,
        s.substance,
        s.when is None,
        s.start is None,
        s.stop is None,
        s.escalation.tobytes(),
        s.discounting,
    )


def stack_key(plan: Plan) -> Hashable:
    """What plans must share to be stacked: streams, horizon, discounting and prices.

    Two product models with the same streams (a car and a van model, say) stack.

    Examples
    --------
    >>> import tco
    >>> p = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> stack_key(p) == stack_key(p)
    True
    """
    d_event, d_annual = plan.discount_factors()
    return (
        plan.T,
        plan.lifetime is None,
        plan.residual_value,
        plan.residual_share,
        plan.externalities,
        d_event.tobytes(),
        d_annual.tobytes(),
        tuple(sorted((k, v.tobytes()) for k, v in plan.emission_prices.items())),
        tuple(map(_stream_key, plan.items)),
        tuple(map(_stream_key, plan.emissions)),
    )


def _rows(parts: Sequence[Array | None], sizes: Sequence[int], T: int) -> Array | None:
    """Concatenate per-row arrays; a ``(B,)`` amount beside a ``(B, T + 1)`` gets a year axis."""
    if parts[0] is None:
        return None
    arrays = [np.asarray(p, dtype=np.float64) for p in parts]
    if any(a.ndim == 2 for a in arrays):
        shapes = [(n, T + 1) for n in sizes]
        arrays = [
            np.broadcast_to(a if a.ndim == 2 else np.reshape(a, (-1, 1)), shape)
            for a, shape in zip(arrays, shapes, strict=True)
        ]
    else:
        arrays = [np.broadcast_to(a, (n,)) for a, n in zip(arrays, sizes, strict=True)]
    return np.concatenate(arrays, axis=0)


def _stack_streams(
    groups: Sequence[tuple[PlanStream, ...]], sizes: Sequence[int], T: int
) -> tuple[PlanStream, ...]:
    out = []
    for streams in zip(*groups, strict=True):
        amount = _rows([s.amount for s in streams], sizes, T)
        assert amount is not None
        out.append(
            replace(
                streams[0],
                amount=amount,
                escalation=streams[0].escalation
                if streams[0].escalation.ndim == 1
                else np.concatenate([s.escalation for s in streams], axis=0),
                when=_rows([s.when for s in streams], sizes, T),
                start=_rows([s.start for s in streams], sizes, T),
                stop=_rows([s.stop for s in streams], sizes, T),
            )
        )
    return tuple(out)


def stack_plans(plans: Sequence[Plan], *, grouped: bool = False) -> tuple[Plan, Array]:
    """One plan whose rows are the rows of ``plans``, and the quantity of each row.

    Parameters
    ----------
    plans : sequence of Plan
        Plans with equal :func:`stack_key`, of ``B_j`` rows each.
    grouped : bool
        The caller grouped the plans by :func:`stack_key` already: not computed again.

    Returns
    -------
    plan : Plan
        With ``sum B_j`` rows, plan ``j``'s rows after those of plan ``j - 1``.
        Its ``quantity`` is the first plan's; use the per-row quantities.
    quantity : ndarray, shape (sum B_j,)
        Each row's quantity (its plan's).

    Raises
    ------
    ValueError
        If the plans cannot share a pass (their :func:`stack_key` differ).

    Examples
    --------
    >>> import tco
    >>> p = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> both, q = stack_plans([p, p])
    >>> both.n_bids, q.tolist()
    (6, [200.0, 200.0, 200.0, 200.0, 200.0, 200.0])
    """
    if not plans:
        raise ValueError("no plans to stack")
    first = plans[0]
    key = None if grouped else stack_key(first)
    if key is not None and any(stack_key(p) != key for p in plans[1:]):
        raise ValueError("these plans do not share streams, horizon, discounting and prices")
    T = first.T
    sizes = [p.n_bids for p in plans]
    lifetime = None if first.lifetime is None else _rows([p.lifetime for p in plans], sizes, T)
    period = _rows([p.period for p in plans], sizes, T)
    assert period is not None
    quantity = np.concatenate([np.full(p.n_bids, float(p.quantity)) for p in plans])
    plan = replace(
        first,
        bids=tuple(b for p in plans for b in p.bids),
        period=period,
        lifetime=lifetime,
        items=_stack_streams([p.items for p in plans], sizes, T),
        emissions=_stack_streams([p.emissions for p in plans], sizes, T),
        values={},
    )
    return plan, quantity
