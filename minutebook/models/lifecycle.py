"""A recommendation followed across documents: its links, its history and its summary row."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from minutebook.models.dates import IsoDatePrefix
from minutebook.models.statuses import OPEN_STATUSES as OPEN_STATUSES
from minutebook.models.statuses import STANDING_OF as STANDING_OF
from minutebook.models.statuses import STANDINGS as STANDINGS
from minutebook.models.statuses import Standing as Standing
from minutebook.models.statuses import Status as Status

LinkRelation = Literal["origin", "edition"]
LinkMethod = Literal["code", "text", "clerk"]
Decision = Literal["confirm", "break"]


class RecordLink(BaseModel):
    """Two records that are the same recommendation: how the link was made and its score."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    record_a: str = Field(min_length=1)  # the earlier record (origin clause or older edition)
    record_b: str = Field(min_length=1)
    relation: LinkRelation
    method: LinkMethod
    # rapidfuzz similarity of the two clause texts, 0-100, whatever the method
    score: float = Field(ge=0, le=100)
    decision: Decision | None = None


class LinkDecision(BaseModel):
    """A clerk's confirm or break of a link; stored append-only, never rewritten by a rebuild."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    record_a: str = Field(min_length=1)
    record_b: str = Field(min_length=1)
    decision: Decision
    note: str | None = None
    decided_at: str = Field(min_length=1)


class RecommendationEvent(BaseModel):
    """One sighting of a recommendation: the minutes that made it or one tracker edition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    recommendation_id: str = Field(min_length=1)
    seq: int = Field(ge=0)
    event: Literal["made", "tracked"]
    record_id: str = Field(min_length=1)
    document_id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    date: IsoDatePrefix | None = None
    status: Status
    status_words: str | None = None
    progress: str | None = None
    owner: str | None = None
    deadline: IsoDatePrefix | None = None
    owner_was: str | None = None
    deadline_was: IsoDatePrefix | None = None


class Recommendation(BaseModel):
    """A recommendation or action as it stands after every document seen so far."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    code: str | None = None
    text: str = Field(min_length=1)
    meeting_date: IsoDatePrefix | None = None
    first_seen: IsoDatePrefix | None = None
    first_seen_source: str = Field(min_length=1)
    origin_record_id: str | None = None
    origin_source: str | None = None
    current_owner: str | None = None
    deadline: IsoDatePrefix | None = None
    status: Status
    status_words: str | None = None
    last_update: IsoDatePrefix | None = None
    closed_on: IsoDatePrefix | None = None
    events: int = Field(ge=1)
