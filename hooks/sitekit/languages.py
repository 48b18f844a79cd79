"""What the i18n plugin's configuration says about the site's languages."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Language:
    locale: str
    default: bool
    nav_translations: dict[str, str]

    @property
    def prefix(self) -> str:
        """Folder of this language's pages in the built site: '' or 'en/'."""
        return "" if self.default else f"{self.locale}/"


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The built languages, default first. A config without the i18n plugin is a
    mistake for this site, reported as such rather than as a KeyError."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the 'i18n' plugin is missing from 'plugins'.")
    languages = [
        Language(lang.locale, bool(lang.default), dict(lang.nav_translations or {}))
        for lang in plugin.config.languages
        if lang.build
    ]
    locales = [lang.locale for lang in languages]
    twice = sorted({locale for locale in locales if locales.count(locale) > 1})
    if twice:
        raise PluginError(f"mkdocs.yml: plugins.i18n.languages lists {', '.join(twice)} more than once.")
    defaults = [lang for lang in languages if lang.default]
    if len(defaults) != 1:
        raise PluginError(
            "mkdocs.yml: plugins.i18n.languages must have exactly one entry with "
            f"'default: true' (found {len(defaults)})."
        )
    return sorted(languages, key=lambda lang: not lang.default)


def current_locale(config: MkDocsConfig) -> str:
    """The language being built now (i18n builds each language in turn)."""
    return config.theme["language"]
