"""``gr.I18n``: translations of an app's texts, by key."""

from __future__ import annotations

import locale


class I18nData(str):
    """A translated text: a ``str`` in the kernel's language (else English, else the key)."""

    def __new__(cls, key: str, text: str) -> I18nData:
        made = super().__new__(cls, text)
        made.key = key  # type: ignore[attr-defined]
        return made


class I18n:
    """``gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})``; ``i18n("greet")`` gives the
    text in the kernel's language. Gradio picks the visitor's browser language; a notebook
    app has one reader, whose locale is the kernel's (``LANG``)."""

    def __init__(self, **translations: dict[str, str]) -> None:
        self.translations = translations
        lang = (locale.getlocale()[0] or "en").split("_")[0]
        self.language = lang if lang in translations else "en"

    def __call__(self, key: str) -> I18nData:
        """The text of ``key`` (the key itself when no language has it)."""
        for lang in (self.language, "en"):
            text = self.translations.get(lang, {}).get(key)
            if text is not None:
                return I18nData(key, text)
        return I18nData(key, key)

    def __repr__(self) -> str:
        return f"gr.I18n({', '.join(self.translations)})"


__all__ = ["I18n", "I18nData"]
