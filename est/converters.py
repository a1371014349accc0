"""URL path converters."""


class MunicipalityCodeConverter:
    """SCB's four-digit municipality code (e.g. 1984 for Arboga); anything else is a 404."""

    regex = r"\d{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
