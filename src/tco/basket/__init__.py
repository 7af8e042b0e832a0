"""Basket tenders: several product lines per bid, ranked on the basket's total.

Framework agreements and assortment tenders award one supplier a basket: 40
A4 printers and 6 A3 printers, a fleet of cars and vans. The buyer states the
lines and their expected quantities; each bid offers one product per line
(its values of the line model's bid parameters)::

    model: printer
    assumptions: {currency: DKK, discount_rate: 4 %, period: 5 year}
    lines:
      - {name: A4 devices, quantity: 40}
      - {name: A3 devices, quantity: 6, parameters: {pages_per_year: 60000 page/year}}
    bids:
      - name: Supplier X
        lines:
          A4 devices: {price: 9800 DKK, ...}
          A3 devices: {price: 21000 DKK, ...}

Each line is a tender of its own (the basket's assumptions with the line's
quantity, the basket's parameters with the line's on top, one bid per
supplier), checked and compiled on its own; the engine then evaluates every
line and bid in one vectorised pass, the lines' plans stacked as the rows of
one plan (:func:`tco.evaluate.evaluate_plans`; lines of models with other
cost items in a pass of their own). The basket's cost of a bid is the sum
over its lines. Bids are ranked on the basket.
"""

from tco.basket.load import (
    Basket,
    BasketLine,
    basket_example_path,
    basket_examples,
    basket_from_data,
    basket_lines,
    basket_lines_of,
    load_basket,
)
from tco.basket.result import BasketResult

__all__ = [
    "Basket",
    "BasketLine",
    "BasketResult",
    "basket_example_path",
    "basket_examples",
    "basket_from_data",
    "basket_lines",
    "basket_lines_of",
    "load_basket",
]
