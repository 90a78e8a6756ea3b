"""GOV.UK Frontend styling for Django forms: each widget gets its component's class."""

from __future__ import annotations

from typing import Any

from django import forms

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.Textarea, "govuk-textarea"),
    (forms.Select, "govuk-select"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.widgets.Input, "govuk-input"),
]


class GovukFormMixin:
    """Add the GOV.UK class (and the error class) to every widget of the form."""

    fields: dict[str, forms.Field]
    errors: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = next((c for widget_type, c in _WIDGET_CLASSES if isinstance(field.widget, widget_type)), "")
            if css:
                field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                base = widget.attrs.get("class", "")
                for _, css in _WIDGET_CLASSES:
                    if css in base.split():
                        widget.attrs["class"] = f"{base} {css}--error"
                        break
                widget.attrs["aria-describedby"] = f"id_{name}-error"
