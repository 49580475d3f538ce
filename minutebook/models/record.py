"""A record: one resolution, recommendation or action, with its provenance."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from minutebook.models.dates import IsoDatePrefix

Kind = Literal["resolution", "recommendation", "action"]

_NOT_WORD = re.compile(r"[\W_]+")


def clause_key(text: str) -> str:
    """A clause's text as its id sees it: case, spacing and punctuation aside.

    Letters of every script are kept, accents included ("café" and "cafè" differ), so two
    clauses differ in their key whenever their words differ. For ASCII text this is the
    key ids have always used (lower case, runs of anything but a-z0-9 as one space), so
    stored ids stay the same.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


class Record(BaseModel):
    """One extracted record. Field names are the JSONL contract of `minutebook extract`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind
    code: str | None = None
    item_title: str | None = None
    text: str = Field(min_length=1)
    recipient: str | None = None
    owner: str | None = None
    deadline: IsoDatePrefix | None = None
    meeting_date: IsoDatePrefix | None = None
    progress: str | None = None
    noting: bool = False
    # provenance: where a clerk finds it in the original
    source: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # why it exists
    rule: str = Field(min_length=1)
    warnings: tuple[str, ...] = ()
    # read from a row of a tracker table, not from running text: a tracker is a later
    # edition of recommendations made elsewhere, so the lifecycle dates it by the edition
    tracker_row: bool = False

    @field_validator("end")
    @classmethod
    def _span_ordered(cls, end: int, info: ValidationInfo) -> int:
        # a field validator, not a model one, so the error names the field ("end: ...")
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(f"record span {start}:{end} is empty or reversed")
        return end

    def identity(self) -> tuple[str, str, str]:
        """What a record's id is made of besides its document: kind, code, clause key.

        Records with the same identity in one document are told apart by an ordinal,
        counted on exactly this tuple (store/upsert.py), so two ids can never be equal.
        """
        return (self.kind, self.code or "", clause_key(self.text))

    def record_id(self, document_key: str, ordinal: int = 0) -> str:
        """Stable id: document identity + kind + code + normalised clause text.

        ordinal separates identical clauses in one document ("That the report be noted.")
        """
        key = "\x1f".join([document_key, *self.identity(), str(ordinal)])
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def text_hash(self) -> str:
        """Hash of every extracted field, to tell an updated record from an unchanged one."""
        # where it was read from is not what it says: moving it does not update it
        payload = self.model_dump_json(
            exclude={"source", "sha256", "page", "start", "end", "tracker_row"}
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]
