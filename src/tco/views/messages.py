"""The message catalogue: every word of every output, in English and Danish.

One entry per key: ``key: (English, Danish)``. Texts may hold ``{fields}`` that
the caller fills in (:func:`tco.views.i18n.text`). Keys starting ``report.``
are the award report's prose (HTML), ``cli.`` the command line's, ``sheet.``
the workbook's sheet names, ``group.`` and ``substance.`` escalation groups and
emitted substances of the bundled product models, ``pydantic.`` what a
file's value is refused for.

Examples
--------
>>> MESSAGES["year"]
('year', 'år')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

from tco.views.messages_analysis import ANALYSIS_MESSAGES
from tco.views.messages_basket import BASKET_MESSAGES
from tco.views.messages_catalogue import CATALOGUE_MESSAGES
from tco.views.messages_cli import ARGPARSE_MESSAGES, CLI_MESSAGES
from tco.views.messages_profiles import PROFILE_MESSAGES
from tco.views.messages_report import HEADER_MESSAGES, REPORT_MESSAGES, REPORT_PROSE_MESSAGES
from tco.views.messages_tables import CHART_MESSAGES, TABLE_MESSAGES

#: key -> (English, Danish), assembled from the topic modules in catalogue order
MESSAGES: dict[str, tuple[str, str]] = {
    **HEADER_MESSAGES,
    **ANALYSIS_MESSAGES,
    **REPORT_MESSAGES,
    **TABLE_MESSAGES,
    **CHART_MESSAGES,
    **CLI_MESSAGES,
    **ARGPARSE_MESSAGES,
    **BASKET_MESSAGES,
    **CATALOGUE_MESSAGES,
    **REPORT_PROSE_MESSAGES,
    **PROFILE_MESSAGES,
}
