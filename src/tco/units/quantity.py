"""A quantity: a magnitude (a float, or a numpy array) in a :class:`~tco.units.algebra.Unit`.

Only what tco does with quantities: ``*``, ``/``, ``**``, ``+`` and ``-`` of
one dimension, :meth:`Quantity.to`, :meth:`Quantity.to_base_units`,
comparisons and the dimension. The behaviour is
pint's (tco used pint quantities before), and so are ``repr`` and the short
format ``f"{q.units:~}"``; conversions multiply by factors taken from pint.

Examples
--------
>>> q = Quantity(2.5, "kWh/year")
>>> q
<Quantity(2.5, 'kilowatt_hour / year')>
>>> q.to("W").magnitude
0.28519279032626055
>>> (Quantity(38.0, "W") * Quantity(3000.0, "h/year")).to("kWh/year").magnitude
114.0
"""

from __future__ import annotations

from typing import Any

from tco.units.algebra import (
    DIMENSIONLESS,
    Dimensionality,
    DimensionalityError,
    Unit,
    base_unit,
    unit,
)

__all__ = ["Quantity"]


def _as_unit(units: Any) -> Unit:
    """A unit from a Unit, a Quantity (its unit), pint-style text or ``None`` (no unit)."""
    if isinstance(units, Unit):
        return units
    if isinstance(units, Quantity):
        return units.units
    if units is None:
        return DIMENSIONLESS
    if isinstance(units, str):
        return unit(units)
    raise TypeError(f"not a unit: {units!r}")


class Quantity:
    """A magnitude in a unit.

    Parameters
    ----------
    value : float or numpy.ndarray
        The magnitude.
    units : Unit or str, optional
        The unit, as a :class:`~tco.units.algebra.Unit` or pint-style text
        (``"DKK/year"``); a plain number without one.
    """

    __slots__ = ("magnitude", "units")

    def __init__(self, value: Any = 1.0, units: Any = None) -> None:
        self.magnitude: Any = value
        self.units: Unit = _as_unit(units)

    @property
    def dimensionality(self) -> Dimensionality:
        """The dimension of the unit."""
        return self.units.dimensionality

    @property
    def dimensionless(self) -> bool:
        """Whether the quantity is a plain number (``4 %``, ``3000 h/year``)."""
        return not self.units.dimensionality

    def unit_items(self) -> list[tuple[str, int | float]]:
        """The named units and their powers (``[('kilowatt_hour', 1), ('year', -1)]``)."""
        return self.units.items()

    def _base(self) -> Any:
        u = self.units
        return self.magnitude * u.factor + u.offset if u.offset else self.magnitude * u.factor

    def to(self, other: Any) -> Quantity:
        """The same quantity in another unit of its dimension.

        Raises
        ------
        DimensionalityError
            If the dimensions differ.
        """
        target = _as_unit(other)
        if target == self.units:
            return Quantity(self.magnitude, target)
        if target.dimensionality != self.units.dimensionality:
            raise DimensionalityError(
                f"cannot convert from '{self.units}' ({self.units.dimensionality}) "
                f"to '{target}' ({target.dimensionality})"
            )
        if self.units.offset or target.offset:
            return Quantity((self._base() - target.offset) / target.factor, target)
        return Quantity(self.magnitude * (self.units.factor / target.factor), target)

    def to_base_units(self) -> Quantity:
        """The same quantity in base units (SI, one base per currency)."""
        return Quantity(self._base(), base_unit(self.units.dimensionality))

    def _plain(self) -> Quantity:
        """An offset quantity in base units before arithmetic (pint's autoconversion)."""
        return self.to_base_units() if self.units.offset else self

    def __mul__(self, other: Any) -> Quantity:
        a = self._plain()
        if isinstance(other, Quantity):
            b = other._plain()
            return Quantity(a.magnitude * b.magnitude, a.units * b.units)
        if isinstance(other, Unit):
            return Quantity(a.magnitude, a.units * other)
        return Quantity(a.magnitude * other, a.units)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Quantity:
        a = self._plain()
        if isinstance(other, Quantity):
            b = other._plain()
            return Quantity(a.magnitude / b.magnitude, a.units / b.units)
        if isinstance(other, Unit):
            return Quantity(a.magnitude, a.units / other)
        return Quantity(a.magnitude / other, a.units)

    def __rtruediv__(self, other: Any) -> Quantity:
        a = self._plain()
        return Quantity(other / a.magnitude, a.units**-1)

    def __pow__(self, power: float) -> Quantity:
        a = self._plain()
        return Quantity(a.magnitude**power, a.units**power)

    def __neg__(self) -> Quantity:
        return Quantity(-self.magnitude, self.units)

    def __abs__(self) -> Quantity:
        return Quantity(abs(self.magnitude), self.units)

    def _other(self, other: Any) -> Any:
        """The magnitude of ``other`` in this quantity's unit."""
        if isinstance(other, Quantity):
            return other.to(self.units).magnitude
        if self.dimensionless:
            return Quantity(other).to(self.units).magnitude
        raise DimensionalityError(f"cannot combine '{self.units}' with the plain number {other!r}")

    def __add__(self, other: Any) -> Quantity:
        return Quantity(self.magnitude + self._other(other), self.units)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Quantity:
        return Quantity(self.magnitude - self._other(other), self.units)

    def __rsub__(self, other: Any) -> Quantity:
        return Quantity(self._other(other) - self.magnitude, self.units)

    def __eq__(self, other: object) -> Any:
        if not isinstance(other, Quantity) and not self.dimensionless:
            return False
        try:
            return self.magnitude == self._other(other)
        except DimensionalityError:
            return False

    def __hash__(self) -> int:
        return hash((self.dimensionality, float(self._base())))

    def __lt__(self, other: Any) -> Any:
        return self.magnitude < self._other(other)

    def __le__(self, other: Any) -> Any:
        return self.magnitude <= self._other(other)

    def __gt__(self, other: Any) -> Any:
        return self.magnitude > self._other(other)

    def __ge__(self, other: Any) -> Any:
        return self.magnitude >= self._other(other)

    def __float__(self) -> float:
        if not self.dimensionless:
            raise DimensionalityError(f"'{self.units}' is not a plain number")
        return float(self.to(DIMENSIONLESS).magnitude)

    def __repr__(self) -> str:
        m = self.magnitude
        shown = f"{m:.9}" if isinstance(m, float) else f"{m}"
        return f"<Quantity({shown}, '{repr(self.units)[7:-3]}')>"

    def __str__(self) -> str:
        return f"{self.magnitude} {self.units}"

    def __format__(self, spec: str) -> str:
        if "~" in spec:
            return f"{self.magnitude} {self.units:~}".rstrip()
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Quantity, (self.magnitude, self.units))
