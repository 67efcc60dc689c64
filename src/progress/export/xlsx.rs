//! The spreadsheet: a summary sheet (per scenario, per learner, hardest steps),
//! the attempts (as in the CSV) and every step.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Export, ExportError, HARD_STEP_COLUMNS, LEARNER_COLUMNS, SCENARIO_COLUMNS, csv, one_decimal};
use crate::progress::{TrapOutcome, stats};

fn header_format() -> Format {
    Format::new().set_bold().set_background_color("#F6E7C8").set_text_wrap().set_align(FormatAlign::Top)
}

fn time_format() -> Format {
    Format::new().set_num_format("yyyy-mm-dd hh:mm:ss")
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
    let mut row = headers(sheet, export, 1, SCENARIO_COLUMNS)?;
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
    row = headers(sheet, export, row + 1, LEARNER_COLUMNS)?;
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
    row = headers(sheet, export, row + 1, HARD_STEP_COLUMNS)?;
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
    let last_col = csv::COLUMNS.len() as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_range_width(0, last_col, 16)?;
    sheet.autofilter(0, 0, export.attempts.len().min(MAX_ROWS as usize - 1) as u32, last_col)?;
    let columns: Vec<&str> = ["col-number"].into_iter().chain(csv::COLUMNS.iter().copied()).collect();
    let mut row = headers(sheet, export, 0, &columns)?;
    let time = time_format();
    for attempt in export.attempts {
        sheet.write_number(row, 0, f64::from(row))?;
        for (col, cell) in csv::row(export, attempt).into_iter().enumerate() {
            let col = col as u16 + 1;
            // Times and figures as Excel dates and numbers, so a trainer can sort, sum and chart them.
            match col {
                8 => sheet.write_number_with_format(row, col, export.excel_time(attempt.started), &time)?,
                9 => match attempt.ended {
                    Some(ended) => sheet.write_number_with_format(row, col, export.excel_time(ended), &time)?,
                    None => sheet,
                },
                _ => match cell.parse::<f64>() {
                    Ok(n) if col > 10 => sheet.write_number(row, col, n)?,
                    _ => sheet.write_string(row, col, cell)?,
                },
            };
        }
        row += 1;
        if row == MAX_ROWS {
            // The CSV has every attempt; a sheet holds about a million.
            break;
        }
    }
    Ok(())
}

const STEP_COLUMNS: &[&str] = &[
    "col-number",
    "col-learner",
    "col-scenario-title",
    "col-step-seq",
    "col-step",
    "col-started",
    "col-seconds",
    "col-wrong",
    "col-hint-level",
    "col-skipped",
    "col-trap",
];

/// Rows a worksheet can hold (Excel's limit), the header included.
const MAX_ROWS: u32 = 1_048_576;

/// Every step, one row each; more steps than a sheet holds continue on `…(2)`.
fn steps(book: &mut Workbook, export: &Export) -> Result<(), ExportError> {
    let name = export.msg.text("sheet-steps");
    let mut part = 1;
    let mut sheet = step_sheet(book, export, &name, part)?;
    let mut row = 1;
    // Formatted once: a million rows would otherwise format these a million times.
    let yes_no = [export.yes_no(false), export.yes_no(true)];
    let traps = [String::new(), export.msg.text("trap-refused"), export.msg.text("trap-fell-for")];
    let time = time_format();
    for (number, attempt) in export.attempts.iter().enumerate() {
        let who = export.who(attempt.learner);
        let title = export.title(&attempt.scenario);
        for (seq, step) in attempt.steps.iter().enumerate() {
            if row == MAX_ROWS {
                part += 1;
                sheet = step_sheet(book, export, &name, part)?;
                row = 1;
            }
            // The number of the attempt's row on the attempts sheet.
            sheet.write_number(row, 0, (number + 1) as f64)?;
            sheet.write_string(row, 1, &who.name)?;
            sheet.write_string(row, 2, &title)?;
            sheet.write_number(row, 3, (seq + 1) as f64)?;
            let done = &step.record;
            sheet.write_string(row, 4, &done.step)?;
            sheet.write_number_with_format(row, 5, export.excel_time(step.started), &time)?;
            sheet.write_number(row, 6, (step.ended - step.started) as f64 / 1000.0)?;
            sheet.write_number(row, 7, f64::from(done.wrong_actions))?;
            sheet.write_number(row, 8, f64::from(done.highest_hint))?;
            sheet.write_string(row, 9, &yes_no[usize::from(done.skipped)])?;
            let trap = match done.trap {
                None => &traps[0],
                Some(TrapOutcome::Refused) => &traps[1],
                Some(TrapOutcome::FellFor) => &traps[2],
            };
            if !trap.is_empty() {
                sheet.write_string(row, 10, trap)?;
            }
            row += 1;
        }
    }
    Ok(())
}

fn step_sheet<'b>(
    book: &'b mut Workbook,
    export: &Export,
    name: &str,
    part: u32,
) -> Result<&'b mut Worksheet, ExportError> {
    let name = if part == 1 { name.to_owned() } else { format!("{name} ({part})") };
    // Low memory: a million rows are streamed to disk, not held, and repeated
    // words (names, titles, step ids) are stored once in the shared strings.
    let sheet = book.add_worksheet_with_low_memory()?.set_name(name)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_range_width(0, 10, 16)?;
    headers(sheet, export, 0, STEP_COLUMNS)?;
    Ok(sheet)
}

pub fn workbook(export: &Export) -> Result<Workbook, ExportError> {
    let mut book = Workbook::new();
    // Zip level 2 instead of 6: compressing was most of the time. With 1,000,000 step rows
    // (tools/bench-store.sh) the file grows 49 → 67 MB and the export drops 7.0 → 4.2 s.
    book.set_zip_compression_level(2);
    summary(book.add_worksheet().set_name(export.msg.text("sheet-summary"))?, export)?;
    attempts(book.add_worksheet_with_low_memory()?.set_name(export.msg.text("sheet-attempts"))?, export)?;
    steps(&mut book, export)?;
    Ok(book)
}
