"""Form fields the filing forms of requests, objections and complaints share."""

import uuid

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files (none allowed); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class UnitChoiceField(forms.ModelChoiceField):
    """Units grouped by agency in <optgroup>s."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, **kwargs)

    def _grouped(self):
        groups: dict[str, list] = {}
        for unit in self.queryset.select_related("agency").order_by("agency__name", "kind", "name"):
            groups.setdefault(unit.agency.name, []).append((unit.pk, unit.name))
        choices = [("", self.empty_label)] if self.empty_label is not None else []
        return choices + list(groups.items())

    def _get_choices(self):
        return self._grouped()

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


def new_submission_key() -> str:
    """The hidden key of a filing form, so that a form sent twice files one case (the services check it)."""
    return str(uuid.uuid4())
