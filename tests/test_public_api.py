"""The public API is pinned: a change to it is deliberate, made here and in the docs together.

The public API is ``tco.__all__``, the subpackage entry points (``tco.analysis``,
``tco.batch``, ...) and the modules the API reference renders (``::: module`` in
``docs/api/*.md``, with their ``members:`` where a page lists them). Every other
module is internal: its ``__all__`` is empty, or names only what it re-exports
for tco's own modules.

When this test fails, either undo the change to the API, or, if it is meant,
update ``PUBLIC`` below (and the CHANGELOG): ``python tests/test_public_api.py``
prints the surface as it is now.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import tco

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "tco"

#: The packages and modules whose ``__all__`` is their public API, documented or not.
ENTRY_POINTS = (
    "tco",
    "tco.analysis",
    "tco.basket",
    "tco.batch",
    "tco.cli",
    "tco.errors",
    "tco.limits",
    "tco.plan",
    "tco.result",
    "tco.service",
    "tco.units",
)

PUBLIC: dict[str, tuple[str, ...]] = {
    "tco": (
        "AnalysisError",
        "Basket",
        "BasketResult",
        "BatchEvaluator",
        "CurrencyError",
        "ExpressionError",
        "JSONError",
        "LimitError",
        "ModelNotFoundError",
        "ProductModel",
        "Result",
        "SpecError",
        "SpecErrors",
        "TCOError",
        "Tender",
        "UnitError",
        "YAMLError",
        "__version__",
        "annuity_factor",
        "bundled_examples",
        "bundled_models",
        "crossings",
        "discount_factors",
        "equivalent_annual_cost",
        "escalation_index",
        "evaluate_batch",
        "example_path",
        "get_language",
        "load_basket",
        "load_model",
        "load_tender",
        "present_value",
        "set_language",
        "ureg",
        "write_report",
        "write_workbook",
    ),
    "tco.analysis": (
        "AbatementCost",
        "BaselineComparison",
        "DifferenceSummary",
        "Distribution",
        "FollowUp",
        "METHODS",
        "MonteCarloResult",
        "Portfolio",
        "ScenarioTable",
        "ScoreTable",
        "SwitchingValue",
        "Tornado",
        "TornadoBar",
        "Uncertainty",
        "abatement_cost",
        "compare_to_baseline",
        "conversion_price",
        "difference_at",
        "follow_up",
        "input_names",
        "monte_carlo",
        "pareto_front",
        "parse_uncertainty",
        "portfolio",
        "price_points",
        "scenarios",
        "score",
        "sensitivity",
        "switching_value",
    ),
    "tco.analysis.abatement": ("AbatementCost", "REASONS", "abatement_cost", "pareto_front"),
    "tco.analysis.baseline": (
        "BaselineComparison",
        "INVESTMENT_CATEGORIES",
        "adjusted_irr",
        "compare_to_baseline",
        "payback_year",
        "savings_to_investment",
    ),
    "tco.analysis.distributions": ("Distribution", "KINDS", "gaussian_copula"),
    "tco.analysis.followup": ("FollowUp", "follow_up"),
    "tco.analysis.followup_file": ("Clause", "FollowUpFile", "bid_value", "read_follow_up"),
    "tco.analysis.montecarlo": ("DifferenceSummary", "MAX_ROWS", "MonteCarloResult", "monte_carlo"),
    "tco.analysis.oneway": ("ScenarioTable", "Tornado", "TornadoBar", "scenarios", "sensitivity"),
    "tco.analysis.portfolio": (
        "COLUMNS",
        "Portfolio",
        "Problem",
        "portfolio",
        "portfolio_of",
        "tender_row",
    ),
    "tco.analysis.profiles": (
        "GRID",
        "ProfileTable",
        "SHARE_TOLERANCE",
        "WEIGHT_RULES",
        "profile_weights",
        "profiles",
    ),
    "tco.analysis.scoring": (
        "METHODS",
        "ScoreTable",
        "conversion_price",
        "price_points",
        "score",
        "weighted_score",
    ),
    "tco.analysis.switching": (
        "GRID",
        "ITERATIONS",
        "SwitchingValue",
        "difference_at",
        "switching_value",
    ),
    "tco.basket": (
        "Basket",
        "BasketLine",
        "BasketResult",
        "basket_example_path",
        "basket_examples",
        "basket_from_data",
        "basket_lines",
        "basket_lines_of",
        "load_basket",
    ),
    "tco.batch": ("BatchEvaluator", "evaluate_batch"),
    "tco.batch.dask": ("evaluate_dask", "model_mapping", "output_columns"),
    "tco.batch.evaluator": ("BatchEvaluator",),
    "tco.batch.groups": ("group_codes", "rank_within_groups"),
    "tco.cli": ("EXIT_USER_ERROR", "main"),
    "tco.engine.discounting": (
        "ANNUALISE_AT",
        "AnnualiseAt",
        "Array",
        "Discount",
        "TIMINGS",
        "TIMING_SHIFT",
        "Timing",
        "annual_escalation",
        "annualising_rate",
        "annuity_factor",
        "at_instant",
        "discount_factors",
        "escalation_index",
        "fisher_real_rate",
        "schedule_discount_factors",
        "stream_escalation",
        "stream_timing",
        "year_axis",
    ),
    "tco.engine.flows": ("occurrences", "residual_credit", "stream_flows"),
    "tco.engine.metrics": ("equivalent_annual_cost", "present_value", "rank"),
    "tco.engine.pv": (
        "Stream",
        "quantity_scale",
        "stream_present_value",
        "weighted_amounts",
        "weighted_occurrences",
        "weighted_periodic",
    ),
    "tco.engine.rows": (
        "Residual",
        "amount_in_year",
        "last_unit",
        "residual_rule",
        "residual_terms",
        "residual_value",
        "take_rows",
        "take_years",
    ),
    "tco.engine.timeline": (
        "annual_escalation",
        "annual_occurrences",
        "annuity_factor",
        "at_instant",
        "bid_escalation_index",
        "discount_factors",
        "end_of_life_occurrences",
        "escalation_index",
        "event_occurrences",
        "fisher_real_rate",
        "periodic_occurrences",
        "schedule_discount_factors",
        "start_of_life_occurrences",
    ),
    "tco.errors": (
        "AnalysisError",
        "CurrencyError",
        "ExpressionError",
        "FileError",
        "FormError",
        "LimitError",
        "MissingExtraError",
        "ModelNotFoundError",
        "OutputError",
        "RequestError",
        "ServiceError",
        "SpecError",
        "SpecErrors",
        "TCOError",
        "UnitError",
        "YAMLError",
        "format_path",
        "suggest",
        "suggest_name",
    ),
    "tco.io.forms": (
        "COLUMNS",
        "CONTACT_CELL",
        "CONVENTIONS",
        "CVR_ROW",
        "DATE_CELL",
        "FORMAT_CELL",
        "FormCell",
        "FormData",
        "FormLimitError",
        "FormRow",
        "HEAD_ROW",
        "MODEL_CELL",
        "NAME_ROW",
        "NOTES_ROW",
        "SHEETS",
        "check_form_archive",
        "form_data",
        "read_form_data",
    ),
    "tco.io.xlsx": ("FormLimitError", "check_form_archive", "hidden_rows_and_columns"),
    "tco.limits": (
        "MAX_ALIASES",
        "MAX_BIDS",
        "MAX_BYTES",
        "MAX_CELLS",
        "MAX_CHART_BIDS",
        "MAX_DEPTH",
        "MAX_FORMULA_DEPTH",
        "MAX_FORMULA_LENGTH",
        "MAX_FORM_BYTES",
        "MAX_FORM_ELEMENTS",
        "MAX_FORM_MEMBERS",
        "MAX_FORM_MEMBER_BYTES",
        "MAX_FORM_RATIO",
        "MAX_FORM_ROWS",
        "MAX_FORM_UNPACKED",
        "MAX_LINES",
        "MAX_MC_CELLS",
        "MAX_MC_DRAWS",
        "MAX_NODES",
        "MAX_PERIOD",
        "MAX_PROFILE_WEIGHT",
        "MAX_SAMPLES",
        "MAX_UNIT_DEPTH",
        "MAX_UNIT_EXPONENT",
        "MAX_UNIT_FACTORS",
        "MAX_VALUE_LENGTH",
        "MAX_WORKBOOK_BIDS",
        "MAX_WORKBOOK_CELLS",
        "SERVICE_BODY_TIMEOUT",
        "SERVICE_HEADER_TIMEOUT",
        "SERVICE_KEEP_ALIVE",
        "SERVICE_MAX_ARROW_BYTES",
        "SERVICE_MAX_BODY",
        "SERVICE_MAX_CELL",
        "SERVICE_MAX_CONNECTIONS",
        "SERVICE_MAX_HEADER",
        "SERVICE_MAX_ROWS",
        "SERVICE_MAX_SAMPLES",
        "SERVICE_MAX_SAMPLE_CELLS",
        "SERVICE_MAX_TENDERS",
        "SERVICE_QUEUE",
        "SERVICE_QUEUE_WAIT",
        "SERVICE_TIMEOUT",
        "check_monte_carlo",
        "check_result_size",
        "check_samples",
    ),
    "tco.plan": ("MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream", "compile_plan", "rebuild_plan"),
    "tco.plan.arrays": ("MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream"),
    "tco.plan.compiler": ("compile_plan",),
    "tco.plan.product": (
        "Formula",
        "PlanModel",
        "PlanParameter",
        "StatedAssumptions",
        "StreamFormulas",
    ),
    "tco.result": (
        "RankedBid",
        "Result",
        "ResultAxes",
        "YearlyFlows",
        "result_frame",
        "summary_rows",
    ),
    "tco.service": ("serve",),
    "tco.service.app": ("create_app", "language", "openapi_text", "read_body"),
    "tco.service.batch": ("batch_document", "run_batch"),
    "tco.service.jobs": ("parse_body", "tender_from"),
    "tco.service.openapi": ("component_name", "openapi_document"),
    "tco.service.pool": ("JobTimeout", "PoolBusy", "WorkerLost", "WorkerPool"),
    "tco.service.routes": (
        "BODIES",
        "Body",
        "Parameter",
        "ROUTES",
        "Route",
        "example_tender",
        "file_schemas",
        "route_named",
        "run",
    ),
    "tco.service.routes_more": (
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
    ),
    "tco.service.steady": ("steady_office",),
    "tco.spec.form_text": (
        "FormBid",
        "for_form",
        "in_number_format",
        "shown_text",
        "stated_number_format",
    ),
    "tco.spec.forms": (
        "FormBid",
        "form_bid",
        "front_format",
        "in_number_format",
        "shown_text",
        "stated_number_format",
    ),
    "tco.units": (
        "CURRENCIES",
        "DimensionalityError",
        "Quantity",
        "Unit",
        "base_factor",
        "base_magnitude",
        "canonical_value",
        "convert_currency",
        "currencies_of",
        "describe",
        "parse_quantity",
        "parse_unit",
        "parse_value",
        "plain_number",
        "plan_factor",
        "plan_magnitude",
        "quantity",
        "show_quantity",
        "show_unit",
        "to_base",
        "to_plan",
        "unit",
        "ureg",
    ),
    "tco.units.grammar": (
        "DANISH_MONEY",
        "UnitProblem",
        "hint_for",
        "lookup",
        "parse_unit_text",
        "resolve_name",
    ),
    "tco.units.registry": (
        "CURRENCIES",
        "YEAR_S",
        "base_factor",
        "convert_currency",
        "currencies_of",
        "from_names",
        "names_of",
        "plan_factor",
        "plan_unit",
        "quantity",
        "registry",
        "show_quantity",
        "show_unit",
        "to_base",
        "to_plan",
        "unit",
    ),
    "tco.units.values": (
        "ambiguous_in_bounds",
        "base_magnitude",
        "canonical_value",
        "parse_quantity",
        "parse_unit",
        "parse_value",
        "plan_magnitude",
        "refusal_text",
    ),
    "tco.views.abatement": ("abatement_chart", "abatement_html", "abatement_table", "align"),
    "tco.views.annex": (
        "AnnexDocument",
        "Bullets",
        "Formula",
        "Para",
        "Section",
        "Table",
        "annex_html",
        "annex_language",
        "annex_tender",
        "build_annex",
        "illustrative_bid",
        "localise",
        "number",
        "units_text",
        "write_annex",
        "write_annex_document",
    ),
    "tco.views.annex_document": (
        "AnnexDocument",
        "Block",
        "Bullets",
        "Formula",
        "Para",
        "Section",
        "Table",
        "localise",
        "number",
        "short_number",
    ),
    "tco.views.annex_math": ("formula_mathml", "formula_text", "formula_words"),
    "tco.views.catalogue": ("model_section", "render_catalogue", "write_catalogue"),
    "tco.views.contract": (
        "ErrorRecord",
        "KINDS",
        "SCHEMA_VERSION",
        "output_schema",
        "output_schema_text",
    ),
    "tco.views.curves": (
        "Crossing",
        "crossings",
        "cumulative_discounted",
        "cumulative_steps",
        "find_crossings",
        "one_off_items",
    ),
    "tco.views.documents": (
        "analysis_document",
        "dumps",
        "error_document",
        "error_records",
        "models_document",
        "result_document",
        "validation_document",
    ),
    "tco.views.errors": ("FormError", "OutputError"),
    "tco.views.figures": (
        "LINE_COLOURS",
        "RANK_COLOURS",
        "bid_colours",
        "can_draw",
        "figure",
        "figure_img",
        "figure_png",
        "money_formatter",
        "new_axes",
        "notebook_classes",
        "save_figure",
        "stacked_bars",
    ),
    "tco.views.fingerprint": ("basket_fingerprint", "fingerprint", "sha256_file"),
    "tco.views.followup": ("followup_chart", "followup_table", "write_followup_workbook"),
    "tco.views.form": (
        "SHEET",
        "bound_in_unit",
        "fill_form_sheet",
        "form_convention",
        "load_tender_with_forms",
        "range_text",
        "read_form",
        "write_form",
    ),
    "tco.views.frame": ("cash_flow_frame", "wide_frame"),
    "tco.views.html": (
        "PAGE_STYLE",
        "STYLE",
        "assumption_rows",
        "html_table",
        "rate_text",
        "result_html",
        "tender_html",
    ),
    "tco.views.live_workbook": ("excel_formula", "live_cells", "live_sheet"),
    "tco.views.plot": (
        "KINDS",
        "breakdown",
        "cumulative",
        "emissions",
        "overview",
        "plot",
        "save_figure",
    ),
    "tco.views.plot_analysis": ("distribution", "montecarlo_figure", "rank_chart", "tornado"),
    "tco.views.portfolio": (
        "portfolio_chart",
        "portfolio_csv",
        "portfolio_document",
        "portfolio_table",
        "write_parquet",
    ),
    "tco.views.progress": ("ProgressBar",),
    "tco.views.report": ("method_items", "method_statement", "report_html", "write_report"),
    "tco.views.schema": (
        "KINDS",
        "SCHEMA_ID",
        "UNIT_SPELLINGS",
        "bid_schema",
        "buyer_parameters_schema",
        "json_schema",
        "schema_text",
        "tender_schema",
        "unit_pattern",
    ),
    "tco.views.workbook": (
        "SHEETS",
        "assumption_values",
        "check_workbook_size",
        "method_rows",
        "number_format",
        "parameter_rows",
        "sheet_names",
        "summary_columns",
        "workbook_cells",
        "write_workbook",
    ),
}


def documented() -> dict[str, list[str] | None]:
    """Each module the API reference renders, with the members its page lists (or None)."""
    out: dict[str, list[str] | None] = {}
    for page in sorted((ROOT / "docs" / "api").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"^::: (tco[\w.]*)\n((?:    .*\n)*)", text, re.M):
            options = m.group(2)
            inline = re.search(r"members:\s*\[([^\]]*)\]", options)
            listed = re.findall(r"^\s+- (\w+)$", options, re.M)
            members = [x.strip() for x in inline.group(1).split(",")] if inline else listed
            out.setdefault(m.group(1), members or None)
    return out


def surface() -> dict[str, tuple[str, ...]]:
    """The public API as it is now: module -> its public names, sorted."""
    docs = documented()
    out = {}
    for name in sorted(set(docs) | set(ENTRY_POINTS)):
        module = importlib.import_module(name)
        members = None if name in ENTRY_POINTS else docs.get(name)
        out[name] = tuple(sorted(members or getattr(module, "__all__", ())))
    return out


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__")


def exports(path: Path) -> tuple[list[str], set[str]]:
    """A module's ``__all__`` (as written) and the names it defines itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    listed: list[str] = []
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                defined.add(target.id)
                if target.id == "__all__" and isinstance(node.value, (ast.List, ast.Tuple)):
                    listed = [ast.literal_eval(e) for e in node.value.elts]
    return listed, defined


def test_the_public_api_is_the_pinned_one() -> None:
    now = surface()
    added = {m: sorted(set(now.get(m, ())) - set(PUBLIC.get(m, ()))) for m in now}
    removed = {m: sorted(set(PUBLIC[m]) - set(now.get(m, ()))) for m in PUBLIC}
    assert not {m: n for m, n in added.items() if n}, "public names added (update PUBLIC)"
    assert not {m: n for m, n in removed.items() if n}, "public names removed (update PUBLIC)"
    assert sorted(now) == sorted(PUBLIC), "public modules differ (docs/api or ENTRY_POINTS)"


def test_every_public_name_is_there() -> None:
    for name, names in PUBLIC.items():
        module = importlib.import_module(name)
        missing = [n for n in names if not hasattr(module, n)]
        assert not missing, f"{name} lists names it does not have: {missing}"


def test_the_api_page_of_tco_shows_only_exported_names() -> None:
    shown = documented()["tco"] or []
    assert shown, "docs/api/tco.md lists the members it shows"
    assert set(shown) <= set(tco.__all__), sorted(set(shown) - set(tco.__all__))


def test_internal_modules_export_nothing_of_their_own() -> None:
    # An internal module's __all__ is empty, or names only what it imports from another
    # module for tco's own callers (a re-export), never a name it defines.
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        name = module_name(path)
        if name in PUBLIC:
            continue
        listed, defined = exports(path)
        own = sorted(set(listed) & (defined - {"__all__"}))
        if own:
            offenders[name] = own
    assert not offenders, (
        "internal modules export names of their own; empty their __all__ "
        f"(`__all__: list[str] = []`) or document the module in docs/api: {offenders}"
    )


if __name__ == "__main__":
    for name, names in surface().items():
        print(f"    {name!r}: {names!r},")
