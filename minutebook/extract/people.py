"""Owners and recipients: officers and bodies named by a role title (patterns/roles.txt)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from minutebook.errors import PatternFileError
from minutebook.extract.meeting import bodies
from minutebook.extract.vocab import pattern_path, person_title_words, person_titles, word_list

_WORD = r"[A-Z][\w’'&()-]*"
_CONT = rf"(?:\s+(?:of|for|to)\s+(?:the\s+)?{_WORD}(?:\s+(?:and|&|of|for|the|{_WORD}))*)?"
_ASKED = (
    r"\s+(?:be\s+|is\s+|are\s+)?(?:requested|asked|instructed|invited|authorised|authorized|"
    r"delegated|directed)\s+to\b|\s+(?:to|should|shall|will|is\s+to|are\s+to|must|would),?\s+[a-z]"
)
_ASKING = (
    r"\b(?:request|requests|requested|ask|asks|asked|instruct|instructs|instructed|invite|"
    r"invites|invited|authorise|authorises|authorize|direct|directs)\s+(?:that\s+)?"
)


@cache
def roles() -> tuple[str, ...]:
    path = pattern_path("roles.txt")
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not re.match(r"^[A-Za-z][\w &'’.-]*$", line):
            raise PatternFileError(f"{path}:{lineno}", f"role title {line!r} has odd characters")
        entries.append(line)
    return tuple(sorted(set(entries), key=len, reverse=True))


@cache
def _role_regex() -> re.Pattern[str]:
    heads = "|".join(re.escape(r) for r in roles())
    # a title may carry qualifiers before its head word: "Area Engineer", "Senior Executive Officer"
    return re.compile(rf"\b(?:the\s+)?(?P<role>(?:[A-Z][a-z]+\s+){{0,2}}(?:{heads})\b{_CONT})")


@cache
def _owner_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    role = _role_regex().pattern
    return re.compile(rf"{role}(?={_ASKED})"), re.compile(rf"{_ASKING}{role}\s+to\b")


@cache
def own_verbs() -> frozenset[str]:
    return frozenset(word_list("own_verbs.txt"))


@cache
def _subject_regex() -> re.Pattern[str]:
    # "that the Clerk writes to ...": the role opens the clause and a present-tense verb
    # follows; an asking form anywhere in the clause is still preferred
    return re.compile(rf"^\W*(?:[Tt]hat\s+)?{_role_regex().pattern}\s+(?P<verb>[a-z]{{3,}}s)\b")


def _tidy(role: str) -> str:
    role = re.sub(r"\s+(?:and|&|of|for|the|to)$", "", role.strip())
    return re.sub(r"\s+(?:and|&|of|for|the|to)$", "", role)


_INITIALS = re.compile(r"\(?\b(?P<initials>[A-Z]{2,3})\b\)?")
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*\.?")
_TITLE = re.compile(rf"(?:{person_titles()})\.?")


def declared_initials(text: str) -> dict[str, str]:
    """Initials the minutes give people beside their names, and the names: "Cllr Jo Bruce JB",
    "Cllr. R. Crisp – Chair (RC)", "Helen Richardson (HR)". Only these read as owners:
    "HR to chase Andy"; the letters must be the name's own initials."""
    found: dict[str, str] = {}
    for m in _INITIALS.finditer(text):
        letters = m.group("initials")
        before = [
            w
            for w in _CAPITALISED.findall(text[max(0, m.start() - 80) : m.start()])
            if not _TITLE.fullmatch(w)
        ]
        for skip in range(4):
            run = before[len(before) - skip - len(letters) : len(before) - skip]
            if len(run) == len(letters) and all(
                w[0] == c for w, c in zip(run, letters, strict=True)
            ):
                found.setdefault(letters, " ".join(run))
                break
    return found


# "McDonald", "O'Brien", "Smith-Jones": each part a capital and small letters, so a run of
# capitals (a text layer that lost its spaces) splits one way only and fails at once
_NAME_WORD = r"[A-Z][a-z]+(?:['’-]?[A-Z][a-z]+)*"
# a person's name as an attendance list writes it: two or three capitalised words on one
# line, a title and a middle initial allowed ("Cllr. Margaret Davidson", "Duncan
# Fraser(Treasurer)")
_NAME_RUN = re.compile(
    rf"\b(?:(?:{person_titles()})\.?[ \t]+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{_NAME_WORD}){{1,2}})\b"
)


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that are no one's name: roles ("Chair", "Clerk"), the bodies that
    meet ("Council"), titles, and the venue, month and day words of not_names.txt."""
    words = {w for phrase in (*roles(), *bodies()) for w in phrase.lower().split()}
    places = {w.lower() for w in word_list("not_names.txt")}
    return frozenset(words | places | set(person_title_words()) | {"the", "of", "and"})


def people_named(text: str, document: str) -> tuple[dict[str, str], dict[str, str]]:
    """The people an attendance list names, by their initials and by their first names:
    "Present: Steve Byford (Chair), Duncan Fraser" gives {"SB": ..., "DF": ...} and
    {"Steve": ..., "Duncan": ...}, so "DF to provide contact details." and "Claire to
    arrange a site visit" have owners. Initials the minutes declare come first
    (declared_initials). A word the document also writes in lower case ("Project",
    "Grant") is a common word, not a first name."""
    initials = declared_initials(text)
    common = set(re.findall(r"\b[a-z]+\b", document))
    first: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        if text[max(0, m.start() - 4) : m.start()].lower() == "the ":
            continue  # "at the Memorial Hall": a place, not a person
        words = re.sub(r"\b[A-Z]\.\s*", "", m.group("name")).split()
        if any(w.lower() in not_names() for w in words):
            continue  # "Parish Council", "Village Hall Committee", "Locum Clerk"
        initials.setdefault("".join(w[0] for w in words), " ".join(words))
        if words[0].lower() not in common:
            first.setdefault(words[0], " ".join(words))
    return initials, first


def _initials_owner(clause: str, initials: Mapping[str, str]) -> str | None:
    """'That HR contact CGM', 'JH will progress the application': declared initials that
    open the clause and act."""
    m = re.match(
        r"^\W*(?:[Tt]hat\s+)?(?P<who>[A-Z]{2,3}(?:\s*(?:and|&|/)\s*[A-Z]{2,3})*)"
        r"\s+(?:to\s+|will\s+|would\s+|should\s+|shall\s+)?(?:also\s+)?[a-z]{3,}",
        clause,
    )
    if m is None:
        return None
    people = re.split(r"\s*(?:and|&|/)\s*", m.group("who"))
    return m.group("who") if all(p in initials for p in people) else None


def find_owner(clause: str, initials: Mapping[str, str] | None = None) -> str | None:
    """The officer or body a clause asks to act ("the Director of X be requested to ..."),
    or the declared initials that open it ("That HR contact CGM")."""
    told, asking = _owner_regexes()
    best: tuple[int, str] | None = None
    for regex in (asking, told):
        m = regex.search(clause)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), _tidy(m.group("role")))
    if best is None:
        m = _subject_regex().match(clause)
        if m and m.group("verb") not in own_verbs():
            best = (m.start(), _tidy(m.group("role")))
    if best is None and initials:
        return _initials_owner(clause, initials)
    return best[1] if best else None


def is_known_role(text: str) -> bool:
    return bool(_role_regex().search(text))


def recipient_from_caps(words: str) -> str | None:
    """'TO THE PORTFOLIO HOLDER FOR CHILDREN' -> 'Portfolio Holder for Children'."""
    words = re.sub(r"^\s*(?:TO\s+)?(?:THE\s+)?", "", words.strip(" –—-:"), flags=re.IGNORECASE)
    if not words:
        return None
    small = {"of", "for", "and", "the", "to", "on", "in"}
    out = [
        w.lower() if w.lower() in small and i else w.capitalize()
        for i, w in enumerate(words.split())
    ]
    return " ".join(out)
