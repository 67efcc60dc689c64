//! The spreadsheet: a summary sheet (per scenario, per learner, hardest steps),
//! the attempts (as in the CSV) and every step.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Export, ExportError, csv, one_decimal};
use crate::progress::stats;

fn header_format() -> Format {
    Format::new().set_bold().set_background_color("#F6E7C8").set_text_wrap().set_align(FormatAlign::Top)
}

fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}

/// Writes a header row at `row` and returns the next row.
fn headers(sheet: &mut Worksheet, export: &Export, row: u32, ids: &[&str]) -> Result<u32, XlsxError> {
    let format = header_format();
    for (col, id) in ids.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, export.msg.text(id), &format)?;
    }
    Ok(row + 1)
}

fn number_or_blank(sheet: &mut Worksheet, row: u32, col: u16, value: Option<f64>) -> Result<(), XlsxError> {
    if let Some(v) = value {
        sheet.write_number(row, col, v)?;
    }
    Ok(())
}

fn summary(sheet: &mut Worksheet, export: &Export) -> Result<(), XlsxError> {
    let percent = Format::new().set_num_format("0%");
    let title = title_format();
    sheet.write_string_with_format(0, 0, export.msg.text("summary-by-scenario"), &title)?;
    let mut row = headers(
        sheet,
        export,
        1,
        &[
            "col-scenario-title",
            "col-attempts",
            "col-completed",
            "col-completion-rate",
            "col-median-minutes",
            "col-learners",
        ],
    )?;
    for s in stats::by_scenario(export.attempts) {
        sheet.write_string(row, 0, export.title(&s.scenario))?;
        sheet.write_number(row, 1, s.attempts as f64)?;
        sheet.write_number(row, 2, s.completed as f64)?;
        sheet.write_number_with_format(row, 3, s.completion_rate(), &percent)?;
        number_or_blank(sheet, row, 4, s.median_minutes.map(one_decimal))?;
        sheet.write_number(row, 5, s.learners as f64)?;
        row += 1;
    }

    row += 1;
    sheet.write_string_with_format(row, 0, export.msg.text("summary-by-learner"), &title)?;
    row = headers(
        sheet,
        export,
        row + 1,
        &[
            "col-learner",
            "col-group",
            "col-attempts",
            "col-scenarios-completed",
            "col-last-practice",
            "col-scenario-title",
            "col-first-minutes",
            "col-latest-minutes",
        ],
    )?;
    for l in stats::by_learner(export.attempts, export.learners) {
        let who = export.who(l.learner);
        sheet.write_string(row, 0, &who.name)?;
        sheet.write_string(row, 1, &who.group)?;
        sheet.write_number(row, 2, l.attempts as f64)?;
        sheet.write_number(row, 3, l.scenarios_completed as f64)?;
        sheet.write_string(row, 4, export.local_time(l.last_practice))?;
        if l.progressions.is_empty() {
            row += 1;
        }
        for p in &l.progressions {
            sheet.write_string(row, 5, export.title(&p.scenario))?;
            number_or_blank(sheet, row, 6, Some(one_decimal(p.first_minutes)))?;
            number_or_blank(sheet, row, 7, Some(one_decimal(p.latest_minutes)))?;
            row += 1;
        }
    }

    row += 1;
    sheet.write_string_with_format(row, 0, export.msg.text("summary-hard-steps"), &title)?;
    row = headers(
        sheet,
        export,
        row + 1,
        &["col-scenario-title", "col-step", "col-attempts", "col-wrong", "col-hints", "col-skipped", "col-struggle"],
    )?;
    let two_places = Format::new().set_num_format("0.00");
    for s in stats::struggles(export.attempts).iter().take(20) {
        sheet.write_string(row, 0, export.title(&s.scenario))?;
        sheet.write_string(row, 1, &s.step)?;
        sheet.write_number(row, 2, s.reached as f64)?;
        sheet.write_number(row, 3, f64::from(s.wrong_actions))?;
        sheet.write_number(row, 4, f64::from(s.hints))?;
        sheet.write_number(row, 5, s.skips as f64)?;
        sheet.write_number_with_format(row, 6, s.score(), &two_places)?;
        row += 1;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_range_width(1, 7, 14)?;
    Ok(())
}

fn attempts(sheet: &mut Worksheet, export: &Export) -> Result<(), XlsxError> {
    let mut row = headers(sheet, export, 0, csv::COLUMNS)?;
    for attempt in export.attempts {
        for (col, cell) in csv::row(export, attempt).into_iter().enumerate() {
            // Figures as numbers, so a trainer can sum and chart them.
            match cell.parse::<f64>() {
                Ok(n) if col >= 10 => sheet.write_number(row, col as u16, n)?,
                _ => sheet.write_string(row, col as u16, cell)?,
            };
        }
        row += 1;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row.saturating_sub(1), (csv::COLUMNS.len() - 1) as u16)?;
    sheet.set_column_range_width(0, (csv::COLUMNS.len() - 1) as u16, 16)?;
    Ok(())
}

fn steps(sheet: &mut Worksheet, export: &Export) -> Result<(), XlsxError> {
    let mut row = headers(
        sheet,
        export,
        0,
        &[
            "col-attempt",
            "col-learner",
            "col-scenario-title",
            "col-step-seq",
            "col-step",
            "col-started",
            "col-ended",
            "col-wrong",
            "col-hint-level",
            "col-skipped",
            "col-trap",
        ],
    )?;
    for attempt in export.attempts {
        let who = export.who(attempt.learner);
        let title = export.title(&attempt.scenario);
        for (seq, step) in attempt.steps.iter().enumerate() {
            sheet.write_string(row, 0, &attempt.uid)?;
            sheet.write_string(row, 1, &who.name)?;
            sheet.write_string(row, 2, &title)?;
            sheet.write_number(row, 3, (seq + 1) as f64)?;
            sheet.write_string(row, 4, &step.step)?;
            sheet.write_string(row, 5, export.local_time(step.started))?;
            sheet.write_string(row, 6, export.local_time(step.ended))?;
            sheet.write_number(row, 7, f64::from(step.wrong_actions))?;
            sheet.write_number(row, 8, f64::from(step.highest_hint))?;
            sheet.write_string(row, 9, export.yes_no(step.skipped))?;
            let trap = step.trap.map(|t| export.msg.text(&format!("trap-{}", t.as_str().replace('_', "-"))));
            sheet.write_string(row, 10, trap.unwrap_or_default())?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_range_width(0, 10, 16)?;
    Ok(())
}

pub fn workbook(export: &Export) -> Result<Workbook, ExportError> {
    let mut book = Workbook::new();
    summary(book.add_worksheet().set_name(export.msg.text("sheet-summary"))?, export)?;
    attempts(book.add_worksheet().set_name(export.msg.text("sheet-attempts"))?, export)?;
    steps(book.add_worksheet().set_name(export.msg.text("sheet-steps"))?, export)?;
    Ok(book)
}
