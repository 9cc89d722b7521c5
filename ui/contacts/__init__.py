"""The contact ledgers (联系台账): deputies and the voters and households they keep in touch with."""
