//! The updates of a page updated in place: the stamps in its text
//! ([`crate::read::updates`]) and the times its front matter declares in
//! `updated`, checked against its publication and against each other.

use std::cmp::Ordering;

use super::*;

/// A page's text and dates, for reading its updates.
pub(super) struct Page<'a> {
    pub(super) rel: &'a str,
    pub(super) text: &'a str,
    pub(super) body_offset: usize,
    pub(super) language: &'a str,
    /// The date its text counts from (`written`, else `published`).
    pub(super) dated: &'a TimeText,
    pub(super) published: &'a TimeText,
}

/// An update with the span of the file it was read from.
type Spanned = (Range<usize>, Update);

impl Page<'_> {
    /// The page's updates: the stamps in its text, then the declared
    /// updates no stamp took. A stamp that gives only a time of day is read
    /// on the page's date, unless a declared update has that time of day:
    /// then it is that update. An update before the publication, or stamps
    /// whose times run neither forward nor back, are errors, since every
    /// claim under them would take a wrong time.
    pub(super) fn updates(&self, declared: Vec<(Sp<String>, TimeText)>, diags: &mut Vec<Diagnostic>) -> Vec<Update> {
        let mut declared: Vec<Option<Spanned>> = declared
            .into_iter()
            .map(|(sp, t)| Some((sp.span, update(t.text, &t.resolved, None))))
            .collect();
        let stamped = self.stamped(&mut declared);
        if let Some(d) = self.out_of_order(&stamped) {
            diags.push(d);
        }
        let first = update(self.published.text.clone(), &self.published.resolved, None);
        let all: Vec<Spanned> = stamped.into_iter().chain(declared.into_iter().flatten()).collect();
        for (span, u) in &all {
            if u.cmp_time(&first) == Ordering::Less {
                diags.push(self.before_publication(span.clone(), u));
            }
        }
        all.into_iter().map(|(_, u)| u).collect()
    }

    /// The stamps in the text, in text order, each taking the declared
    /// update with its time of day when it gives no day of its own.
    fn stamped(&self, declared: &mut [Option<Spanned>]) -> Vec<Spanned> {
        let iv = self.dated.resolved.interval;
        let reference = iv.start.filter(|_| iv.is_day());
        let body = self.text.get(self.body_offset..).unwrap_or_default();
        let mut out = Vec::new();
        for st in crate::read::updates::stamps(body, self.language, reference) {
            let clock = st.time.hours.filter(|_| st.time.relative).map(|h| h.from);
            let pinned = declared
                .iter_mut()
                .find(|d| {
                    d.as_ref()
                        .is_some_and(|(_, u)| clock.is_some() && u.hours.map(|h| h.from) == clock)
                })
                .and_then(Option::take);
            let at = self.body_offset + st.offset;
            let line_end = body
                .get(st.offset..)
                .and_then(|rest| rest.find('\n'))
                .map_or(self.text.len(), |e| at + e);
            let mut u = update(st.text, &st.time, Some(st.offset));
            if let Some((_, p)) = pinned {
                (u.time, u.hours) = (p.time, p.hours);
            }
            out.push((at..line_end, u));
        }
        out
    }

    /// The error for stamps whose times run forward and then back (or back
    /// and then forward): one of them is most likely on another day.
    fn out_of_order(&self, stamped: &[Spanned]) -> Option<Diagnostic> {
        let order: Vec<Ordering> = stamped
            .iter()
            .zip(stamped.iter().skip(1))
            .map(|((_, a), (_, b))| a.cmp_time(b))
            .collect();
        if !order.contains(&Ordering::Less) || !order.contains(&Ordering::Greater) {
            return None;
        }
        let forward = order.iter().find(|o| **o != Ordering::Equal) == Some(&Ordering::Less);
        let against = if forward { Ordering::Greater } else { Ordering::Less };
        let (span, u) = order
            .iter()
            .position(|o| *o == against)
            .and_then(|i| stamped.get(i + 1))?;
        Some(
            Diagnostic::error(
                "update-stamps-out-of-order",
                self.rel,
                Some(span.clone()),
                format!(
                    "the update stamps' times run {} until \"{}\", which turns back",
                    if forward { "forward" } else { "back" },
                    u.text
                ),
            )
            .label("read on the page's date")
            .help(format!(
                "a stamp that gives only a time of day is read on the page's date; if this one is on another day, \
                 declare its full time in the front matter, e.g. `updated = [\"{}\"]`, and the stamp with that \
                 time of day takes its day",
                next_day_example(u)
            )),
        )
    }

    fn before_publication(&self, span: Range<usize>, u: &Update) -> Diagnostic {
        let help = if u.offset.is_some() {
            "a stamp that gives only a time of day is read on the page's date; declare its full time in `updated = [\"...\"]`, or check `published`"
        } else {
            "check the update's date against `published`: an update comes after the page was first published"
        };
        Diagnostic::error(
            "update-before-publication",
            self.rel,
            Some(span),
            format!(
                "the update \"{}\" is read before the page was published ({})",
                u.text, self.published.text
            ),
        )
        .label("before the publication")
        .help(help)
    }
}

fn update(text: String, r: &Resolved, offset: Option<usize>) -> Update {
    Update {
        text,
        time: r.interval,
        hours: r.hours,
        offset,
    }
}

/// The stamp's time of day on the day after it, as `updated` would declare
/// it ("2016-04-18T06:10").
fn next_day_example(u: &Update) -> String {
    let day = u
        .time
        .start
        .and_then(|d| d.tomorrow().ok())
        .map(|d| d.to_string())
        .unwrap_or_default();
    match u.hours {
        Some(h) => format!("{day}T{:02}:{:02}", h.from / 60, h.from % 60),
        None => day,
    }
}
