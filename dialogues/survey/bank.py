"""The question bank: the established questions of the national safety survey (Brå's NTU) and
the police's local surveys, worded as they are so that a municipality's results compare.

A wave chooses its questions from here by key. Each text is an English msgid with its Swedish
translation, so the public form is in the resident's language. The background questions (age
band, gender, area of residence) are asked in every wave and are always optional.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    """One question of the bank: its kind, its text, and its answers (key → text)."""

    key: str
    kind: str
    text: str
    options: tuple[tuple[str, str], ...] = ()
    help_text: str = ""

    @property
    def option_keys(self) -> tuple[str, ...]:
        """Return the keys of the answers one may give."""
        return tuple(key for key, _text in self.options)

    def option_text(self, key: str) -> str:
        """Return the text of answer ``key``."""
        return dict(self.options).get(key, key)


#: One answer of the list.
SINGLE = "single"
#: Any number of answers of the list.
MULTIPLE = "multiple"
#: Points on the map.
PLACES = "places"

FEELING = (
    ("very_safe", _("Very safe")),
    ("fairly_safe", _("Fairly safe")),
    ("fairly_unsafe", _("Fairly unsafe")),
    ("very_unsafe", _("Very unsafe")),
    ("never_out", _("I never go out alone late in the evening")),
)
HOW_OFTEN = (
    ("often", _("Often")),
    ("sometimes", _("Sometimes")),
    ("seldom", _("Seldom")),
    ("never", _("Never")),
)

QUESTIONS = (
    Question(
        "unsafe_evening",
        SINGLE,
        _("How safe or unsafe do you feel if you go out alone late in the evening in your area?"),
        FEELING,
    ),
    Question(
        "worry_crime",
        SINGLE,
        _("How worried are you about being a victim of crime?"),
        (
            ("very_worried", _("Very worried")),
            ("fairly_worried", _("Fairly worried")),
            ("not_very_worried", _("Not very worried")),
            ("not_worried", _("Not worried at all")),
        ),
    ),
    Question(
        "worry_burglary",
        SINGLE,
        _("How often do you worry that someone will break into your home?"),
        HOW_OFTEN,
    ),
    Question(
        "worry_assault",
        SINGLE,
        _("How often do you worry about being assaulted or robbed?"),
        HOW_OFTEN,
    ),
    Question(
        "quality_of_life",
        SINGLE,
        _("Does worry about crime affect your quality of life?"),
        (
            ("a_lot", _("Yes, a lot")),
            ("somewhat", _("Yes, somewhat")),
            ("not_at_all", _("No, not at all")),
        ),
    ),
    Question(
        "problems",
        MULTIPLE,
        _("Which of these problems do you see in your area?"),
        (
            ("litter", _("Litter")),
            ("vandalism", _("Vandalism and graffiti")),
            ("gatherings", _("Gatherings that create unease")),
            ("drugs", _("Drug dealing")),
            ("traffic", _("Reckless traffic")),
            ("lighting", _("Poor lighting")),
            ("none", _("None of these")),
        ),
        _("Choose as many as you like."),
    ),
    Question(
        "avoided_places",
        PLACES,
        _("Are there places you avoid because they feel unsafe? Mark them on the map."),
        help_text=_(
            "Tap the map, or move it with the arrow keys and press “Mark the middle of the "
            "map”. At most five places."
        ),
    ),
)

#: The background questions, asked in every wave, each optional.
AGE_BANDS = (
    ("16-24", _("16–24")),
    ("25-44", _("25–44")),
    ("45-64", _("45–64")),
    ("65-84", _("65–84")),
    ("85+", _("85 or older")),
)
GENDERS = (
    ("woman", _("Woman")),
    ("man", _("Man")),
    ("other", _("Other or do not want to say")),
)

BY_KEY = {question.key: question for question in QUESTIONS}
#: What a new wave asks unless the coordinator chooses otherwise: all of the bank.
DEFAULT_KEYS = tuple(BY_KEY)
#: The answers counted as feeling unsafe, of those who go out (the headline figure).
UNSAFE = ("fairly_unsafe", "very_unsafe")
#: At most this many places avoided per answer: enough to say it, too few to draw a route.
MAX_PLACES = 5


def questions_of(keys) -> list[Question]:
    """Return the bank's questions for ``keys``, in the bank's order (unknown keys left out)."""
    return [question for question in QUESTIONS if question.key in set(keys)]
