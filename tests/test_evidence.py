"""Bad input in the soft-balancing evidence tables is refused with file, row and column."""

import pytest

from book_facts import broken_copy, refusal
from sinorus import data
from sinorus import process_tracing as pt


def _copy_with(tmp_path, name, old, new):
    def edit(text):
        assert old in text, f"{old!r} not in {name}.csv"
        return text.replace(old, new, 1)
    return broken_copy(tmp_path, name, edit)


def _row_of(path, marker):
    """The row number (header = 1) of the first line containing marker."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if marker in line)


def test_the_book_evidence_loads_and_obeys_the_coding_rules():
    evidence, assessments = pt.load_evidence()
    assert len(assessments) == 4 * len(evidence)


def test_unknown_strategy_code_isrefusal(tmp_path):
    copy = _copy_with(tmp_path, "evidence", ",territorial_denial,", ",territorial_denail,")
    message = refusal(copy, "evidence")
    row = _row_of(copy, "territorial_denail")
    assert f"evidence.csv, row {row}, column 'bears_on': 'territorial_denail' is not a known code" in message


def test_unknown_explanation_code_isrefusal(tmp_path):
    copy = _copy_with(tmp_path, "evidence_assessments", ",policy_disputes,", ",policy_dispute,")
    message = refusal(copy, "evidence_assessments")
    row = _row_of(copy, ",policy_dispute,")
    assert f"evidence_assessments.csv, row {row}, column 'explanation': 'policy_dispute'" in message


@pytest.mark.parametrize("bad", ["0", "-2"])
def test_non_positive_likelihood_ratio_isrefusal(tmp_path, bad):
    copy = _copy_with(tmp_path, "evidence_assessments", "E09,regional_security,partly,2,",
                      f"E09,regional_security,partly,{bad},")
    message = refusal(copy, "evidence_assessments")
    row = _row_of(copy, f"E09,regional_security,partly,{bad},")
    assert (f"evidence_assessments.csv, row {row}, column 'likelihood_ratio': '{bad}' breaks the "
            "constraint minimum = 0.01") in message


def test_empty_source_isrefusal(tmp_path):
    copy = _copy_with(tmp_path, "evidence", "bergfeldt2008;pan2005,", ",")
    message = refusal(copy, "evidence")
    row = _row_of(copy, "E09,")
    assert f"evidence.csv, row {row}, column 'source': empty, but every row must carry its source" in message


def test_unknown_actor_and_impossible_date_arerefusal(tmp_path):
    actors = _copy_with(tmp_path, "evidence_actors", "E09,KGZ,", "E09,KYR,")
    assert "column 'iso3': 'KYR' is not a known iso3 in countries" in refusal(actors, "evidence_actors")
    dates = _copy_with(tmp_path, "evidence", "E09,2005-07-05,", "E09,2005-02-30,")
    assert "column 'start_date': '2005-02-30' is not a valid date" in refusal(dates, "evidence")


def test_duplicate_assessment_isrefusal(tmp_path):
    copy = _copy_with(tmp_path, "evidence_assessments", "E09,regional_security,", "E09,economic_interests,")
    assert "duplicate primary key E09, economic_interests" in refusal(copy, "evidence_assessments")


def test_ratio_contradicting_its_codes_isrefusal(tmp_path):
    """Soft balancing 'yes' and the alternative 'partly' cannot give a ratio below 1."""
    copy = _copy_with(tmp_path, "evidence_assessments", "E09,regional_security,partly,2,",
                      "E09,regional_security,partly,0.5,")
    assessments = data.load_csv(copy, data.resource("evidence_assessments"), package_dir=data.DATA_DIR)
    with pytest.raises(data.DataValidationError) as refused:
        pt.load_evidence(data.load("evidence"), assessments, assessments_path=copy)
    row = _row_of(copy, "E09,regional_security,partly,0.5,")
    assert (f"evidence_assessments.csv, row {row}, column 'likelihood_ratio': 0.5 contradicts the codes "
            "(soft balancing 'yes', regional_security 'partly')") in str(refused.value)


def test_missing_assessment_isrefusal(tmp_path):
    copy = tmp_path / "evidence_assessments.csv"
    lines = (data.DATA_DIR / "evidence_assessments.csv").read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(l for l in lines if not l.startswith("E09,policy_disputes,")) + "\n",
                    encoding="utf-8")
    assessments = data.load_csv(copy, data.resource("evidence_assessments"), package_dir=data.DATA_DIR)
    with pytest.raises(data.DataValidationError, match="evidence E09 is assessed against 3 of the 4"):
        pt.load_evidence(data.load("evidence"), assessments, assessments_path=copy)


def test_unga_vote_must_be_yes_no_or_abstain(tmp_path):
    copy = _copy_with(tmp_path, "unga_votes", "3662,CHN,yes,", "3662,CHN,absent,")
    assert "row 2, column 'vote': 'absent' breaks the constraint enum" in refusal(copy, "unga_votes")
