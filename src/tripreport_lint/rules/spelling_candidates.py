"""SPL002's candidates: the word a likely typo was meant to be, and the signs that a word is no typo at
all (an inflection, a British spelling, a compound of two words)."""

from __future__ import annotations

from collections.abc import Mapping

from tripreport_lint.spelling import dictionaries

_SUFFIXES = ("'s", "’s", "s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "ly", "ness", "ment", "ments", "able",
             "ize", "izes", "ized", "ization")
# How common an English word must be to be offered as the intended word (pyspellchecker counts).
MIN_FREQUENCY = 2000
MIN_FREQUENCY_MISSING_LETTER = 300
# A word made of two English words this common, of this many letters or more, is a compound, not a typo.
MIN_FREQUENCY_COMPOUND_PART = 1000
MIN_COMPOUND_PART = 3
# Words judged against every edit; shorter ones only against slips of the finger (see ``short_intended``).
MIN_LENGTH = 6
# How many posts must use a word before it is offered as the intended word (more for names).
SITE_POSTS = 3
SITE_NAME_POSTS = 5
_ENDINGS = {"s", "es", "d", "ed", "r", "er", "y", "ly", "e", "ing"}
_PARTICLES = ("in", "up", "on", "out", "off")


def asked(word: str) -> set[str]:
    """Every word that ``known_form`` may look up for ``word``."""
    asked = {*_stems(word), *(part for split in _splits(word) for part in split), _particle_split(word)[0]}
    for variant in _variants(word):
        asked |= {variant, *_stems(variant)}
    return asked


def _splits(word: str) -> list[tuple[str, str]]:
    return [(word[:at], word[at:]) for at in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1)]


def _compound(word: str, english: Mapping[str, int]) -> bool:
    """Whether the word is two common English words of ``MIN_COMPOUND_PART`` letters or more written as
    one (``lookback``, ``hitless``, ``stringlabels``), or a verb and its particle (``signin``, ``checkin``,
    the names of buttons and commands): coined jargon, not a slip of the finger."""
    verb, particle = _particle_split(word)
    return english.get(verb, 0) >= MIN_FREQUENCY_COMPOUND_PART or any(
        english.get(first, 0) >= MIN_FREQUENCY_COMPOUND_PART and english.get(second, 0) >= MIN_FREQUENCY_COMPOUND_PART
        for first, second in _splits(word))


def _particle_split(word: str) -> tuple[str, str]:
    """(verb, particle) for a word ending in a particle after ``MIN_COMPOUND_PART`` letters, else ("", "")."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= MIN_COMPOUND_PART:
            return word[: -len(particle)], particle
    return "", ""


def _stems(word: str) -> list[str]:
    """The words ``word`` may be with a common ending taken off, in the order they are tried."""
    stems: list[str] = []
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            stems += (base, base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else base)
    return stems


def _inflected(word: str, english: Mapping[str, int], posts: Mapping[str, int]) -> bool:
    """Whether the word is a known word with a common ending (plural, past tense, -ing...)."""
    return any(stem in english or posts.get(stem, 0) >= 2 for stem in _stems(word))


_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours(a: str, b: str) -> bool:
    """Whether two letters sit side by side (or one above the other) on a QWERTY keyboard."""
    where = {c: (row, col) for row, keys in enumerate(_KEYBOARD) for col, c in enumerate(keys)}
    if a not in where or b not in where:
        return False
    (ra, ca), (rb, cb) = where[a], where[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1


def _variants(word: str) -> list[str]:
    """The American spellings ``word`` may be the British one of."""
    variants = (word.replace("our", "or"), word.replace("is", "iz"), word.replace("ys", "yz"), word.replace("tre", "ter"),
                word.replace("bre", "ber"))
    return [v for v in variants if v != word]


def _british(word: str, english: Mapping[str, int]) -> bool:
    """Whether the word is the British spelling of a known word (rumours, containerisation)."""
    return any(v in english or _inflected(v, english, {}) for v in _variants(word))


def _common_enough(candidate: str, word: str, english: dict[str, int]) -> bool:
    """Whether an English word is common enough to be the intended one.

    Less common words qualify only when the typo lacks one of their letters (``bservable``) or swaps two
    (``browesr``, ``reevaulate``): a replaced letter between two real words is too often another word
    (``droids``/``druids``).
    """
    frequency = english.get(candidate, 0)
    return frequency >= MIN_FREQUENCY or (frequency >= MIN_FREQUENCY_MISSING_LETTER and (
        len(candidate) > len(word) or (len(candidate) == len(word) and candidate in _slips(word, doubled=False))))


def _same_stem(word: str, candidate: str) -> bool:
    """Whether the two differ only by a common ending (scalably/scalable, autoscale/autoscaler)."""
    shorter, longer = sorted((word, candidate), key=len)
    return longer.startswith(shorter[:-1]) and longer[len(shorter) - 1 :] in _ENDINGS or (
        longer.startswith(shorter) and longer[len(shorter):] in _ENDINGS)


def english_edits(word: str) -> tuple[dict[str, int], set[str], set[str]]:
    """The English words one edit from ``word`` (deletions, swaps, replacements, insertions) with their
    frequencies, and all the strings one edit from it in ``one_edit_parts``' two parts. Those that put in a
    letter outside ASCII (~2 edits in 5) can only be one of the few English words with one: the whole table
    is asked of the others only."""
    plain, accented = dictionaries.one_edit_parts(word)
    plain.discard(word)
    accented.discard(word)
    english = dictionaries.english().lookup(plain)
    few = dictionaries.accented_english()
    english.update((other, few[other]) for other in few.keys() & accented)
    return english, plain, accented


def intended(word: str, capitalised: bool, posts: dict[str, int], domains: dict[str, int]) -> str | None:
    """The most likely intended word one edit away, or None when nothing close is known well enough."""
    best, best_score = None, 0.0
    english, plain, accented = english_edits(word)
    # Only known words can be the intended one: intersecting sets first saves a loop over hundreds.
    for candidate in sorted(english.keys() | (plain & posts.keys()) | (accented & posts.keys())
                            | (plain & domains.keys()) | (accented & domains.keys())):
        if len(candidate) < MIN_LENGTH or candidate == word[1:] or _same_stem(word, candidate):
            continue  # "kgateway" is "k" + a word, "sysadmin" the singular of "sysadmins": not typos
        if capitalised and candidate[0] != word[0]:
            continue  # a capitalised word is often a name; names are only matched with their initial kept
        if len(candidate) == len(word) and candidate[0] != word[0] and not _neighbours(candidate[0], word[0]):
            continue  # a changed first letter is a slip of the finger only next to the right key
        site = posts.get(candidate, 0) if candidate[1:] != word else 0  # "b" + word in code names is a habit
        if site >= (SITE_NAME_POSTS if capitalised else SITE_POSTS) or domains.get(candidate, 0):
            score = 1e12 + site + domains.get(candidate, 0)
        elif _common_enough(candidate, word, english) and (not capitalised or len(word) >= 8):
            score = english[candidate]
        else:
            continue
        if score > best_score:
            best, best_score = candidate, score
    return best


def known_form(word: str, english: Mapping[str, int], posts: Mapping[str, int]) -> bool:
    """Whether the word is a known word inflected or spelt the British way, or two words written as one."""
    return _inflected(word, english, posts) or _british(word, english) or _compound(word, english)


# Words shorter than MIN_LENGTH are abbreviations, commands, units and names as often as typos (auth, envs,
# kube, args, libc, util): they are judged only against slips that make no abbreviation, two letters
# swapped or one doubled, of a frequent English word or one the site uses, and from this many letters
# (three-letter swaps of frequent words are acronyms: `aws`, `cpu`, `amd`).
MIN_SHORT_LENGTH = 4


def _slips(word: str, *, doubled: bool = True) -> set[str]:
    """The words ``word`` may be a slip of: two letters swapped, or (``doubled``) a letter but the first
    doubled (a doubled first letter is a habit of names and handles: `bbox`, `ppolicy`)."""
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    if doubled:
        swaps |= {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1) if word[i] == word[i + 1]}
    return swaps - {word}


def short_intended(word: str, posts: dict[str, int], *, capitalised: bool, keep_initial: bool) -> list[str]:
    """The words a word may be a slip of, most likely first (the words more posts of the site use, then the
    more frequent; the site's words of 3 letters are parts of URLs as often: `com`); none when the word is
    a word of another language (`hier`, `entre`). A capitalised word
    is only a swap (names double letters: `Antti`), with ``keep_initial`` of a word with its first letter."""
    english = dictionaries.english().lookup(_slips(word, doubled=not capitalised))
    found = [c for c, frequency in english.items()
             if len(c) >= 3 and not _same_stem(word, c) and not (keep_initial and c[0] != word[0])
             and (frequency >= dictionaries.FREQUENT or (posts.get(c, 0) >= SITE_POSTS and len(c) > 3))]
    if not found or word in dictionaries.foreign():
        return []
    return sorted(found, key=lambda c: (-posts.get(c, 0), -english[c], c))


def copied_typo(word: str, candidate: str) -> bool:
    """Whether a word in lower case that other pages use too is still a typo of ``candidate``, a common
    English word: a slip of it, or it lacks one of its letters (a letter replaced or added makes jargon as
    often: `disasm`, `shoulda`)."""
    dropped = len(candidate) == len(word) + 1 and any(candidate[:i] + candidate[i + 1 :] == word for i in range(len(candidate)))
    return dropped or candidate in _slips(word)
