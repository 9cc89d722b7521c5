"""The year's dated duties the county sets (seed 004): the problem list by the end of June, the
September satisfaction survey and each deputy's 双联 visits to voter households."""
