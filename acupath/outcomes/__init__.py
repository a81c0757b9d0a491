"""Patient-reported outcomes: questionnaires, response rules, trajectories, clinic benchmarks.

Pure functions over plain data (no database, no command line)::

    score_answers("nrs", {"pain": 6})            # validate and score a questionnaire
    classify(baseline=7, latest=3)               # IMMPACT category and the 2-point rule
    trajectory("nrs", points)                    # a series with change from baseline
    advise(condition=..., sessions_done=12, ...) # continue / stop / complete at a review
    clinic_report(courses=..., base=...)         # results by condition and technique
"""

from acupath.outcomes.continuation import Advice, Reason, advise
from acupath.outcomes.instruments import Instrument, Scored, instrument, instruments, score_answers
from acupath.outcomes.patient import CourseData, PatientReport, patient_report
from acupath.outcomes.report import ClinicReport, CourseOutcome, GroupResult, clinic_report
from acupath.outcomes.response import Response, ScorePoint, Trajectory, classify, trajectory
from acupath.outcomes.safety import AdverseEventRates, rates
from acupath.outcomes.stats import Estimate, mean_ci, wilson

__all__ = [
    "AdverseEventRates",
    "Advice",
    "ClinicReport",
    "CourseData",
    "CourseOutcome",
    "Estimate",
    "GroupResult",
    "Instrument",
    "PatientReport",
    "Reason",
    "Response",
    "ScorePoint",
    "Scored",
    "Trajectory",
    "advise",
    "classify",
    "clinic_report",
    "instrument",
    "instruments",
    "mean_ci",
    "patient_report",
    "rates",
    "score_answers",
    "trajectory",
    "wilson",
]
