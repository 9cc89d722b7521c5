"""Statistics by quarter, half-year and year: participation, activities, suggestions, contacts
and the five coverages (五个全覆盖), as plain data for screens, workbooks and printouts."""


class StatisticsError(ValueError):
    """A refused statistics request; the message is Chinese and names the bad input."""
