//! Figures a trainer reads: per learner and per scenario, and the steps where people struggle.
