"""The week as the analyses count it: hours from Monday 00 to Sunday 23. A module of its own so
that the council's priorities can name it without loading pandas with the patrol guidance."""

HOURS_IN_WEEK = 7 * 24
