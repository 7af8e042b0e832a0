"""The catalogue's messages of the batch API, the HTTP service and the language arguments.

Part of :data:`tco.views.error_messages.ERRORS`: a table of bids evaluated at
once (:mod:`tco.batch`, ids ``batch_*``), a request to ``tco serve``
(:mod:`tco.service`, ids ``service_*``, answered in the language of the
request's ``Accept-Language``) and a language or number format asked for by
name (``tco.set_language``, the form writers, ``tco.plot``).

Examples
--------
>>> API_ERRORS["batch_no_rows"]["da"]
'tabellen har ingen rækker'
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_BATCH: dict[str, dict[str, str]] = {
    "batch_group_dask": {
        "en": "a group column is not supported for a Dask DataFrame",
        "da": "en Dask DataFrame kan ikke deles i grupper efter en kolonne",
    },
    "batch_group_no_column": {
        "en": "the table has no column '{name}' to group by",
        "da": "tabellen har ingen kolonne '{name}' at dele i grupper efter",
    },
    "batch_no_parameter": {
        "en": (
            "no parameter '{name}'{hint} in model '{model}'; columns are parameters such as "
            "{names_list}"
        ),
        "da": (
            "modellen '{model}' har ingen parameter '{name}'{hint}; kolonnerne er parametre "
            "som {names_list}"
        ),
    },
    "batch_unit_is_value": {
        "en": "the unit '{unit}' of '{name}' holds a number; give the unit alone, as '{fix}'",
        "da": "enheden '{unit}' for '{name}' indeholder et tal; angiv enheden alene, som '{fix}'",
    },
    "batch_two_columns": {
        "en": "two columns give '{name}'",
        "da": "to kolonner angiver '{name}'",
    },
    "batch_column_and_parameter": {
        "en": "'{name}' is given both as a column and in parameters; give it once",
        "da": "'{name}' angives både som kolonne og under 'parameters'; angiv den én gang",
    },
    "batch_column_by_year": {
        "en": (
            "'{name}' has yearly values (by_year) and cannot vary per row; give it in parameters"
        ),
        "da": (
            "'{name}' har værdier år for år ('by_year') og kan ikke variere fra række til "
            "række; angiv den under 'parameters'"
        ),
    },
    "batch_not_numbers": {
        "en": "cannot read as numbers ({detail})",
        "da": "kolonnen kan ikke læses som tal",
    },
    "batch_column_shape": {
        "en": "has shape {shape}; every column needs one value per row",
        "da": "har formen {shape}; hver kolonne skal have én værdi pr. række",
    },
    "batch_missing_columns": {
        "en": "missing column for {names_list} (no default)",
        "da": "mangler en kolonne for {names_list} (ingen standardværdi)",
    },
    "batch_unit_not_fit": {
        "en": "unit '{unit}' does not fit '{name}'; expected {expected}",
        "da": "enheden '{unit}' passer ikke til '{name}'; forventede {expected}",
    },
    "batch_row_not_finite": {
        "en": "got '{value}', which is not a finite number",
        "da": "fik '{value}', som ikke er et endeligt tal",
    },
    "batch_row_below": {
        "en": "got '{value}', expected at least {bound_q}",
        "da": "fik '{value}', forventede mindst {bound_q}",
    },
    "batch_row_above": {
        "en": "got '{value}', expected at most {bound_q}",
        "da": "fik '{value}', forventede højst {bound_q}",
    },
    "batch_group_count": {
        "en": "got {groups_q} groups for {n_q} values; give one group per row",
        "da": "fik {groups_q} grupper til {n_q} værdier; angiv én gruppe pr. række",
    },
    "batch_no_rows": {"en": "the table has no rows", "da": "tabellen har ingen rækker"},
    "batch_not_finite": {
        "en": ("row {row} gives a non-finite cost (division by zero or overflow in a formula)"),
        "da": (
            "række {row} giver en uendelig eller ubestemt omkostning (division med nul eller "
            "et for stort tal i en formel)"
        ),
    },
}

_SERVICE: dict[str, dict[str, str]] = {
    "service_not_found": {"en": "Not Found", "da": "adressen findes ikke"},
    "service_method": {
        "en": "Method Not Allowed",
        "da": "adressen tillader ikke denne HTTP-metode (GET eller POST)",
    },
    "service_http_status": {"en": "{detail}", "da": "HTTP-fejl {status} ('{detail}')"},
    "serve_cors_origin": {
        "en": "'{given}' is not a browser origin; give a scheme and host, such as "
        "https://intranet.example",
        "da": "'{given}' er ikke en browser-oprindelse; angiv skema og vært, fx "
        "https://intranet.example",
    },
    "service_cors_refused": {
        "en": "the browser's request is not allowed here ({what})",
        "da": "browserens forespørgsel er ikke tilladt her ({what}); se tco serve --cors-origin",
    },
    "service_method_allow": {
        "en": "{method} is not allowed at {where}; use {methods_list}",
        "da": "metoden {method} er ikke tilladt på {where}; brug {methods_list}",
    },
    "service_invalid_request": {
        "en": "invalid request: {detail}",
        "da": "ugyldig forespørgsel; se tjenestens beskrivelse (GET /openapi.json)",
    },
    "service_media_type": {
        "en": "cannot read a body of type '{media}'",
        "da": "kan ikke læse en forespørgsel af typen '{media}'; send {types_list}",
    },
    "service_body_too_big": {
        "en": "the body is {size_q} bytes; the service reads at most {cap_q} bytes",
        "da": "forespørgslen er på {size_q} byte; tjenesten læser højst {cap_q} byte",
    },
    "service_timeout": {
        "en": (
            "the request took longer than the service's limit of {limit_q}; send fewer bids, "
            "samples or rows"
        ),
        "da": (
            "beregningen tog længere end tjenestens grænse på {limit_q}; send færre tilbud, "
            "stikprøver eller rækker"
        ),
    },
    "service_no_model": {
        "en": "no bundled model '{name}'",
        "da": "der er ingen medfølgende model '{name}'; se listen med GET /models",
    },
    "service_no_schema": {
        "en": "no schema '{kind}'",
        "da": "der er intet skema '{kind}'; vælg et af {kinds_list}",
    },
    "service_batch_no_model": {
        "en": (
            "no bundled model '{name}'; give a bundled model's id (GET /models) or the model inline"
        ),
        "da": (
            "der er ingen medfølgende model '{name}'; angiv id'et på en medfølgende model "
            "(GET /models) eller selve modellen"
        ),
    },
    "service_not_number": {
        "en": "got {shown}, expected a number in the column's unit",
        "da": "fik {shown}, forventede et tal i kolonnens enhed",
    },
    "service_not_finite": {
        "en": "the value is not finite",
        "da": "værdien er ikke et endeligt tal",
    },
    "service_too_many_rows": {
        "en": "{n_q} rows; the service evaluates at most {cap_q} per request",
        "da": "{n_q} rækker; tjenesten beregner højst {cap_q} pr. forespørgsel",
    },
    "service_no_rows": {"en": "no rows", "da": "ingen rækker"},
    "service_row_object": {
        "en": "each row is an object",
        "da": "hver række skal være et JSON-objekt med nøgler og værdier",
    },
    "service_row_keys": {
        "en": "every row has the keys of the first row",
        "da": "hver række skal have samme nøgler som den første række: {keys_list}",
    },
    "service_csv_utf8": {
        "en": "the CSV body is not UTF-8",
        "da": "CSV-teksten er ikke kodet som UTF-8",
    },
    "service_needs_pyarrow": {
        "en": "Arrow bodies need pyarrow on the server",
        "da": "en forespørgsel i Arrow-format kræver pyarrow på serveren",
    },
    "service_not_arrow": {
        "en": "not an Arrow IPC stream: {detail}",
        "da": "forespørgslen er ikke en læsbar Arrow IPC-strøm",
    },
    "service_batch_key": {
        "en": "unknown key '{name}'{hint}; a batch request has the keys {keys_list}",
        "da": "ukendt nøgle '{name}'{hint}; en batch-forespørgsel har nøglerne {keys_list}",
    },
    "service_rows_list": {
        "en": "give the rows as a list",
        "da": "angiv rækkerne som en liste",
    },
    "service_too_deep": {
        "en": "the body is nested deeper than {cap_q}",
        "da": "forespørgslen er indlejret dybere end {cap_q} niveauer",
    },
    "service_too_many_values": {
        "en": "the body is too many values",
        "da": "forespørgslen indeholder for mange værdier",
    },
    "service_nested_too_deeply": {
        "en": "the body is nested too deeply",
        "da": "forespørgslen er indlejret for dybt (højst {cap_q} niveauer)",
    },
    "service_long_number": {
        "en": "the body holds a number with more than {digits_q} digits",
        "da": (
            "forespørgslen indeholder et tal med mere end {digits_q} cifre; skriv tal af "
            "almindelig størrelse med deres enhed, som '1450 DKK'"
        ),
    },
    "service_not_json": {
        "en": "the body is not valid JSON: {detail}",
        "da": "forespørgslen er ikke gyldig JSON (linje {line}, kolonne {column})",
    },
    "service_not_json_text": {
        "en": "the body is not valid JSON: {detail}",
        "da": "forespørgslen er ikke gyldig JSON (teksten kan ikke læses som UTF-8)",
    },
    "service_not_object": {
        "en": "the body must be a JSON object (a tender)",
        "da": "forespørgslen skal være et JSON-objekt (et udbud)",
    },
    "service_tender_model": {
        "en": (
            "no bundled model '{name}'{hint}; the service takes a bundled model's id or the "
            "model itself as a mapping, never a file"
        ),
        "da": (
            "der er ingen medfølgende model '{name}'{hint}; tjenesten tager id'et på en "
            "medfølgende model eller selve modellen, aldrig en fil"
        ),
    },
    "service_query_whole": {
        "en": "got '{value}' for the query parameter '{name}'",
        "da": "fik '{value}' for forespørgslens parameter '{name}'; forventede et helt tal",
    },
    "service_query_number": {
        "en": "got '{value}' for the query parameter '{name}'",
        "da": "fik '{value}' for forespørgslens parameter '{name}'; forventede et tal",
    },
    "service_query_finite": {
        "en": "'{name}' must be finite",
        "da": "'{name}' skal være et endeligt tal",
    },
    "service_baseline": {
        "en": "give the baseline bid as ?baseline=NAME",
        "da": "angiv referencetilbuddet som '?baseline=NAVN'",
    },
    "service_difference": {
        "en": "give two bids: ?difference=A&difference=B",
        "da": "angiv to tilbud: '?difference=A&difference=B'",
    },
    "service_samples": {
        "en": "{n_q} samples; the service draws at most {cap_q} per request",
        "da": "{n_q} stikprøver; tjenesten trækker højst {cap_q} pr. forespørgsel",
    },
    "service_sample_cells": {
        "en": (
            "{n_q} samples x {bids_q} bids; the service holds at most {cap_q} sampled totals "
            "per request"
        ),
        "da": (
            "{n_q} stikprøver x {bids_q} tilbud; tjenesten rummer højst {cap_q} beregnede "
            "totaler pr. forespørgsel"
        ),
    },
}

_VIEWS: dict[str, dict[str, str]] = {
    "unknown_language": {
        "en": "got language {shown}, expected one of {langs_list}",
        "da": "fik sproget {shown}, forventede et af {langs_list}",
    },
    "lang_argument": {
        "en": "got lang={shown}, expected one of {langs_list}",
        "da": "fik lang={shown}, forventede et af {langs_list}",
    },
    "number_format_argument": {
        "en": "got number_format={shown}, expected 'en' or 'da'",
        "da": "fik {shown} som talformat ('number_format'), forventede 'en' eller 'da'",
    },
    "chart_kind": {
        "en": "unknown chart kind {shown}; expected one of {kinds_list}",
        "da": "ukendt diagramtype {shown}; forventede en af {kinds_list}",
    },
}

#: message id -> language -> template
API_ERRORS: dict[str, dict[str, str]] = {**_BATCH, **_SERVICE, **_VIEWS}

#: The service under load and hostile clients: a full queue, a lost worker, slow or
#: oversized requests, bodies that say one thing twice or hide their size.
_SERVICE_HELD: dict[str, dict[str, str]] = {
    "service_internal": {
        "en": "the service failed to answer this request; the failure is in the server's log",
        "da": "tjenesten kunne ikke besvare forespørgslen; fejlen står i serverens log",
    },
    "service_busy": {
        "en": "the service is busy ({why}); try again in {retry_q} s",
        "da": "tjenesten har travlt ({why_da}); prøv igen om {retry_q} s",
    },
    "service_worker_lost": {
        "en": "the worker computing this request stopped; it was replaced, send the request again",
        "da": (
            "den proces, der beregnede forespørgslen, stoppede; den er erstattet, send "
            "forespørgslen igen"
        ),
    },
    "service_body_slow": {
        "en": "the body was not received within {limit_q}",
        "da": "forespørgslens indhold blev ikke modtaget inden for {limit_q}",
    },
    "service_head_slow": {
        "en": "the request's line and headers were not received within {limit_q}",
        "da": "forespørgslens første linje og felter blev ikke modtaget inden for {limit_q}",
    },
    "service_head_too_big": {
        "en": "the request's line and headers are over {cap_q} bytes",
        "da": "forespørgslens første linje og felter fylder mere end {cap_q} byte",
    },
    "service_bad_http": {
        "en": "the request is not valid HTTP/1.1",
        "da": "forespørgslen er ikke gyldig HTTP/1.1",
    },
    "service_too_many_connections": {
        "en": "the service has {cap_q} open connections, its most; try again in {retry_q} s",
        "da": "tjenesten har {cap_q} åbne forbindelser, sit maksimum; prøv igen om {retry_q} s",
    },
    "service_duplicate_key": {
        "en": "the key '{name}' appears twice in one object; give each key once",
        "da": "nøglen '{name}' står to gange i samme objekt; angiv hver nøgle én gang",
    },
    "service_csv_duplicate": {
        "en": "the column '{name}' appears twice in the header; give each column once",
        "da": "kolonnen '{name}' står to gange i overskriften; angiv hver kolonne én gang",
    },
    "service_csv_cell": {
        "en": "a cell on line {line_q} is over {cap_q} characters",
        "da": "en celle på linje {line_q} er længere end {cap_q} tegn",
    },
    "service_csv_unreadable": {
        "en": "the CSV body cannot be read on line {line_q}: {detail}",
        "da": "CSV-teksten kan ikke læses på linje {line_q}",
    },
    "service_arrow_rows": {
        "en": "the Arrow stream declares {n_q} rows; the service evaluates at most {cap_q}",
        "da": "Arrow-strømmen angiver {n_q} rækker; tjenesten beregner højst {cap_q}",
    },
    "service_arrow_bytes": {
        "en": "the Arrow stream unpacks to over {cap_q} bytes",
        "da": "Arrow-strømmen fylder mere end {cap_q} byte, når den pakkes ud",
    },
    "service_arrow_column": {
        "en": "the Arrow column '{name}' is of type {type}; send numbers, and text for 'name'",
        "da": "Arrow-kolonnen '{name}' har typen {type}; send tal, og tekst i 'name'",
    },
    "service_arrow_invalid": {
        "en": "the Arrow stream is not consistent: {detail}",
        "da": "Arrow-strømmen hænger ikke sammen (forskydninger eller længder uden for data)",
    },
}
API_ERRORS.update(_SERVICE_HELD)
