"""The analyser interface and registry.

An analyser is a class registered under a versioned name (``quotes.v1``). It declares the
earlier results it needs (``requires``), its result model (``Result``) and a config model
whose defaults work. ``run(article, doc, context)`` returns one ``Result`` and changes
neither the article nor the doc. Models load lazily and are cached on the instance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, cast

from pydantic import BaseModel, Field, ValidationError
from typing_extensions import TypeVar

from ..document import Article
from ..errors import AnalyserError, InputError, UnknownAnalyserError
from ..languages import language_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ENGLISH",
    "AnalyserFailure",
    "AnalyserSkip",
    "Analyser",
    "AnalysisContext",
    "Profile",
    "Registry",
    "registry",
    "register",
]

Profile = Literal["fast", "accurate", "best"]
T = TypeVar("T")
ENGLISH = frozenset({"en"})


class EmptyConfig(BaseModel):
    pass


ResultT = TypeVar("ResultT", bound=BaseModel)
ConfigT = TypeVar("ConfigT", bound=BaseModel, default=EmptyConfig)


class AnalyserFailure(BaseModel):
    analyser: str
    error: str


SkipReason = Literal["unsupported_language", "required_analyser_not_run"]


class AnalyserSkip(BaseModel):
    """An analyser that was not run on this article, and why (not a failure)."""

    analyser: str
    reason: SkipReason = Field(
        description="unsupported_language: its model does not read the article's language; "
        "required_analyser_not_run: an analyser it needs was not run."
    )
    language: str | None = Field(None, description="The article's language (ISO 639-1).")
    message: str = Field(description="The reason in plain words, e.g. 'not run: English-only model; ...'.")


@dataclass
class AnalysisContext:
    """What one article's analysers share besides the article and the Doc.

    ``results`` holds the results of the analysers that ran before (read them, never
    change them); ``memo`` caches per-article work shared by several analysers, such as
    one encoder pass; ``resources`` holds pipeline-wide loaded models shared by analysers.
    """

    profile: Profile = "accurate"
    results: Mapping[str, BaseModel] = field(default_factory=dict)
    resources: dict[str, Any] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute once per article; later calls with the same key get the same value."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def resource(self, key: str, load: Callable[[], T]) -> T:
        """Load once per pipeline (e.g. an encoder) and share it between analysers."""
        if key not in self.resources:
            self.resources[key] = load()
        return cast(T, self.resources[key])


class Analyser(Generic[ResultT, ConfigT]):
    """Base class. Subclasses set ``name``, ``version``, ``Result`` (and ``Config``) and implement ``run``.

    Generic in the result and the config: ``Analyser[QuotesResult, QuotesConfig]``; the config
    defaults to ``EmptyConfig``.
    """

    name: ClassVar[str]
    version: ClassVar[int] = 1
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    after: ClassVar[tuple[str, ...]] = ()  # optional: run after these when they are selected too
    uses_doc: ClassVar[bool] = True
    # The languages (ISO 639-1) its models read; None = any. Not run on an article in another language.
    languages: ClassVar[frozenset[str] | None] = None
    Result: type[ResultT]
    Config: type[ConfigT] = EmptyConfig  # type: ignore[assignment]  # the default when ConfigT is not given

    def __init__(self, config: ConfigT | Mapping[str, Any] | None = None, *, profile: Profile = "accurate") -> None:
        self.config: ConfigT = self._config(config or {}) if config is None or isinstance(config, Mapping) else config
        self.profile: Profile = profile

    @classmethod
    def display_title(cls) -> str:
        """What every view calls it: its `title`, or its name capitalised when it has none."""
        return cls.title or cls.name.title()

    @classmethod
    def _config(cls, settings: Mapping[str, Any]) -> ConfigT:
        """The settings as the config model; a misspelt or invalid setting is bad input, not ignored."""
        unknown = sorted(set(settings) - set(cls.Config.model_fields))
        if unknown:
            known = ", ".join(cls.Config.model_fields) or "none"
            raise InputError(f"{cls.name}: unknown setting(s) {', '.join(unknown)} (settings: {known})")
        try:
            return cls.Config(**settings)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise InputError(f"{cls.name}: {problems}") from None

    @classmethod
    def registered_name(cls) -> str:
        return f"{cls.name}.v{cls.version}"

    @classmethod
    def reads(cls, language: str | None) -> bool:
        """Whether it runs on an article in `language` (an undetermined language is let through)."""
        return cls.languages is None or language is None or language in cls.languages

    @classmethod
    def language_skip(cls, language: str) -> AnalyserSkip:
        supported = " and ".join(sorted(language_name(code) for code in cls.languages or ()))
        model = f"{supported}-only model" if cls.languages and len(cls.languages) == 1 else f"{supported} model"
        return AnalyserSkip(
            analyser=cls.name,
            reason="unsupported_language",
            language=language,
            message=f"not run: {model}; this article is {language_name(language)}",
        )

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> ResultT:
        raise NotImplementedError

    def run_batch(self, items: Iterable[tuple[Article, Doc, AnalysisContext]]) -> list[ResultT]:
        return [self.run(article, doc, context) for article, doc, context in items]

    def __call__(self, article: Article, doc: Doc, context: AnalysisContext) -> ResultT:
        """Run with the checks the loop owns: wrap failures and check the result type."""
        try:
            result = self.run(article, doc, context)
        except AnalyserError:
            raise
        except Exception as exc:  # an analyser bug must not stop the batch
            raise AnalyserError(self.name, f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(result, self.Result):
            raise AnalyserError(self.name, f"returned {type(result).__name__}, expected {self.Result.__name__}")
        return result


class Registry:
    """Analysers by versioned name. ``get('quotes')`` gives the newest version."""

    ENTRY_POINT_GROUP = "newsprobe.analysers"
    # The built-in analyser packages, imported on first use, in the report's order.
    BUILTINS = ("entities", "provenance", "quotes", "claims", "propaganda")

    def __init__(self, builtins: Iterable[str] = BUILTINS) -> None:
        self._classes: dict[str, type[Analyser[Any, Any]]] = {}
        self._builtins = tuple(builtins)
        self._plugins_loaded = False

    def add(self, cls: type[Analyser[Any, Any]]) -> type[Analyser[Any, Any]]:
        self._classes[cls.registered_name()] = cls
        return cls

    def names(self) -> list[str]:
        """Plain names (newest versions), in registration order."""
        self._load_plugins()
        seen: dict[str, None] = {}
        for cls in self._classes.values():
            seen.setdefault(cls.name, None)
        order = {name: index for index, name in enumerate(self._builtins)}
        return sorted(seen, key=lambda name: order.get(name, len(order)))

    def get(self, name: str) -> type[Analyser[Any, Any]]:
        self._load_plugins()
        if name in self._classes:
            return self._classes[name]
        versions = [cls for cls in self._classes.values() if cls.name == name]
        if not versions:
            known = ", ".join(self.names())
            raise UnknownAnalyserError(f"unknown analyser {name!r} (known: {known})")
        return max(versions, key=lambda cls: cls.version)

    def resolve(self, names: Iterable[str] | None) -> list[type[Analyser[Any, Any]]]:
        """The classes to run, with their requirements added, in dependency order."""
        wanted = list(names) if names is not None else self.names()
        selected = {self.get(name).name for name in wanted}
        ordered: list[type[Analyser[Any, Any]]] = []

        def visit(name: str, chain: tuple[str, ...]) -> None:
            cls = self.get(name)
            if cls in ordered:
                return
            if cls.name in chain:
                raise UnknownAnalyserError(f"analysers require each other in a cycle: {' -> '.join(chain)}")
            for required in cls.requires:
                visit(required, (*chain, cls.name))
            for earlier in cls.after:
                if earlier in selected:
                    visit(earlier, (*chain, cls.name))
            ordered.append(cls)

        for name in wanted:
            visit(name, ())
        return ordered

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for name in self._builtins:
            import_module(f"newsprobe.analyse.{name}")
        for entry in entry_points(group=self.ENTRY_POINT_GROUP):
            self.add(entry.load())


registry = Registry()


def register(cls: type[Analyser[Any, Any]]) -> type[Analyser[Any, Any]]:
    """Class decorator: add an analyser to the default registry."""
    return registry.add(cls)
