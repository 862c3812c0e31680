"""The fixed texts of each letter kind that an agency may reword (issue 17 point 6): the opening, the rights
paragraph and the closing, with the built-in Indonesian defaults the letters have always printed.

The texts are plain text in a SAFE placeholder language: `{nama_pemohon}`, `{nomor_registrasi}`, ... from a fixed
whitelist per kind. Rendering HTML-escapes the whole text first, then replaces each whitelisted `{name}` by its
HTML-escaped value in a single pass (a value that itself looks like a placeholder is never substituted again).
No Django template code, no attribute access, no format specification: `{nama_pemohon.__class__}` is refused on
save and printed literally if it ever reached a stored version. What the law requires stays: each text keeps
its required phrases and placeholders (validated on save), and the statutory tables (the notice's items a-g,
the decision's outcome, the deadlines) are not editable at all: they stay in the HTML templates.

Letters are official documents in Indonesian: none of the texts here are translated; the messages to the
administrator are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .kinds import LetterKind

TEXT_MAX_LENGTH = 3000

# A well-formed placeholder: lower-case letters and underscores in single braces.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Anything in braces, to name what is refused.
_BRACED = re.compile(r"\{([^{}\n]{0,60})\}")
_LIST_ITEM = re.compile(r"^\s*\d+[.)]\s+")


@dataclass(frozen=True)
class TextSpec:
    """One editable text of a kind: its default, the phrases and placeholders it must keep."""

    key: str
    label: object  # lazy translation
    default: str
    required_phrases: tuple[str, ...] = ()
    required_placeholders: tuple[str, ...] = ()
    help: object = ""


@dataclass(frozen=True)
class KindTexts:
    texts: tuple[TextSpec, ...]
    placeholders: dict[str, object] = field(default_factory=dict)  # name -> what it prints (lazy label)

    def spec(self, key: str) -> TextSpec:
        return next(t for t in self.texts if t.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.texts)


OPENING = "opening"
RIGHTS = "rights"
CLOSING = "closing"

LABELS = {
    OPENING: gettext_lazy("Pembuka"),
    RIGHTS: gettext_lazy("Paragraf hak pemohon"),
    CLOSING: gettext_lazy("Penutup"),
}

# Every kind knows these.
_COMMON = {
    "nama_badan_publik": gettext_lazy("nama badan publik"),
    "nama_unit": gettext_lazy("nama unit penerbit"),
    "nama_pemohon": gettext_lazy("nama pemohon"),
    "nomor_registrasi": gettext_lazy("nomor registrasi permohonan"),
    "nomor_surat": gettext_lazy("nomor surat"),
    "tanggal_surat": gettext_lazy("tanggal surat"),
}

_OPTIONAL_HELP = gettext_lazy("Boleh dikosongkan.")

RECEIPT_RIGHTS = (
    "1. Informasi dapat dikecualikan hanya berdasarkan alasan UU 14/2008 Pasal 17 (huruf a sampai j), dengan uji "
    "konsekuensi; penolakan disampaikan tertulis beserta alasannya.\n"
    "2. Pemberitahuan tertulis paling lambat 10 (sepuluh) hari kerja sejak permohonan diterima, dan dapat "
    "diperpanjang satu kali paling lama 7 (tujuh) hari kerja dengan alasan tertulis (Pasal 22 ayat 7 dan 8).\n"
    "3. Layanan informasi tidak dipungut biaya; yang dapat dibebankan hanya biaya nyata penggandaan atau "
    "pengiriman salinan yang wajar, dan biaya yang tidak wajar menjadi alasan keberatan (Pasal 21 dan Pasal 35 "
    "ayat 1 huruf f).\n"
    "4. Pemohon berhak mengajukan keberatan secara tertulis kepada Atasan PPID paling lambat 30 (tiga puluh) "
    "hari kerja setelah ditemukannya alasan keberatan (Pasal 35 dan 36), lalu mengajukan sengketa informasi ke "
    "Komisi Informasi paling lambat 14 (empat belas) hari kerja setelah menerima tanggapan Atasan PPID "
    "(Pasal 37)."
)

NOTICE_RIGHTS = (
    "Apabila Saudara tidak puas dengan pemberitahuan ini, Saudara dapat mengajukan keberatan secara tertulis "
    "kepada Atasan PPID {nama_badan_publik} paling lambat 30 (tiga puluh) hari kerja setelah ditemukannya alasan "
    "keberatan, misalnya sejak pemberitahuan ini diterima (UU 14/2008 Pasal 35 dan Pasal 36)."
)

OBJECTION_RECEIPT_RIGHTS = (
    "1. Menerima tanggapan tertulis Atasan PPID; bila keputusan PPID dikuatkan, tanggapan itu wajib disertai "
    "alasan tertulis (Pasal 36 ayat 3).\n"
    "2. Apabila tidak puas dengan tanggapan Atasan PPID, atau tanggapan tidak diberikan dalam 30 hari kerja, "
    "mengajukan sengketa informasi kepada Komisi Informasi paling lambat 14 (empat belas) hari kerja setelah "
    "menerima tanggapan atau setelah batas waktu itu lewat (Pasal 37).\n"
    "3. Mencabut keberatan sebelum ditanggapi."
)

DECISION_OPENING = (
    "Menindaklanjuti keberatan yang Saudara ajukan atas {pokok_keberatan}, Atasan PPID {nama_badan_publik} "
    "menyampaikan tanggapan sebagai berikut."
)

DECISION_RIGHTS = (
    "{jika_tidak_puas}, Saudara dapat mengajukan permohonan penyelesaian sengketa informasi publik kepada Komisi "
    "Informasi paling lambat 14 (empat belas) hari kerja sejak tanggapan ini diterima (UU 14/2008 Pasal 37 ayat "
    "2).{kalimat_batas_waktu}"
)

EXTENSION_OPENING = (
    "Menindaklanjuti permohonan informasi publik yang Saudara ajukan pada {tanggal_diterima} dengan nomor "
    "registrasi {nomor_registrasi}, bersama ini kami beritahukan bahwa jangka waktu penyampaian pemberitahuan "
    "tertulis diperpanjang {hari_perpanjangan} hari kerja berikutnya, dengan alasan sebagaimana tersebut di "
    "bawah ini."
)

NOTICE_OPENING = "Berdasarkan permohonan informasi publik yang diterima pada {tanggal_diterima}:"

HANDOVER_OPENING = (
    "Berdasarkan pemberitahuan tertulis atas permohonan informasi publik nomor registrasi {nomor_registrasi}, "
    "pada {tanggal_penyerahan} telah diserahkan informasi publik kepada {nama_penerima} dengan cara "
    "{cara_penyerahan}, dengan rincian sebagai berikut."
)


def _opening(default: str = "", **kw) -> TextSpec:
    return TextSpec(OPENING, LABELS[OPENING], default, help=kw.pop("help", _OPTIONAL_HELP), **kw)


def _closing() -> TextSpec:
    return TextSpec(
        CLOSING,
        LABELS[CLOSING],
        "",
        help=gettext_lazy(
            "Dicetak sebelum tanda tangan, misalnya “Demikian disampaikan, atas perhatian Saudara kami "
            "ucapkan terima kasih.” Boleh dikosongkan."
        ),
    )


KINDS: dict[str, KindTexts] = {
    LetterKind.RECEIPT: KindTexts(
        texts=(
            _opening(),
            TextSpec(
                RIGHTS,
                LABELS[RIGHTS],
                RECEIPT_RIGHTS,
                required_phrases=(
                    "Pasal 17",
                    "10 (sepuluh) hari kerja",
                    "7 (tujuh) hari kerja",
                    "biaya",
                    "Atasan PPID",
                    "30 (tiga puluh) hari kerja",
                    "Komisi Informasi",
                    "14 (empat belas) hari kerja",
                ),
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "tanggal_diterima": gettext_lazy("tanggal permohonan diterima"),
            "batas_waktu": gettext_lazy("batas waktu pemberitahuan tertulis"),
        },
    ),
    LetterKind.EXTENSION: KindTexts(
        texts=(
            _opening(
                EXTENSION_OPENING,
                required_placeholders=("nomor_registrasi", "hari_perpanjangan"),
                help="",
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "tanggal_diterima": gettext_lazy("tanggal permohonan diterima"),
            "hari_perpanjangan": gettext_lazy("jumlah hari kerja perpanjangan (7)"),
            "batas_waktu_semula": gettext_lazy("batas waktu semula"),
            "batas_waktu": gettext_lazy("batas waktu baru"),
        },
    ),
    LetterKind.NOTICE: KindTexts(
        texts=(
            _opening(NOTICE_OPENING, help=""),
            TextSpec(
                RIGHTS,
                LABELS[RIGHTS],
                NOTICE_RIGHTS,
                required_phrases=("keberatan", "Atasan PPID", "30 (tiga puluh) hari kerja"),
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "tanggal_diterima": gettext_lazy("tanggal permohonan diterima"),
            "keputusan": gettext_lazy("keputusan atas permohonan"),
        },
    ),
    LetterKind.HANDOVER: KindTexts(
        texts=(
            _opening(
                HANDOVER_OPENING,
                required_placeholders=("nomor_registrasi", "tanggal_penyerahan", "nama_penerima"),
                help="",
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "tanggal_penyerahan": gettext_lazy("tanggal penyerahan informasi"),
            "nama_penerima": gettext_lazy("nama penerima informasi"),
            "cara_penyerahan": gettext_lazy("cara penyerahan informasi"),
        },
    ),
    LetterKind.OBJECTION_RECEIPT: KindTexts(
        texts=(
            _opening(),
            TextSpec(
                RIGHTS,
                LABELS[RIGHTS],
                OBJECTION_RECEIPT_RIGHTS,
                required_phrases=("Atasan PPID", "Komisi Informasi", "14 (empat belas) hari kerja"),
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "nomor_keberatan": gettext_lazy("nomor registrasi keberatan"),
            "tanggal_diterima": gettext_lazy("tanggal keberatan diterima"),
            "batas_waktu": gettext_lazy("batas waktu tanggapan Atasan PPID"),
        },
    ),
    LetterKind.OBJECTION_DECISION: KindTexts(
        texts=(
            _opening(DECISION_OPENING, required_placeholders=("pokok_keberatan",), help=""),
            TextSpec(
                RIGHTS,
                LABELS[RIGHTS],
                DECISION_RIGHTS,
                required_phrases=("Komisi Informasi", "14 (empat belas) hari kerja"),
                required_placeholders=("kalimat_batas_waktu",),
            ),
            _closing(),
        ),
        placeholders={
            **_COMMON,
            "nomor_keberatan": gettext_lazy("nomor registrasi keberatan"),
            "pokok_keberatan": gettext_lazy(
                "yang dikeberatkan: “permohonan informasi publik nomor …”, atau tidak "
                "disediakannya informasi berkala"
            ),
            "tanggapan": gettext_lazy("tanggapan Atasan PPID"),
            "jika_tidak_puas": gettext_lazy(
                "“Apabila Saudara tidak puas dengan tanggapan ini” (dengan perintah kepada PPID: "
                "“Apabila perintah ini tidak dipenuhi atau …”)"
            ),
            "kalimat_batas_waktu": gettext_lazy(
                "kalimat batas waktu ke Komisi Informasi (“Terhitung sejak tanggapan ini diterima pada "
                "…, batas waktunya ….”)"
            ),
            "batas_waktu": gettext_lazy("batas waktu ke Komisi Informasi"),
        },
    ),
}


def kind_texts(kind: str) -> KindTexts:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValidationError(_("Jenis surat tidak dikenal."), code="unknown_kind") from None


def default_texts(kind: str) -> dict[str, str]:
    return {t.key: t.default for t in kind_texts(kind).texts}


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean_texts(kind: str, texts: dict[str, object]) -> dict[str, str]:
    """The texts as they will be stored, or ValidationError (by text key) saying what is wrong: unknown keys,
    too long, template code or unknown placeholders, a required phrase or placeholder removed."""
    spec = kind_texts(kind)
    errors: dict[str, list[str]] = {}
    unknown = set(texts) - set(spec.keys)
    if unknown:
        raise ValidationError(_("Teks surat tidak dikenal: %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    allowed = spec.placeholders
    cleaned: dict[str, str] = {}
    for text_spec in spec.texts:
        raw = texts.get(text_spec.key, "")
        if not isinstance(raw, str):
            errors.setdefault(text_spec.key, []).append(_("Teks harus berupa tulisan."))
            continue
        value = "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        value = re.sub(r"\n{3,}", "\n\n", value).strip()
        cleaned[text_spec.key] = value
        problems = _problems(value, text_spec, allowed)
        if problems:
            errors[text_spec.key] = problems
    if errors:
        raise ValidationError(errors)
    return cleaned


def _problems(value: str, text_spec: TextSpec, allowed: dict[str, object]) -> list[str]:
    problems: list[str] = []
    if len(value) > TEXT_MAX_LENGTH:
        problems.append(
            _("Teks paling panjang %(max)d karakter (sekarang %(n)d).")
            % {"max": TEXT_MAX_LENGTH, "n": len(value)}
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        problems.append(_("Teks memuat karakter kendali yang tidak dapat dicetak."))
    if "{{" in value or "{%" in value or "{#" in value:
        problems.append(
            _(
                "Kode templat ({{ … }}, {% … %}, {# … #}) tidak diizinkan; pakai placeholder "
                "seperti {nama_pemohon}."
            )
        )
    else:
        unknown = [m.group(0) for m in _BRACED.finditer(value) if m.group(1) not in allowed]
        if unknown:
            problems.append(
                _("Placeholder tidak dikenal: %(found)s. Yang dapat dipakai: %(allowed)s.")
                % {
                    "found": ", ".join(dict.fromkeys(unknown)),
                    "allowed": ", ".join(f"{{{name}}}" for name in allowed),
                }
            )
        rest = _BRACED.sub("", value)
        if not unknown and ("{" in rest or "}" in rest):
            problems.append(
                _("Tanda { dan } hanya dipakai berpasangan untuk placeholder, misalnya {nama_pemohon}.")
            )
    used = set(_PLACEHOLDER.findall(value))
    for name in text_spec.required_placeholders:
        if name not in used:
            problems.append(
                _("Placeholder {%(name)s} wajib ada dalam teks ini (isi yang diwajibkan undang-undang).")
                % {"name": name}
            )
    normalised = _normalise(value)
    for phrase in text_spec.required_phrases:
        if _normalise(phrase) not in normalised:
            problems.append(
                _("Frasa “%(phrase)s” wajib ada dalam teks ini (isi yang diwajibkan undang-undang).")
                % {"phrase": phrase}
            )
    return problems


def _unbroken(value: str) -> str:
    """A number such as 0002/PPID/XI/2026 is never split at its slashes across two lines of a letter (the
    letters' base template keeps `.nobr` on one line); longer values with spaces flow as usual."""
    if "/" in value and not re.search(r"\s", value):
        return f'<span class="nobr">{value}</span>'
    return value


def render_text(text: str, values: dict[str, str]) -> SafeString:
    """`text` as HTML: escaped, whitelisted placeholders replaced by their escaped values in one pass (anything
    else, however it looks, is printed literally), numbered lines as a list, blank lines as paragraphs. One
    paragraph stays inline (it is printed inside the template's own block)."""
    escaped_values = {name: _unbroken(escape(str(value))) for name, value in values.items()}

    def fill(line: str) -> str:
        return _PLACEHOLDER.sub(lambda m: escaped_values.get(m.group(1), m.group(0)), escape(line))

    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    parts: list[str] = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if all(_LIST_ITEM.match(line) for line in lines):
            items = "".join(f"<li>{fill(_LIST_ITEM.sub('', line, count=1))}</li>" for line in lines)
            parts.append(f'<ol style="margin: 0">{items}</ol>')
        elif len(blocks) == 1:
            parts.append("<br>".join(fill(line) for line in lines))
        else:
            parts.append("<p>" + "<br>".join(fill(line) for line in lines) + "</p>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def render_texts(kind: str, texts: dict[str, str] | None, values: dict[str, str]) -> dict[str, SafeString]:
    """Every text of `kind` ready to print: the given version's, a text it lacks from the defaults."""
    defaults = default_texts(kind)
    source = {**defaults, **{k: v for k, v in (texts or {}).items() if k in defaults and isinstance(v, str)}}
    return {key: render_text(value, values) for key, value in source.items()}
