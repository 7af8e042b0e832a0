"""pandas, matplotlib and openpyxl stay optional: imported only when used."""

from __future__ import annotations

import subprocess
import sys


def test_loading_evaluating_and_showing_import_no_optional_package() -> None:
    code = """
import sys
import tco
import tco.cli.compare, tco.views.form, tco.views.frame, tco.views.html, tco.views.plot
import tco.views.report, tco.views.schema, tco.views.workbook
t = tco.load_tender(tco.example_path("indoor-lighting"))
r = t.evaluate()
repr(r), r._repr_html_(), t._repr_html_()
print(sorted(m for m in ("pandas", "matplotlib", "openpyxl") if m in sys.modules))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "[]"


def test_charts_use_the_agg_canvas() -> None:
    import tco

    r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    fig = r.plot("breakdown").figure
    assert type(fig.canvas).__name__ == "FigureCanvasAgg"
