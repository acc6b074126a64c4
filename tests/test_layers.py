"""The base layer (ilo_office's own modules) imports nothing from the back office above it."""

import ast
from pathlib import Path

import ilo_office

BASE = Path(ilo_office.__file__).parent
# Django's admin registrations of the base app's own models sit on top by nature.
TOP = {"admin.py"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_base_modules_do_not_import_the_back_office():
    offenders = [
        f"{path.name}: {module}"
        for path in sorted(BASE.glob("*.py"))
        if path.name not in TOP
        for module in imported_modules(path)
        if module.startswith("ilo_office.backoffice")
    ]
    assert offenders == []
