from __future__ import annotations

import io

import tco
from tco.analysis import monte_carlo
from tco.views.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_on_a_terminal_and_clears_the_line() -> None:
    out = Terminal()
    bar = ProgressBar("run", stream=out, min_seconds=0, width=4)
    bar(1, 4)
    bar(4, 4)
    assert out.getvalue() == "\rrun [#...]  25 %\rrun [####] 100 %"
    bar.close()
    assert out.getvalue().endswith("\r" + " " * 17 + "\r")


def test_silent_when_not_a_terminal_or_quick() -> None:
    piped = io.StringIO()
    bar = ProgressBar("run", stream=piped, min_seconds=0)
    bar(1, 2)
    bar.close()
    assert piped.getvalue() == ""
    quick = Terminal()
    bar = ProgressBar("run", stream=quick, min_seconds=60)
    bar(1, 2)
    assert quick.getvalue() == ""


def test_monte_carlo_reports_progress_up_to_the_sample_count() -> None:
    calls: list[tuple[int, int]] = []
    tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    monte_carlo(
        tender, samples=500, seed=1, progress=lambda done, total: calls.append((done, total))
    )
    assert calls and calls[-1] == (500, 500)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
