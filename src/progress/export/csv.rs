//! One row per attempt, headers in the UI language, UTF-8 with a byte-order
//! mark so Excel on a Chinese Windows PC shows the characters, not mojibake.

use std::io::Write;

use super::{Export, ExportError, minutes};

/// The columns, as message ids (the header is each message's text).
pub const COLUMNS: &[&str] = &[
    "col-attempt",
    "col-learner",
    "col-group",
    "col-scenario",
    "col-scenario-title",
    "col-scenario-version",
    "col-language",
    "col-started",
    "col-ended",
    "col-outcome",
    "col-minutes",
    "col-steps",
    "col-wrong",
    "col-hints",
    "col-skipped",
    "col-trap",
];

/// The cells of one attempt's row, in [`COLUMNS`] order.
pub fn row(export: &Export, attempt: &crate::progress::Attempt) -> Vec<String> {
    let who = export.who(attempt.learner);
    vec![
        attempt.uid.clone(),
        who.name,
        who.group,
        attempt.scenario.clone(),
        export.title(&attempt.scenario),
        attempt.scenario_hash.clone(),
        attempt.lang.clone(),
        export.local_time(attempt.started),
        attempt.ended.map(|t| export.local_time(t)).unwrap_or_default(),
        export.outcome(attempt.outcome),
        minutes(attempt.total_secs).map(|m| m.to_string()).unwrap_or_default(),
        attempt.steps.len().to_string(),
        attempt.wrong_actions().to_string(),
        attempt.hints().to_string(),
        attempt.skipped().to_string(),
        export.trap(attempt),
    ]
}

pub fn write(export: &Export, out: &mut impl Write) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: "CSV".into(), source };
    out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    // CRLF: what Excel and Windows tools expect.
    let mut csv = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    csv.write_record(COLUMNS.iter().map(|id| export.msg.text(id)))?;
    for attempt in export.attempts {
        csv.write_record(row(export, attempt))?;
    }
    csv.flush().map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::i18n::{Lang, Messages};
    use crate::progress::export::tests::{export, sample};

    #[test]
    fn starts_with_a_bom_and_parses_back_with_headers_in_the_ui_language() {
        let (attempts, learners) = sample();
        let titles = HashMap::from([("medical_insurance_payment".to_owned(), "缴纳医保".to_owned())]);
        let msg = Messages::embedded(Lang::ZhCn);
        let mut bytes = Vec::new();
        write(&export(&attempts, &learners, &titles, &msg, false), &mut bytes).unwrap();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[1], "学员");
        assert_eq!(headers.len(), COLUMNS.len());
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][1], "王阿姨");
        assert_eq!(&rows[0][4], "缴纳医保");
        assert_eq!(&rows[0][7], "2025-11-29 15:06:40", "local time in Asia/Shanghai");
        assert_eq!(&rows[0][9], "完成");
        assert_eq!(&rows[0][10], "1.5");
        assert_eq!(&rows[0][12], "2");
        assert_eq!(&rows[0][15], "识破骗局");
        assert_eq!(&rows[1][1], "Bob, \"Jr\"", "commas and quotes survive");
        assert_eq!(&rows[1][4], "hospital_appointment", "no title: the id");
        assert_eq!(&rows[2][1], "访客");
        assert_eq!(&rows[2][9], "意外中断");
    }

    #[test]
    fn anonymised_rows_carry_no_names() {
        let (attempts, learners) = sample();
        let titles = HashMap::new();
        let msg = Messages::embedded(Lang::EnUs);
        let mut bytes = Vec::new();
        write(&export(&attempts, &learners, &titles, &msg, true), &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("王阿姨") && !text.contains("Bob"), "{text}");
        assert!(text.contains("Learner-"));
        assert!(text.contains("Attempt,Learner,Group"));
    }
}
