"""The shapes of a basis file, and the stamp a result keeps of a basis it used.

:class:`BasisSpec` checks a basis file as written (``docs/bases.md``): each
value with the key of its source and its edition, and the values the
published material does not give. :class:`BasisStamp` is what a result
records of a basis. :mod:`tco.spec.basis` loads bases and re-exports these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tco.errors import suggest

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BasisValue(_Strict):
    """One value of a basis, with its source and edition."""

    value: Any = None
    by_year: dict[int, str | float] | None = None
    interpolation: Literal["linear", "step"] = "linear"
    source: str = Field(min_length=1)
    edition: str = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> BasisValue:
        if (self.value is None) == (self.by_year is None):
            raise ValueError("give exactly one of 'value' and 'by_year'")
        if self.by_year is not None and len(self.by_year) < 1:
            raise ValueError("'by_year' needs at least one year")
        return self


class Missing(_Strict):
    """A value the published material does not give (or that could not be seen).

    ``name`` and ``note`` are English text, or ``{en: ..., da: ...}`` (the Danish
    text is then ``name_da``, ``note_da``).
    """

    name: str
    note: str
    name_da: str | None = None
    note_da: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _in_languages(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("name", "note"):
                if isinstance(data.get(key), dict):
                    said = data[key]
                    data = {**data, key: said.get("en"), f"{key}_da": said.get("da")}
        return data

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` (English where there is no Danish one)."""
        return self.name_da if lang == "da" and self.name_da else self.name

    def note_in(self, lang: str) -> str:
        """The note in ``lang`` (English where there is no Danish one)."""
        return self.note_da if lang == "da" and self.note_da else self.note


class BasisSpec(_Strict):
    """A basis file as written (see ``docs/bases.md``)."""

    id: str
    title: dict[str, str]
    publisher: str
    edition: str
    description: dict[str, str] | None = None
    externalities: Literal["award", "report"] | None = None
    sources: dict[str, str]
    values: dict[str, BasisValue]
    missing: list[Missing] = Field(default_factory=list)

    @field_validator("title", "description", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return {"en": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _sources_known(self) -> BasisSpec:
        for name, v in self.values.items():
            if v.source not in self.sources:
                raise ValueError(
                    f"value '{name}' cites source '{v.source}', which is not under 'sources'"
                    f"{suggest(v.source, self.sources)}"
                )
        return self


@dataclass(frozen=True)
class BasisStamp:
    """What a result records of a basis it used: name, edition and sources.

    Attributes
    ----------
    id, title, publisher, edition : str
    sources : tuple of str
        The full text of every source the basis cites.
    title_da : str
        The Danish title, where the basis has one.
    """

    id: str
    title: str
    publisher: str
    edition: str
    sources: tuple[str, ...]
    title_da: str = ""

    def title_in(self, lang: str | None) -> str:
        """The title in ``lang`` (English where there is no Danish one)."""
        return self.title_da if lang == "da" and self.title_da else self.title

    def to_dict(self) -> dict[str, Any]:
        """As plain data (for JSON)."""
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "edition": self.edition,
            "sources": list(self.sources),
        }
