"""Compile the site's .po catalogues to .mo without GNU gettext.

`compilemessages` shells out to `msgfmt`, which a fresh machine with only Python
may not have; scripts/bootstrap uses this command there instead, so the
Vietnamese interface works after a plain checkout either way. The format is the
one Python's own Tools/i18n/msgfmt.py writes and `gettext.GNUTranslations` (which
Django uses) reads: a header, two tables of (length, offset) pairs for the sorted
original and translated strings, then the strings, NUL-terminated.

Like msgfmt, fuzzy and untranslated entries are left out, so that a reader sees
the English text rather than a guess.
"""

import array
import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MO_MAGIC = 0x950412DE


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text, path, number):
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise CommandError(f"{path}:{number}: expected a quoted string, got {text!r}")
    # A .po string uses C escapes, which a Python string literal reads the same way.
    return ast.literal_eval(text)


def parse_po(path):
    """The entries of a .po file, the header (msgid "") first."""
    entries = []
    entry = Entry()
    section = None  # the keyword the following continuation lines belong to
    index = 0  # of the msgstr[n] being read
    started = False

    def finish():
        nonlocal entry, started
        if started:
            entries.append(entry)
        entry, started = Entry(), False

    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            section = None
            continue
        if line.startswith("#,") and not obsolete:
            if started and section in ("msgstr", "msgstr_n"):
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = None, line
        elif keyword in ("msgctxt", "msgid") and started and section in ("msgstr", "msgstr_n"):
            finish()  # entries not separated by a blank line
        if keyword is None:
            if section is None:
                raise CommandError(f"{path}:{number}: a string outside any entry")
            value = _unquote(rest, path, number)
            if section == "msgstr_n":
                entry.msgstr[index] += value
            elif section == "msgstr":
                entry.msgstr[0] += value
            else:
                setattr(entry, section, getattr(entry, section) + value)
            continue
        started = True
        entry.obsolete = entry.obsolete or obsolete
        value = _unquote(rest, path, number)
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            section = keyword
            setattr(entry, keyword, value)
        elif keyword == "msgstr":
            section = "msgstr"
            entry.msgstr[0] = value
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            section, index = "msgstr_n", int(keyword[7:-1])
            entry.msgstr[index] = value
        else:
            raise CommandError(f"{path}:{number}: unknown keyword {keyword!r}")
    finish()
    return entries


def mo_bytes(entries):
    """The .mo file for `entries`: translated, current, not fuzzy ones only."""
    messages = {}
    for entry in entries:
        if entry.obsolete or (entry.fuzzy and entry.msgid) or not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        value = "\0".join(entry.msgstr[i] for i in sorted(entry.msgstr))
        messages[key.encode()] = value.encode()
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    # Header: magic, revision, count, offset of originals, offset of translations,
    # size and offset of the (unused) hash table.
    keys_start = 7 * 4 + 16 * len(keys)
    values_start = keys_start + len(ids)
    key_table, value_table = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, id_offset + keys_start]
        value_table += [str_length, str_offset + values_start]
    header = struct.pack("Iiiiiii", MO_MAGIC, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array.array("i", key_table + value_table).tobytes() + ids + strs


def compile_po(po_path):
    mo_path = Path(po_path).with_suffix(".mo")
    mo_path.write_bytes(mo_bytes(parse_po(po_path)))
    return mo_path


class Command(BaseCommand):
    help = (
        "Compile the site's translation catalogues (locale/*/LC_MESSAGES/*.po) without "
        "GNU gettext. Use compilemessages instead where msgfmt is installed."
    )

    def handle(self, *args, **options):
        catalogues = sorted(
            po for base in settings.LOCALE_PATHS for po in Path(base).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError("No .po files found under LOCALE_PATHS.")
        for po in catalogues:
            mo = compile_po(po)
            if options["verbosity"] > 0:
                self.stdout.write(f"Compiled {po} -> {mo.name}")
