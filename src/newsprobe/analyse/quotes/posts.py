"""Embedded posts are direct quotes of the account that signs them.

"— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019" under a tweet says who wrote every word of it, so the post
is one attribution (source: the signed name, cue: the handle, content: the post's words). What the taggers found
inside a post with no source or a pronoun for one ("I | urge | all Delhiites …", "He | posted | an elite grade")
is the post's words with a speaker nobody can name from the article (a pronoun in a post points into the post), and
gives way to it; attributions the post itself reports of someone it names ("Biden says …") stay.
"""

from __future__ import annotations

from bisect import insort

from ...document import EmbeddedPost
from ..base import Profile
from .cues import SPEAKER_CONFIDENCE
from .rules import RawAttribution
from .speakers import Speaker, SpeakerEvidence

__all__ = ["POST", "signed_by", "with_posts"]

POST = "post"  # RawAttribution.kind of an embedded post
_PRONOUNS = frozenset(
    {"i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her", "it", "they", "them"}
)


def with_posts(text: str, raws: list[RawAttribution], posts: list[EmbeddedPost]) -> list[RawAttribution]:
    """`raws` with each post as an attribution, in text order, without those whose words it speaks for."""
    kept = [raw for raw in raws if not any(_spoken_by_post(text, raw, post) for post in posts)]
    for post in posts:
        insort(kept, _attribution(text, post), key=lambda raw: raw.content_start)
    return kept


def signed_by(text: str, raw: RawAttribution, resolved: Speaker, profile: Profile) -> Speaker:
    """The account that signs a post: the speaker the entities name when that is the signed name ("Rep. Ilhan Omar"
    is Ilhan Omar), else the name as the signature prints it ("PFF CLE Browns" is not a player named Browns)."""
    assert raw.source is not None
    start, end = raw.source
    signed = text[start:end]
    reason = f"the account that signs the embedded post: {signed} ({text[raw.cue[0][0] : raw.cue[0][1]]})"
    if resolved.name is not None and resolved.name.split()[-1].casefold() in signed.casefold().split():
        return resolved.model_copy(update={"reason": reason})
    return Speaker(
        name=signed,
        resolved_by="named",
        confidence=SPEAKER_CONFIDENCE[profile]["named"],
        reason=reason,
        evidence=SpeakerEvidence(start=start, end=end, text=signed),
    )


def _spoken_by_post(text: str, raw: RawAttribution, post: EmbeddedPost) -> bool:
    inside = post.start <= raw.content_start and raw.content_end <= post.signature.end
    return inside and (raw.source is None or text[raw.source[0] : raw.source[1]].lower() in _PRONOUNS)


def _attribution(text: str, post: EmbeddedPost) -> RawAttribution:
    signature = text[post.signature.start : post.signature.end]
    author = post.signature.start + signature.index(post.author)
    handle = post.signature.start + signature.index(post.handle)
    return RawAttribution(
        cue=[(handle, handle + len(post.handle))],
        content=[(post.start, post.end)],
        source=(author, author + len(post.author)),
        kind=POST,
    )
