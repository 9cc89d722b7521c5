"""The settings' words for the rules are the source documents' words."""
from app.rule_labels import RULE_LABELS


def test_committee_contacts_say_resident_as_seed_002_does():
    # Seed 002: 常委会驻会组成人员每人联系市人大代表3名，非驻会委员每人联系市人大代表2名
    assert RULE_LABELS["committee_contacts_resident"][0] == "常委会驻会组成人员联系代表"
    assert RULE_LABELS["committee_contacts_nonresident"][0] == "常委会非驻会委员联系代表"
    assert not any("驻地" in label for label, _ in RULE_LABELS.values())
